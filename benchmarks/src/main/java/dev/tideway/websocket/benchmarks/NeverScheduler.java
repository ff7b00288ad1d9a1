package dev.tideway.websocket.benchmarks;

import dev.tideway.websocket.protocol.Scheduler;
import java.util.concurrent.TimeUnit;

/** A scheduler whose timers never fire: benchmarks never close, so the close timeout never matters. */
enum NeverScheduler implements Scheduler {
    INSTANCE;

    private static final Cancellable NOTHING_TO_CANCEL = () -> { };

    @Override
    public Cancellable schedule(Runnable task, long delay, TimeUnit unit) {
        return NOTHING_TO_CANCEL;
    }
}
