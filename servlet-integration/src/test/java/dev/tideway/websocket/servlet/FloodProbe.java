package dev.tideway.websocket.servlet;

import dev.tideway.websocket.protocol.SendQueueFullException;
import dev.tideway.websocket.protocol.WebSocketConnection;
import dev.tideway.websocket.protocol.WriteCallback;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sends numbered binary messages as fast as the connection takes them. A refused send is retried while
 * the peer still makes progress (write callbacks complete); once the queue is full and nothing has
 * completed for {@value #STALL_MILLIS} ms, the peer has stopped reading, and the probe records the state.
 */
final class FloodProbe {
    static final int MESSAGE_SIZE = 64 * 1024;
    /** Bounds the flood should the queue never fill: 128 MiB. */
    static final int MAX_MESSAGES = 2048;
    static final long STALL_MILLIS = 200;

    /** What the flood saw when it stopped. */
    record Stall(Throwable refusal, int accepted, int completed, long queuedBytes) {
    }

    final AtomicInteger completed = new AtomicInteger();
    /** Accepted sends that failed later (the connection broke): none expected. */
    final AtomicInteger lateFailures = new AtomicInteger();
    final CompletableFuture<Stall> stalled = new CompletableFuture<>();

    /** Floods on the calling thread; message {@code i} starts with {@code i} as a big-endian int. */
    void flood(WebSocketConnection connection) {
        try {
            int next = 0;
            while (next < MAX_MESSAGES) {
                Throwable refusal = send(connection, next);
                if (refusal == null) {
                    next++;
                    continue;
                }
                int before = completed.get();
                Thread.sleep(STALL_MILLIS);
                boolean waiting = before < next; // all queued ones done: the flood outran a reading peer
                if (!(refusal instanceof SendQueueFullException) || (waiting && completed.get() == before)) {
                    stalled.complete(new Stall(refusal, next, before, connection.queuedBytes()));
                    return;
                }
            }
            stalled.completeExceptionally(new AssertionError(MAX_MESSAGES + " messages and no refusal"));
        } catch (InterruptedException e) {
            stalled.completeExceptionally(e);
        }
    }

    /** Sends message {@code index}; returns why it was refused, or null when it was queued. */
    private Throwable send(WebSocketConnection connection, int index) {
        ByteBuffer payload = ByteBuffer.allocate(MESSAGE_SIZE);
        payload.putInt(0, index);
        Send send = new Send();
        connection.sendBinary(payload, true, send);
        send.returned = true;
        return send.refusal;
    }

    /** A refusal is reported before {@code sendBinary} returns; a completion or failure after it is late. */
    private final class Send implements WriteCallback {
        volatile boolean returned;
        volatile Throwable refusal;

        @Override
        public void completed() {
            completed.incrementAndGet();
        }

        @Override
        public void failed(Throwable cause) {
            if (returned) {
                lateFailures.incrementAndGet();
            } else {
                refusal = cause;
            }
        }
    }
}
