package dev.tideway.websocket.session;

import java.util.concurrent.Executor;

/**
 * Hands a converted message to its target on the session's callback thread, counting it against the
 * session's {@link FlowControl} until it has been delivered, and routing whatever the handler throws to
 * the endpoint's {@code onError}.
 */
final class Delivery {
    private final Executor callbacks;
    private final FlowControl flow;
    private final ErrorSink errors;

    /** Receives the failures of user code (a decoder or a handler). */
    @FunctionalInterface
    interface ErrorSink {
        void onError(Throwable failure);
    }

    Delivery(Executor callbacks, FlowControl flow, ErrorSink errors) {
        this.callbacks = callbacks;
        this.flow = flow;
        this.errors = errors;
    }

    /** Queues one delivery of {@code size} bytes. */
    void submit(MessageTarget target, Object value, boolean last, long size) {
        long cost = FlowControl.costOf(size);
        flow.queued(cost);
        callbacks.execute(() -> {
            try {
                target.deliver(value, last);
            } catch (Throwable failure) {
                errors.onError(failure);
            } finally {
                flow.delivered(cost);
            }
        });
    }

    /** A piece of user-facing work that may throw anything. */
    @FunctionalInterface
    interface Task {
        void run() throws Throwable;
    }

    /** Runs a task on the callback thread, in order with the deliveries, reporting what it throws. */
    void run(Task task) {
        callbacks.execute(() -> {
            try {
                task.run();
            } catch (Throwable failure) {
                errors.onError(failure);
            }
        });
    }

    FlowControl flow() {
        return flow;
    }
}
