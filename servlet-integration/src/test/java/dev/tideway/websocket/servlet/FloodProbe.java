package dev.tideway.websocket.servlet;

import dev.tideway.websocket.protocol.WebSocketConnection;
import dev.tideway.websocket.protocol.WriteCallback;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sends numbered binary messages as fast as the connection takes them, until a send is refused, and
 * records what the engine and transport did meanwhile.
 */
final class FloodProbe {
    static final int MESSAGE_SIZE = 64 * 1024;
    /** Bounds the flood should the queue never fill: 128 MiB. */
    static final int MAX_MESSAGES = 2048;

    final AtomicInteger completed = new AtomicInteger();
    final CompletableFuture<Throwable> refused = new CompletableFuture<>();
    /** Messages queued before the refusal. */
    volatile int accepted;
    volatile int completedAtRefusal;
    volatile long queuedAtRefusal;

    /** Floods on the calling thread; message {@code i} starts with {@code i} as a big-endian int. */
    void flood(WebSocketConnection connection) {
        for (int i = 0; i < MAX_MESSAGES && !refused.isDone(); i++) {
            ByteBuffer payload = ByteBuffer.allocate(MESSAGE_SIZE);
            payload.putInt(0, i);
            int index = i;
            connection.sendBinary(payload, true, new WriteCallback() {
                @Override
                public void completed() {
                    completed.incrementAndGet();
                }

                @Override
                public void failed(Throwable cause) {
                    if (!refused.isDone()) {
                        accepted = index;
                        completedAtRefusal = completed.get();
                        queuedAtRefusal = connection.queuedBytes();
                        refused.complete(cause);
                    }
                }
            });
        }
    }
}
