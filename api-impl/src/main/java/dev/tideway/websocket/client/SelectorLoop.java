package dev.tideway.websocket.client;

import dev.tideway.websocket.protocol.Scheduler;
import java.io.IOException;
import java.nio.channels.CancelledKeyException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One daemon thread around one {@link Selector}: it tells the owners of its channels when they are ready,
 * runs tasks handed to it from other threads, and runs timers (the connect timeout, the engine's close
 * timeout), so that a client needs no thread besides its loops.
 *
 * <p>Everything a loop calls runs on its thread, one thing at a time; an owner never needs a lock for
 * state only that thread touches. Nothing here may block.
 */
final class SelectorLoop implements Scheduler {
    private static final System.Logger LOG = System.getLogger(SelectorLoop.class.getName());

    /** The owner of a registered channel. */
    interface IoHandler {
        /** The channel is ready for the operations in {@code readyOps}. */
        void onReady(int readyOps);

        /** The loop is stopping with the channel still registered: close it and report. */
        void onLoopClosed();
    }

    private final Selector selector;
    private final Thread thread;
    private final ConcurrentLinkedQueue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    /** Loop thread only. */
    private final PriorityQueue<Timer> timers = new PriorityQueue<>();
    private final AtomicBoolean wakeupPending = new AtomicBoolean();
    private long timerSequence;
    private volatile boolean stopping;

    SelectorLoop(String threadName) throws IOException {
        this.selector = Selector.open();
        this.thread = new Thread(this::run, threadName);
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    Thread thread() {
        return thread;
    }

    boolean inLoop() {
        return Thread.currentThread() == thread;
    }

    /** Runs {@code task} on the loop thread, after what is running now. Dropped once the loop has stopped. */
    void execute(Runnable task) {
        tasks.add(task);
        if (!inLoop()) {
            wakeup();
        }
    }

    /** Runs {@code task} on the loop thread after {@code delay}, unless cancelled first. */
    @Override
    public Cancellable schedule(Runnable task, long delay, TimeUnit unit) {
        Timer timer = new Timer(task, System.nanoTime() + unit.toNanos(delay));
        execute(() -> {
            timer.sequence = timerSequence++;
            timers.add(timer);
        });
        return timer::cancel;
    }

    /** Registers a channel for {@code ops}; loop thread only. */
    SelectionKey register(SelectableChannel channel, int ops, IoHandler handler) throws ClosedChannelException {
        return channel.register(selector, ops, handler);
    }

    /** Makes a blocked select return, so that changed interest ops and closed channels take effect. */
    void wakeup() {
        // one wakeup per round is enough: the loop clears the flag before it looks at the task queue
        if (wakeupPending.compareAndSet(false, true)) {
            selector.wakeup();
        }
    }

    /** Stops the loop: the thread closes the channels still registered (telling their owners) and ends. */
    void stop() {
        stopping = true;
        selector.wakeup();
    }

    private void run() {
        try {
            while (!stopping) {
                long timeout = selectTimeoutMillis();
                if (timeout < 0) {
                    selector.selectNow(this::dispatch);
                } else {
                    selector.select(this::dispatch, timeout);
                }
                wakeupPending.set(false);
                runTasks();
                runDueTimers();
            }
        } catch (Throwable t) {
            LOG.log(System.Logger.Level.ERROR, "WebSocket client loop " + thread.getName() + " failed", t);
        } finally {
            shutDown();
        }
    }

    /** -1 for "do not block" (work is waiting), 0 for "until woken", else the time to the next timer. */
    private long selectTimeoutMillis() {
        if (!tasks.isEmpty()) {
            return -1;
        }
        Timer next = timers.peek();
        if (next == null) {
            return 0;
        }
        long nanos = next.deadline - System.nanoTime();
        return nanos <= 0 ? -1 : Math.max(1, TimeUnit.NANOSECONDS.toMillis(nanos + 999_999));
    }

    private void dispatch(SelectionKey key) {
        IoHandler handler = (IoHandler) key.attachment();
        try {
            handler.onReady(key.readyOps());
        } catch (CancelledKeyException closedMeanwhile) {
            // the channel was closed by another thread while it was selected: nothing to do
        } catch (RuntimeException | Error e) {
            LOG.log(System.Logger.Level.ERROR, "WebSocket client I/O handler failed", e);
        }
    }

    private void runTasks() {
        Runnable task;
        while (!stopping && (task = tasks.poll()) != null) {
            runSafely(task);
        }
    }

    private void runDueTimers() {
        long now = System.nanoTime();
        while (!stopping && !timers.isEmpty() && timers.peek().deadline - now <= 0) {
            Timer timer = timers.poll();
            if (!timer.cancelled) {
                runSafely(timer.task);
            }
        }
    }

    private static void runSafely(Runnable task) {
        try {
            task.run();
        } catch (RuntimeException | Error e) {
            LOG.log(System.Logger.Level.ERROR, "WebSocket client task failed", e);
        }
    }

    private void shutDown() {
        List<SelectionKey> keys = new ArrayList<>(selector.keys());
        for (SelectionKey key : keys) {
            try {
                ((IoHandler) key.attachment()).onLoopClosed();
            } catch (RuntimeException | Error e) {
                LOG.log(System.Logger.Level.ERROR, "Closing a WebSocket client channel failed", e);
            }
        }
        tasks.clear();
        timers.clear();
        try {
            selector.close();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "Closing a selector failed", e);
        }
    }

    private static final class Timer implements Comparable<Timer> {
        final Runnable task;
        final long deadline;
        /** Keeps timers with the same deadline in the order they were scheduled. */
        long sequence;
        volatile boolean cancelled;

        Timer(Runnable task, long deadline) {
            this.task = task;
            this.deadline = deadline;
        }

        void cancel() {
            cancelled = true; // removed lazily when due: cheaper than searching the queue
        }

        @Override
        public int compareTo(Timer other) {
            int byDeadline = Long.compare(deadline - other.deadline, 0);
            return byDeadline != 0 ? byDeadline : Long.compare(sequence, other.sequence);
        }
    }
}
