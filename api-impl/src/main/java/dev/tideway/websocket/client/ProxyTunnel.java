package dev.tideway.websocket.client;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The HTTP {@code CONNECT} exchange (RFC 9110 §9.3.6) that turns a connection to a proxy into a tunnel to
 * the server, through which TLS and the WebSocket upgrade then run.
 */
final class ProxyTunnel {

    private ProxyTunnel() {
    }

    /** {@code CONNECT host:port}, with the same authority as {@code Host}. */
    static ByteBuffer connectRequest(WebSocketUri target) {
        String authority = target.authority();
        String request = "CONNECT " + authority + " HTTP/1.1\r\nHost: " + authority + "\r\n\r\n";
        return ByteBuffer.wrap(request.getBytes(StandardCharsets.US_ASCII));
    }

    /**
     * Checks the proxy's answer: any 2xx opens the tunnel.
     *
     * @throws ClientHandshakeException saying that the proxy wants credentials (407) or refused
     */
    static void checkAnswer(HttpResponseHead response, InetSocketAddress proxy, WebSocketUri target)
            throws ClientHandshakeException {
        if (response.status() / 100 == 2) {
            return;
        }
        String name = "Proxy " + describe(proxy);
        if (response.status() == 407) {
            throw new ClientHandshakeException(name + " requires authentication, which is not supported ("
                    + response.statusText() + ")", response);
        }
        throw new ClientHandshakeException(name + " refused to open a tunnel to " + target.authority() + ": "
                + response.statusText(), response);
    }

    static String describe(InetSocketAddress proxy) {
        return proxy.getHostString() + ":" + proxy.getPort();
    }
}
