package dev.tideway.websocket.session;

import dev.tideway.websocket.protocol.Scheduler;
import java.util.concurrent.TimeUnit;

/**
 * Closes a session that neither received nor sent anything for its maximum idle time. Activity only
 * stamps a time (no timer work per message); the one timer, when it fires, re-arms itself for the time
 * still left, or closes the session.
 */
final class IdleTimer {
    private final Scheduler scheduler;
    private final Runnable onIdle;
    private volatile long lastActivityNanos = System.nanoTime();
    private long timeoutMillis;
    private Scheduler.Cancellable timer;
    private boolean stopped;

    IdleTimer(Scheduler scheduler, Runnable onIdle) {
        this.scheduler = scheduler;
        this.onIdle = onIdle;
    }

    void touch() {
        lastActivityNanos = System.nanoTime();
    }

    synchronized long timeoutMillis() {
        return timeoutMillis;
    }

    /** Sets the timeout (zero or less: never) and restarts the count. */
    synchronized void timeoutMillis(long millis) {
        this.timeoutMillis = Math.max(0, millis);
        touch();
        arm(this.timeoutMillis);
    }

    synchronized void stop() {
        stopped = true;
        cancel();
    }

    private void arm(long delayMillis) {
        cancel();
        if (!stopped && timeoutMillis > 0) {
            timer = scheduler.schedule(this::check, delayMillis, TimeUnit.MILLISECONDS);
        }
    }

    private void cancel() {
        if (timer != null) {
            timer.cancel();
            timer = null;
        }
    }

    private void check() {
        synchronized (this) {
            if (stopped || timeoutMillis == 0) {
                return;
            }
            long idleMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - lastActivityNanos);
            if (idleMillis < timeoutMillis) {
                arm(timeoutMillis - idleMillis);
                return;
            }
            stopped = true;
            timer = null;
        }
        onIdle.run();
    }
}
