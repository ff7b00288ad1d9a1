package dev.tideway.websocket.client;

import dev.tideway.websocket.protocol.WebSocketConnection;
import java.nio.ByteBuffer;

/**
 * Where a {@link ClientTransport} delivers what it reads: first the connect steps (proxy answer, TLS
 * records, the server's handshake answer), then the {@link WebSocketConnection}. Calls come from the
 * transport's loop thread, one at a time.
 */
interface ReadHandler {

    /**
     * Bytes arrived, or reading resumed (then {@code data} may be empty). Whatever the handler leaves in
     * {@code data} stays with the transport and comes again in front of the next bytes: a handler that
     * cannot use a partial unit (a TLS record) leaves it, and one that paused reading leaves the rest.
     */
    void onRead(ByteBuffer data);

    /** The peer closed its side of the connection. */
    void onReadEof();

    /** Reading or writing failed, or the client was closed under the connection. */
    void onTransportFailure(Throwable cause);

    /** Feeds a WebSocket connection: the handler of an open connection. */
    static ReadHandler of(WebSocketConnection connection) {
        return new ReadHandler() {
            @Override
            public void onRead(ByteBuffer data) {
                connection.onRead(data);
            }

            @Override
            public void onReadEof() {
                connection.onReadEof();
            }

            @Override
            public void onTransportFailure(Throwable cause) {
                connection.onTransportFailure(cause);
            }
        };
    }
}
