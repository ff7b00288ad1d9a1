package dev.tideway.websocket.servlet;

import dev.tideway.websocket.protocol.WebSocketConnection;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * Pauses reading after the first whole message and stays paused until {@link #resume()}; collects the
 * binary messages it receives, whole, in order.
 */
final class HoldingListener extends EchoListener {
    final BlockingQueue<byte[]> received = new LinkedBlockingQueue<>();
    final CompletableFuture<Void> paused = new CompletableFuture<>();
    private final ByteArrayOutputStream current = new ByteArrayOutputStream();

    HoldingListener(WebSocketConnection connection) {
        super(connection);
    }

    @Override
    public void onBinary(ByteBuffer data, boolean last) {
        byte[] bytes = new byte[data.remaining()];
        data.get(bytes);
        current.writeBytes(bytes);
        if (last) {
            received.add(current.toByteArray());
            current.reset();
            if (!paused.isDone()) {
                connection.pauseReading();
                paused.complete(null);
            }
        }
    }

    void resume() {
        connection.resumeReading();
    }
}
