package dev.tideway.websocket.session;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs one session's callbacks in submission order, one at a time, on a shared executor: a session's
 * messages are delivered in order and never concurrently, while sessions run in parallel.
 *
 * <p>A run drains up to {@value #TASKS_PER_RUN} tasks before yielding the thread to other sessions.
 *
 * <p>Writes are deliberately not held back for the length of a run: a callback may wait for its own
 * send (a {@code SendHandler}, a {@code Future}), and a held write would never complete. Replies still
 * coalesce while a write is outstanding, which is when it matters.
 */
final class SerialExecutor implements Executor {
    static final int TASKS_PER_RUN = 64;

    private final Executor shared;
    private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final Runnable drain = this::drain;
    private volatile Thread runner;

    SerialExecutor(Executor shared) {
        this.shared = shared;
    }

    @Override
    public void execute(Runnable task) {
        tasks.add(task);
        scheduleIfIdle();
    }

    /** Whether the calling thread is running one of this executor's tasks now. */
    boolean isCallbackThread() {
        return runner == Thread.currentThread();
    }

    private void scheduleIfIdle() {
        if (!tasks.isEmpty() && scheduled.compareAndSet(false, true)) {
            shared.execute(drain);
        }
    }

    private void drain() {
        runner = Thread.currentThread();
        try {
            for (int i = 0; i < TASKS_PER_RUN; i++) {
                Runnable task = tasks.poll();
                if (task == null) {
                    break;
                }
                task.run(); // tasks handle their own exceptions: a throw here would stall the session
            }
        } finally {
            runner = null;
            scheduled.set(false);
        }
        scheduleIfIdle(); // tasks added after the last poll, or beyond this run's share
    }
}
