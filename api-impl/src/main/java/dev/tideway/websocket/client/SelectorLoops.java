package dev.tideway.websocket.client;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The fixed set of {@link SelectorLoop}s that all connections of one client share, started on first use
 * and stopped when idle: an idle client holds no thread.
 *
 * <p>Whoever needs a loop takes a {@link Lease}: a connect in progress, then the open connection. When the
 * last lease is released, the loops stop after the idle timeout unless a new lease came meanwhile; the
 * next lease starts fresh ones.
 */
final class SelectorLoops {
    private static final long JOIN_MILLIS = 2000;

    private final String threadNamePrefix;
    private final int size;
    private final Duration idleTimeout;

    // guarded by this
    private SelectorLoop[] loops;
    private int next;
    private int leases;
    /** Changes with every lease, so an idle check scheduled before it knows it is stale. */
    private long generation;
    private boolean closed;

    SelectorLoops(String threadNamePrefix, int size, Duration idleTimeout) {
        this.threadNamePrefix = threadNamePrefix;
        this.size = size;
        this.idleTimeout = idleTimeout;
    }

    /** The number of loops a client runs: one per core, at most two (a client's work is light). */
    static int defaultSize() {
        return Math.min(2, Runtime.getRuntime().availableProcessors());
    }

    String threadNamePrefix() {
        return threadNamePrefix;
    }

    /**
     * A lease on the next loop, round robin, starting the loops if they are stopped.
     *
     * @throws IllegalStateException when the client is closed
     * @throws UncheckedIOException  when a selector cannot be opened
     */
    synchronized Lease lease() {
        if (closed) {
            throw new IllegalStateException("The WebSocket client is closed");
        }
        if (loops == null) {
            loops = startLoops();
        }
        leases++;
        generation++;
        SelectorLoop loop = loops[next];
        next = (next + 1) % size;
        return new Lease(loop);
    }

    /** Stops the loops now; their channels are closed and their owners told. Leases are refused from now on. */
    void close() {
        SelectorLoop[] stopping;
        synchronized (this) {
            closed = true;
            stopping = loops;
            loops = null;
        }
        if (stopping == null) {
            return;
        }
        for (SelectorLoop loop : stopping) {
            loop.stop();
        }
        for (SelectorLoop loop : stopping) {
            if (!loop.inLoop()) {
                join(loop.thread());
            }
        }
    }

    private synchronized void released() {
        leases--;
        if (leases == 0 && loops != null) {
            long idleSince = generation;
            loops[0].schedule(() -> stopIfIdle(idleSince), idleTimeout.toNanos(), TimeUnit.NANOSECONDS);
        }
    }

    private synchronized void stopIfIdle(long idleSince) {
        if (leases == 0 && generation == idleSince && loops != null) {
            for (SelectorLoop loop : loops) {
                loop.stop();
            }
            loops = null;
        }
    }

    private SelectorLoop[] startLoops() {
        SelectorLoop[] started = new SelectorLoop[size];
        for (int i = 0; i < size; i++) {
            try {
                started[i] = new SelectorLoop(threadNamePrefix + i);
            } catch (IOException e) {
                for (int j = 0; j < i; j++) {
                    started[j].stop();
                }
                throw new UncheckedIOException("Cannot open a selector for the WebSocket client", e);
            }
            started[i].start();
        }
        return started;
    }

    private static void join(Thread thread) {
        try {
            thread.join(JOIN_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The right to use one loop; keeps the loops running until released. */
    final class Lease {
        private final SelectorLoop loop;
        private final AtomicBoolean released = new AtomicBoolean();

        private Lease(SelectorLoop loop) {
            this.loop = loop;
        }

        SelectorLoop loop() {
            return loop;
        }

        /** Idempotent. */
        void release() {
            if (released.compareAndSet(false, true)) {
                released();
            }
        }
    }
}
