package dev.tideway.websocket.client;

import java.time.Duration;
import java.util.Map;

/**
 * The user properties of a {@code ClientEndpointConfig} that Tideway's client reads, named in the README.
 * Values may be strings or numbers (and booleans for the switches).
 */
final class ClientProperties {
    static final String PREFIX = "dev.tideway.websocket.client.";
    /** Milliseconds for TCP connect, TLS, proxy and upgrade together; default 30 s. */
    static final String CONNECT_TIMEOUT = PREFIX + "connectTimeout";
    /** {@code host:port} of an HTTP proxy; {@code none} for a direct connection; default: the system's ProxySelector. */
    static final String PROXY = PREFIX + "proxy";
    /** User and password for HTTP Basic authentication, sent when the server answers 401. */
    static final String USER = PREFIX + "user";
    static final String PASSWORD = PREFIX + "password";
    /** {@code false} turns host-name verification off for wss (tests only). */
    static final String HOSTNAME_VERIFICATION = PREFIX + "hostnameVerification";
    /** How many redirects to follow; default 3. */
    static final String MAX_REDIRECTS = PREFIX + "maxRedirects";
    /**
     * {@code true} offers permessage-deflate although the configuration does not list it; {@code false} stops
     * offering it although it does.
     */
    static final String DEFLATE = PREFIX + "permessageDeflate";

    private final Map<String, Object> properties;

    ClientProperties(Map<String, Object> properties) {
        this.properties = properties;
    }

    Duration duration(String name, Duration otherwise) {
        Object value = properties.get(name);
        return value == null ? otherwise : Duration.ofMillis(Long.parseLong(value.toString().trim()));
    }

    int integer(String name, int otherwise) {
        Object value = properties.get(name);
        return value == null ? otherwise : Integer.parseInt(value.toString().trim());
    }

    boolean flag(String name, boolean otherwise) {
        Object value = properties.get(name);
        return value == null ? otherwise : Boolean.parseBoolean(value.toString().trim());
    }

    String text(String name) {
        Object value = properties.get(name);
        return value == null ? null : value.toString().trim();
    }
}
