package dev.tideway.websocket.client;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * A {@code ws://} or {@code wss://} URI (RFC 6455 §3) taken apart for connecting: the host to reach, the
 * port, whether TLS is used, the request target of the GET line and the value of the {@code Host} header.
 */
final class WebSocketUri {
    private final URI uri;
    private final boolean secure;
    /** The host as DNS and TLS want it: an IPv6 literal without its brackets. */
    private final String host;
    private final int port;

    private WebSocketUri(URI uri, boolean secure, String host, int port) {
        this.uri = uri;
        this.secure = secure;
        this.host = host;
        this.port = port;
    }

    /**
     * Checks that {@code uri} is an absolute ws or wss URI with a host and without a fragment.
     *
     * @throws IllegalArgumentException saying what is wrong
     */
    static WebSocketUri of(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("ws") && !scheme.equals("wss")) {
            throw new IllegalArgumentException("Not a WebSocket URI (scheme must be ws or wss): " + uri);
        }
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("WebSocket URI has no host: " + uri);
        }
        if (uri.getRawFragment() != null) { // RFC 6455 §3: fragments must not be used in these URIs
            throw new IllegalArgumentException("WebSocket URI must not have a fragment: " + uri);
        }
        boolean secure = scheme.equals("wss");
        String host = uri.getHost();
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        int port = uri.getPort() == -1 ? defaultPort(secure) : uri.getPort();
        return new WebSocketUri(uri, secure, host, port);
    }

    URI uri() {
        return uri;
    }

    boolean secure() {
        return secure;
    }

    String host() {
        return host;
    }

    int port() {
        return port;
    }

    /** {@code host:port} as in a CONNECT request and in messages; an IPv6 host in brackets. */
    String authority() {
        return bracketed() + ":" + port;
    }

    /** The {@code Host} header (RFC 9110 §7.2): the port only when it is not the scheme's default. */
    String hostHeader() {
        return port == defaultPort(secure) ? bracketed() : authority();
    }

    /** The request target of the GET line: the path ({@code /} when empty) and the query. */
    String requestTarget() {
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
    }

    /**
     * Where a redirect's {@code Location} leads: resolved against this URI, with http mapped to ws and
     * https to wss. A redirect from wss to ws is refused, as it would drop TLS unnoticed.
     *
     * @throws ClientHandshakeException when the location is malformed, of another scheme, or a downgrade
     */
    WebSocketUri redirectTo(String location) throws ClientHandshakeException {
        URI resolved;
        try {
            resolved = uri.resolve(new URI(location));
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new ClientHandshakeException("Redirect to a malformed Location '" + location + "'", e);
        }
        String scheme = resolved.getScheme() == null ? "" : resolved.getScheme().toLowerCase(Locale.ROOT);
        String mapped = switch (scheme) {
            case "ws", "http" -> "ws";
            case "wss", "https" -> "wss";
            default -> throw new ClientHandshakeException("Redirect to '" + location
                    + "', which is not a ws, wss, http or https URI");
        };
        if (secure && mapped.equals("ws")) {
            throw new ClientHandshakeException("Refusing a redirect from " + uri + " to " + resolved
                    + ": it would drop TLS");
        }
        try {
            // a fragment of the Location is dropped: WebSocket URIs have none
            return of(new URI(mapped + ":" + resolved.getRawSchemeSpecificPart()));
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new ClientHandshakeException("Redirect to an unusable Location '" + location + "': "
                    + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return uri.toString();
    }

    private String bracketed() {
        return host.indexOf(':') >= 0 ? "[" + host + "]" : host;
    }

    private static int defaultPort(boolean secure) {
        return secure ? 443 : 80;
    }
}
