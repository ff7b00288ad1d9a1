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
 * {@code beforeRun} and {@code afterRun} bracket every run: the session holds outbound writes back
 * during a run, so that the replies to a burst of messages leave in one write.
 */
final class SerialExecutor implements Executor {
    static final int TASKS_PER_RUN = 64;

    private final Executor shared;
    private final Runnable beforeRun;
    private final Runnable afterRun;
    private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final Runnable drain = this::drain;
    private volatile Thread runner;

    SerialExecutor(Executor shared, Runnable beforeRun, Runnable afterRun) {
        this.shared = shared;
        this.beforeRun = beforeRun;
        this.afterRun = afterRun;
    }

    @Override
    public void execute(Runnable task) {
        tasks.add(task);
        scheduleIfIdle();
    }

    /** Whether the calling thread is running this executor's tasks now. */
    boolean isRunningTask() {
        return runner == Thread.currentThread();
    }

    private void scheduleIfIdle() {
        if (!tasks.isEmpty() && scheduled.compareAndSet(false, true)) {
            shared.execute(drain);
        }
    }

    private void drain() {
        runner = Thread.currentThread();
        beforeRun.run();
        try {
            for (int i = 0; i < TASKS_PER_RUN; i++) {
                Runnable task = tasks.poll();
                if (task == null) {
                    break;
                }
                task.run(); // tasks handle their own exceptions: a throw here would stall the session
            }
        } finally {
            afterRun.run();
            runner = null;
            scheduled.set(false);
        }
        scheduleIfIdle(); // tasks added after the last poll, or beyond this run's share
    }
}
