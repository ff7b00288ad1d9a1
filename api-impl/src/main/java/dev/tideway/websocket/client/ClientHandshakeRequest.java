package dev.tideway.websocket.client;

import dev.tideway.websocket.protocol.ProtocolSettings;
import dev.tideway.websocket.protocol.extension.ExtensionFactory;
import dev.tideway.websocket.protocol.extension.ExtensionOffer;
import dev.tideway.websocket.protocol.extension.PerMessageDeflateFactory;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Consumer;
import javax.net.ssl.SSLContext;

/**
 * Everything one client connect needs to know, immutable: where to connect, what to offer in the opening
 * handshake (RFC 6455 §4.1), how to get there (TLS, proxy, credentials, redirects) and how long it may
 * take. Built with {@link #builder(URI)}; every setting but the URI has a default.
 *
 * <p>Extensions are offered in this order: first the offers of the {@linkplain Builder#extensions
 * extension factories} (the extensions Tideway runs; permessage-deflate by default), then the
 * {@linkplain Builder#rawExtensionOffers raw offers}, sent exactly as configured. Tideway cannot run a
 * raw-offered extension, so a server that accepts one fails the handshake.
 */
public final class ClientHandshakeRequest {
    /**
     * Redirects followed before giving up. Three covers the real cases (http to https, a trailing slash,
     * a load balancer's hop, in any combination of two) while a redirect loop fails in a few round trips.
     */
    public static final int DEFAULT_MAX_REDIRECTS = 3;
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(30);

    private final WebSocketUri target;
    private final List<String> subprotocols;
    private final List<ExtensionFactory> extensions;
    private final List<ExtensionOffer> rawExtensionOffers;
    private final Map<String, List<String>> headers;
    private final Consumer<Map<String, List<String>>> beforeRequest;
    private final Duration connectTimeout;
    private final SSLContext sslContext;
    private final boolean hostnameVerification;
    private final ClientProxy proxy;
    private final BasicCredentials credentials;
    private final int maxRedirects;
    private final ProtocolSettings settings;

    private ClientHandshakeRequest(Builder b) {
        this.target = b.target;
        this.subprotocols = List.copyOf(b.subprotocols);
        this.extensions = List.copyOf(b.extensions);
        this.rawExtensionOffers = List.copyOf(b.rawExtensionOffers);
        this.headers = copyOf(b.headers);
        this.beforeRequest = b.beforeRequest;
        this.connectTimeout = b.connectTimeout;
        this.sslContext = b.sslContext;
        this.hostnameVerification = b.hostnameVerification;
        this.proxy = b.proxy;
        this.credentials = b.credentials;
        this.maxRedirects = b.maxRedirects;
        this.settings = b.settings;
    }

    /** A builder for a connect to {@code uri}, a ws or wss URI without a fragment. */
    public static Builder builder(URI uri) {
        return new Builder(uri);
    }

    public URI uri() {
        return target.uri();
    }

    WebSocketUri target() {
        return target;
    }

    /** The subprotocols offered, most preferred first. */
    public List<String> subprotocols() {
        return subprotocols;
    }

    /** The extensions offered that Tideway runs when the server accepts them. */
    public List<ExtensionFactory> extensions() {
        return extensions;
    }

    /** Extension offers sent as configured, for extensions Tideway does not implement. */
    public List<ExtensionOffer> rawExtensionOffers() {
        return rawExtensionOffers;
    }

    /** Extra request header fields, names compared ignoring case; unmodifiable. */
    public Map<String, List<String>> headers() {
        return headers;
    }

    /** Sees and may change every header of each request just before it is sent; {@code null} when none. */
    public Consumer<Map<String, List<String>>> beforeRequest() {
        return beforeRequest;
    }

    public Duration connectTimeout() {
        return connectTimeout;
    }

    /** The TLS context for wss, or {@code null} for {@link SSLContext#getDefault()}. */
    public SSLContext sslContext() {
        return sslContext;
    }

    public boolean hostnameVerification() {
        return hostnameVerification;
    }

    public ClientProxy proxy() {
        return proxy;
    }

    /** Credentials for Basic authentication, or {@code null}. */
    public BasicCredentials credentials() {
        return credentials;
    }

    public int maxRedirects() {
        return maxRedirects;
    }

    public ProtocolSettings settings() {
        return settings;
    }

    /** A new, case-insensitive, deeply unmodifiable copy. */
    private static Map<String, List<String>> copyOf(Map<String, List<String>> headers) {
        Map<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((name, values) -> copy.put(name, List.copyOf(values)));
        return Collections.unmodifiableMap(copy);
    }

    /** Collects the settings of a {@link ClientHandshakeRequest}. */
    public static final class Builder {
        private final WebSocketUri target;
        private final List<String> subprotocols = new ArrayList<>();
        private final List<ExtensionFactory> extensions = new ArrayList<>(List.of(new PerMessageDeflateFactory()));
        private final List<ExtensionOffer> rawExtensionOffers = new ArrayList<>();
        private final Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        private Consumer<Map<String, List<String>>> beforeRequest;
        private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
        private SSLContext sslContext;
        private boolean hostnameVerification = true;
        private ClientProxy proxy = ClientProxy.systemDefault();
        private BasicCredentials credentials;
        private int maxRedirects = DEFAULT_MAX_REDIRECTS;
        private ProtocolSettings settings = ProtocolSettings.DEFAULTS;

        private Builder(URI uri) {
            this.target = WebSocketUri.of(Objects.requireNonNull(uri, "uri"));
        }

        /** The subprotocols to offer, most preferred first; each must be an HTTP token. */
        public Builder subprotocols(List<String> protocols) {
            for (String protocol : protocols) {
                if (!HttpSyntax.isToken(protocol)) {
                    throw new IllegalArgumentException("Subprotocol is not an HTTP token: \"" + protocol + "\"");
                }
            }
            subprotocols.clear();
            subprotocols.addAll(protocols);
            return this;
        }

        /** The extensions to offer and run; replaces the default (permessage-deflate). Empty for none. */
        public Builder extensions(List<ExtensionFactory> factories) {
            extensions.clear();
            extensions.addAll(factories);
            return this;
        }

        /**
         * Offers to send as they are, after the factories' offers: extensions the user configured that
         * Tideway does not implement. A server that accepts one of them fails the connect.
         */
        public Builder rawExtensionOffers(List<ExtensionOffer> offers) {
            rawExtensionOffers.clear();
            rawExtensionOffers.addAll(offers);
            return this;
        }

        /** Adds a value to a request header field (names compared ignoring case). */
        public Builder header(String name, String value) {
            if (!HttpSyntax.isToken(name)) {
                throw new IllegalArgumentException("Header name is not an HTTP token: \"" + name + "\"");
            }
            headers.computeIfAbsent(name, n -> new ArrayList<>()).add(Objects.requireNonNull(value, "value"));
            return this;
        }

        /**
         * A hook that sees, and may change, the full header map of each request (the handshake's own
         * fields included) just before it is sent: the Jakarta {@code Configurator.beforeRequest}. It runs
         * on the thread calling {@code connect} for the first request and on a client I/O thread for a
         * request after a redirect or an authentication challenge, so it must not block.
         */
        public Builder beforeRequest(Consumer<Map<String, List<String>>> hook) {
            this.beforeRequest = hook;
            return this;
        }

        /** The time the whole connect may take: TCP, proxy tunnel, TLS, redirects and upgrade. */
        public Builder connectTimeout(Duration timeout) {
            Objects.requireNonNull(timeout, "connectTimeout");
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("connectTimeout must be positive: " + timeout);
            }
            this.connectTimeout = timeout;
            return this;
        }

        /** The TLS context for wss; {@code null} (the default) means {@link SSLContext#getDefault()}. */
        public Builder sslContext(SSLContext context) {
            this.sslContext = context;
            return this;
        }

        /** Whether the server's certificate must match the host name of the URI; on by default. */
        public Builder hostnameVerification(boolean verify) {
            this.hostnameVerification = verify;
            return this;
        }

        public Builder proxy(ClientProxy proxy) {
            this.proxy = Objects.requireNonNull(proxy, "proxy");
            return this;
        }

        public Builder credentials(BasicCredentials credentials) {
            this.credentials = credentials;
            return this;
        }

        /** Redirects to follow; 0 turns following off. Default {@value ClientHandshakeRequest#DEFAULT_MAX_REDIRECTS}. */
        public Builder maxRedirects(int max) {
            if (max < 0) {
                throw new IllegalArgumentException("maxRedirects must not be negative: " + max);
            }
            this.maxRedirects = max;
            return this;
        }

        public Builder settings(ProtocolSettings settings) {
            this.settings = Objects.requireNonNull(settings, "settings");
            return this;
        }

        public ClientHandshakeRequest build() {
            return new ClientHandshakeRequest(this);
        }
    }
}
