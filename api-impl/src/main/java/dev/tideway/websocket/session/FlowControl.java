package dev.tideway.websocket.session;

import dev.tideway.websocket.protocol.WebSocketConnection;

/**
 * Inbound backpressure for one session. Messages the reading thread has handed to the session's callbacks
 * but that were not delivered yet are counted here; above the high-water mark reading pauses, and it
 * resumes once deliveries bring the count below the low-water mark. A slow {@code @OnMessage} thus slows
 * the peer down through TCP instead of filling the heap.
 *
 * <p>A queued message costs {@value #PER_MESSAGE_COST} bytes on top of its size ({@link #costOf}), so
 * that a flood of tiny messages is bounded too.
 */
final class FlowControl {
    static final int PER_MESSAGE_COST = 64;

    private final WebSocketConnection connection;
    private final long highWater;
    private final long lowWater;
    private long pending;
    private boolean paused;

    FlowControl(WebSocketConnection connection, long highWater) {
        this.connection = connection;
        this.highWater = highWater;
        this.lowWater = highWater / 2;
    }

    /** What a message of {@code size} bytes waiting for delivery counts. */
    static long costOf(long size) {
        return size + PER_MESSAGE_COST;
    }

    /** The reading thread queued {@code bytes} for delivery; pauses reading when too much waits. */
    synchronized void queued(long bytes) {
        pending += bytes;
        if (!paused && pending > highWater) {
            paused = true;
            connection.pauseReading(); // under the lock, so that a resume cannot overtake it
        }
    }

    /** {@code bytes} earlier {@link #queued} were delivered; resumes reading when little waits. */
    synchronized void delivered(long bytes) {
        pending -= bytes;
        if (paused && pending <= lowWater) {
            paused = false;
            connection.resumeReading(); // transports resume without reading on this thread (Transport)
        }
    }
}
