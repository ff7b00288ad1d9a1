package dev.tideway.websocket.client;

import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.URI;
import java.util.List;
import java.util.Objects;

/**
 * How a client reaches the server: directly, through one HTTP proxy, or through whatever a
 * {@link ProxySelector} picks. Through a proxy, the client opens a tunnel with {@code CONNECT} for ws and
 * wss alike, then runs TLS (for wss) and the upgrade inside it.
 */
public final class ClientProxy {
    private static final ClientProxy NONE = new ClientProxy(null, null, false);
    private static final ClientProxy SYSTEM_DEFAULT = new ClientProxy(null, null, true);

    private final InetSocketAddress address;
    private final ProxySelector selector;
    private final boolean systemDefault;

    private ClientProxy(InetSocketAddress address, ProxySelector selector, boolean systemDefault) {
        this.address = address;
        this.selector = selector;
        this.systemDefault = systemDefault;
    }

    /** Always connect directly. */
    public static ClientProxy none() {
        return NONE;
    }

    /** Always tunnel through the HTTP proxy at {@code host:port}. */
    public static ClientProxy http(String host, int port) {
        Objects.requireNonNull(host, "host");
        return new ClientProxy(InetSocketAddress.createUnresolved(host, port), null, false);
    }

    /** Ask {@code selector} for each connection (it is given {@code http://host:port} or {@code https://…}). */
    public static ClientProxy selectedBy(ProxySelector selector) {
        return new ClientProxy(null, Objects.requireNonNull(selector, "selector"), false);
    }

    /**
     * Ask {@link ProxySelector#getDefault()} at each connect: the {@code http.proxyHost} /
     * {@code https.proxyHost} system properties and their {@code nonProxyHosts}. The default.
     */
    public static ClientProxy systemDefault() {
        return SYSTEM_DEFAULT;
    }

    /**
     * The proxy to use for {@code target}, or {@code null} to connect directly. A selector's first HTTP
     * proxy is taken; its DIRECT choice means no proxy.
     *
     * @throws ClientHandshakeException when the selector offers only proxies this client cannot use (SOCKS)
     */
    InetSocketAddress proxyFor(WebSocketUri target) throws ClientHandshakeException {
        if (address != null) {
            return address;
        }
        ProxySelector chosen = systemDefault ? ProxySelector.getDefault() : selector;
        if (chosen == null) {
            return null;
        }
        // the proxy for a WebSocket is the one for the same host over HTTP(S), where the upgrade travels
        URI asHttp = URI.create((target.secure() ? "https://" : "http://") + target.authority());
        List<Proxy> proxies = chosen.select(asHttp);
        if (proxies == null || proxies.isEmpty()) {
            return null;
        }
        for (Proxy proxy : proxies) {
            if (proxy.type() == Proxy.Type.DIRECT) {
                return null;
            }
            if (proxy.type() == Proxy.Type.HTTP && proxy.address() instanceof InetSocketAddress http) {
                return http;
            }
        }
        throw new ClientHandshakeException("The proxy selector offers no usable proxy for " + asHttp
                + " (only HTTP proxies are supported): " + proxies);
    }

    @Override
    public String toString() {
        if (address != null) {
            return "ClientProxy[http " + address.getHostString() + ":" + address.getPort() + "]";
        }
        return systemDefault ? "ClientProxy[system default]" : selector == null ? "ClientProxy[none]"
                : "ClientProxy[" + selector + "]";
    }
}
