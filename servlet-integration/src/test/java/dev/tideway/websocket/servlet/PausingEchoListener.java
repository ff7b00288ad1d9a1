package dev.tideway.websocket.servlet;

import dev.tideway.websocket.protocol.WebSocketConnection;
import java.nio.ByteBuffer;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Echoes, and after every {@code every}-th message pauses reading and resumes it from a timer thread a
 * few milliseconds later. Counts deliveries that break the rules: one while paused, or one on the thread
 * that is inside {@code resumeReading()}.
 */
final class PausingEchoListener extends EchoListener {
    private static final ThreadLocal<Boolean> IN_RESUME = ThreadLocal.withInitial(() -> false);

    final AtomicInteger violations = new AtomicInteger();
    final AtomicInteger pauses = new AtomicInteger();
    final AtomicInteger resumes = new AtomicInteger();
    private final ScheduledExecutorService timers;
    private final int every;
    private volatile boolean paused;
    private int messages;

    PausingEchoListener(WebSocketConnection connection, ScheduledExecutorService timers, int every) {
        super(connection);
        this.timers = timers;
        this.every = every;
    }

    @Override
    public void onText(ByteBuffer utf8, boolean last) {
        if (paused || IN_RESUME.get()) {
            violations.incrementAndGet();
        }
        super.onText(utf8, last);
        if (last && ++messages % every == 0) {
            paused = true;
            pauses.incrementAndGet();
            connection.pauseReading();
            timers.schedule(this::resume, 5, TimeUnit.MILLISECONDS);
        }
    }

    private void resume() {
        paused = false;
        IN_RESUME.set(true);
        try {
            connection.resumeReading();
        } finally {
            IN_RESUME.set(false);
        }
        resumes.incrementAndGet();
    }
}
