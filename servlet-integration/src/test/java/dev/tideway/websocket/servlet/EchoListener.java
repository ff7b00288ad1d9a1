package dev.tideway.websocket.servlet;

import dev.tideway.websocket.protocol.CloseStatus;
import dev.tideway.websocket.protocol.ConnectionListener;
import dev.tideway.websocket.protocol.WebSocketConnection;
import dev.tideway.websocket.protocol.WriteCallback;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;

/**
 * Sends every chunk back as it comes, text as text and binary as binary, so a fragmented message returns
 * in parts and a whole one whole. Remembers how the connection ended.
 */
class EchoListener implements ConnectionListener {
    final WebSocketConnection connection;
    final CompletableFuture<CloseStatus> closed = new CompletableFuture<>();

    EchoListener(WebSocketConnection connection) {
        this.connection = connection;
    }

    @Override
    public void onText(ByteBuffer utf8, boolean last) {
        connection.sendText(copy(utf8), last, WriteCallback.NOOP);
    }

    @Override
    public void onBinary(ByteBuffer data, boolean last) {
        connection.sendBinary(copy(data), last, WriteCallback.NOOP);
    }

    @Override
    public void onPing(ByteBuffer payload) {
    }

    @Override
    public void onPong(ByteBuffer payload) {
    }

    @Override
    public void onError(Throwable cause) {
    }

    @Override
    public void onClosed(CloseStatus status) {
        closed.complete(status);
    }

    /** The engine's buffers are valid only during the callback. */
    static ByteBuffer copy(ByteBuffer chunk) {
        ByteBuffer copy = ByteBuffer.allocate(chunk.remaining());
        copy.put(chunk.duplicate()).flip();
        return copy;
    }
}
