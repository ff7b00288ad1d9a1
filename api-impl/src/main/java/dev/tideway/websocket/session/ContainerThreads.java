package dev.tideway.websocket.session;

import dev.tideway.websocket.protocol.BufferPool;
import dev.tideway.websocket.protocol.Scheduler;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads of one container (a web application's server container, or a client container): the
 * callback threads that run application code (each session in order on top of them) and one timer
 * thread. All are daemons named after the container ({@code tideway-ws-NAME-n} and
 * {@code tideway-ws-timer-NAME-n}); they die after a short idle time, the keep-alive, so an idle container
 * holds none, and {@link #shutdown} ends them at once, so that nothing outlives an undeployed application.
 */
public final class ContainerThreads {
    /** How long an idle thread waits for work before it ends. */
    public static final Duration DEFAULT_KEEP_ALIVE = Duration.ofSeconds(30);

    private final ExecutorService callbacks;
    private final ScheduledThreadPoolExecutor timers;

    /** Threads named after {@code name} that end after {@link #DEFAULT_KEEP_ALIVE} without work. */
    public ContainerThreads(String name) {
        this(name, DEFAULT_KEEP_ALIVE);
    }

    /** Threads named after {@code name} that end after {@code keepAlive} (positive) without work. */
    public ContainerThreads(String name, Duration keepAlive) {
        long keepAliveNanos = keepAlive.toNanos();
        if (keepAliveNanos <= 0) {
            throw new IllegalArgumentException("keepAlive must be positive: " + keepAlive);
        }
        // a new thread when all are busy: application code may block (a Basic send to a slow peer), and
        // each session uses at most one thread at a time, so the count stays bounded by the busy sessions
        this.callbacks = new ThreadPoolExecutor(0, Integer.MAX_VALUE, keepAliveNanos, TimeUnit.NANOSECONDS,
                new SynchronousQueue<>(), daemons("tideway-ws-" + name));
        this.timers = new ScheduledThreadPoolExecutor(1, daemons("tideway-ws-timer-" + name));
        timers.setRemoveOnCancelPolicy(true); // idle and close timers are cancelled far more often than fired
        timers.setKeepAliveTime(keepAliveNanos, TimeUnit.NANOSECONDS);
        timers.allowCoreThreadTimeOut(true);
    }

    /** Resources for the sessions of this container, with a buffer pool of their own. */
    public SessionResources sessionResources() {
        return new SessionResources(callbacks, Scheduler.of(timers), BufferPool.newDefault());
    }

    /** Stops both pools; waits at most {@code millis} for running callbacks to finish. */
    public void shutdown(long millis) throws InterruptedException {
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
