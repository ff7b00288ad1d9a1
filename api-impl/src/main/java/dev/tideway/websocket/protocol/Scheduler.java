package dev.tideway.websocket.protocol;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The engine's timers (the close timeout). A container shares one scheduler among all its connections;
 * tests substitute a manual clock.
 */
@FunctionalInterface
public interface Scheduler {

    /** A scheduled task that can still be called off. */
    @FunctionalInterface
    interface Cancellable {
        void cancel();
    }

    Cancellable schedule(Runnable task, long delay, TimeUnit unit);

    /** A scheduler backed by an executor the caller owns (and shuts down). */
    static Scheduler of(ScheduledExecutorService executor) {
        return (task, delay, unit) -> {
            ScheduledFuture<?> future = executor.schedule(task, delay, unit);
            return () -> future.cancel(false);
        };
    }
}
