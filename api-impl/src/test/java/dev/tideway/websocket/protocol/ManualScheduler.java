package dev.tideway.websocket.protocol;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A scheduler whose tasks run only when the test fires them, so timeouts are tested without waiting. */
final class ManualScheduler implements Scheduler {
    private final List<Task> tasks = new ArrayList<>();

    @Override
    public synchronized Cancellable schedule(Runnable runnable, long delay, TimeUnit unit) {
        Task task = new Task(runnable, unit.toMillis(delay));
        tasks.add(task);
        return () -> {
            synchronized (ManualScheduler.this) {
                tasks.remove(task);
            }
        };
    }

    synchronized int pending() {
        return tasks.size();
    }

    /** The delay of the only pending task. */
    synchronized long pendingDelayMillis() {
        if (tasks.size() != 1) {
            throw new AssertionError("expected one pending task, found " + tasks.size());
        }
        return tasks.get(0).delayMillis;
    }

    /** Runs every pending task, as if their time had come. */
    void fireAll() {
        List<Task> due;
        synchronized (this) {
            due = new ArrayList<>(tasks);
            tasks.clear();
        }
        due.forEach(task -> task.runnable.run());
    }

    private record Task(Runnable runnable, long delayMillis) {
    }
}
