package dev.tideway.websocket.servlet;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads of one web application's WebSocket container: the callback threads that run application
 * code (each session in order on top of them) and one timer thread. All are daemons named after the
 * application; callback threads die after a short idle time, and {@link #shutdown} ends them all, so that
 * nothing outlives an undeployed application.
 */
final class ContainerThreads {
    private static final long IDLE_SECONDS = 30;

    final ExecutorService callbacks;
    final ScheduledThreadPoolExecutor timers;

    ContainerThreads(String name) {
        // a new thread when all are busy: application code may block (a Basic send to a slow peer), and
        // each session uses at most one thread at a time, so the count stays bounded by the busy sessions
        this.callbacks = new ThreadPoolExecutor(0, Integer.MAX_VALUE, IDLE_SECONDS, TimeUnit.SECONDS,
                new SynchronousQueue<>(), daemons("tideway-ws-" + name));
        this.timers = new ScheduledThreadPoolExecutor(1, daemons("tideway-ws-timer-" + name));
        timers.setRemoveOnCancelPolicy(true); // idle and close timers are cancelled far more often than fired
        timers.setKeepAliveTime(IDLE_SECONDS, TimeUnit.SECONDS);
        timers.allowCoreThreadTimeOut(true);
    }

    /** Stops both pools; waits at most {@code millis} for running callbacks to finish. */
    void shutdown(long millis) throws InterruptedException {
        timers.shutdownNow();
        callbacks.shutdown();
        if (!callbacks.awaitTermination(millis, TimeUnit.MILLISECONDS)) {
            callbacks.shutdownNow();
        }
    }

    private static ThreadFactory daemons(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
