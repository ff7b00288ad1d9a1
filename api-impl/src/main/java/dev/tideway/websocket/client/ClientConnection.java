package dev.tideway.websocket.client;

import dev.tideway.websocket.protocol.WebSocketConnection;
import dev.tideway.websocket.protocol.extension.Extension;
import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * An open client connection: the engine's {@link WebSocketConnection}, to send on and close, and what
 * the opening handshake settled.
 */
public final class ClientConnection {
    private final WebSocketConnection connection;
    private final HandshakeResult handshake;

    ClientConnection(WebSocketConnection connection, HandshakeResult handshake) {
        this.connection = connection;
        this.handshake = handshake;
    }

    /** The engine: send with it, close with it, pause and resume reading with it. */
    public WebSocketConnection connection() {
        return connection;
    }

    public HandshakeResult handshake() {
        return handshake;
    }

    /** The URI connected to, after any redirects. */
    public URI uri() {
        return handshake.uri();
    }

    /** The subprotocol the server selected, or the empty string. */
    public String subprotocol() {
        return handshake.subprotocol();
    }

    public List<Extension> extensions() {
        return handshake.extensions();
    }

    /** The header fields of the server's 101 response, names compared ignoring case. */
    public Map<String, List<String>> responseHeaders() {
        return handshake.responseHeaders();
    }

    /** Whether the connection runs over TLS (wss). */
    public boolean isSecure() {
        return handshake.secure();
    }
}
