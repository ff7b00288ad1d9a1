package dev.tideway.websocket.session;

import jakarta.websocket.CloseReason;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.Session;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A programmatic endpoint that records what happens to its session, for tests to wait on: what
 * {@code onOpen} should do is given to the constructor; errors and close reasons are kept in the order
 * they came, and {@link #received} collects whatever the test's handlers put there.
 */
final class RecordingEndpoint extends Endpoint {

    /** What {@code onOpen} does, typically registering handlers. */
    @FunctionalInterface
    interface OpenAction {
        void onOpen(Session session, EndpointConfig config) throws Exception;
    }

    /** What {@code onClose} does besides recording. */
    @FunctionalInterface
    interface CloseAction {
        void onClose(Session session, CloseReason reason) throws Exception;
    }

    final CompletableFuture<Session> opened = new CompletableFuture<>();
    final CompletableFuture<CloseReason> closed = new CompletableFuture<>();
    final AtomicInteger closeCount = new AtomicInteger();
    final BlockingQueue<Throwable> errors = new LinkedBlockingQueue<>();
    final BlockingQueue<Object> received = new LinkedBlockingQueue<>();
    private final OpenAction openAction;
    private volatile CloseAction closeAction = (session, reason) -> { };

    RecordingEndpoint() {
        this((session, config) -> { });
    }

    RecordingEndpoint(OpenAction openAction) {
        this.openAction = openAction;
    }

    RecordingEndpoint whenClosed(CloseAction action) {
        this.closeAction = action;
        return this;
    }

    @Override
    public void onOpen(Session session, EndpointConfig config) {
        try {
            openAction.onOpen(session, config);
            opened.complete(session);
        } catch (Exception e) {
            opened.completeExceptionally(e);
            throw new IllegalStateException("onOpen action failed", e);
        }
    }

    @Override
    public void onClose(Session session, CloseReason closeReason) {
        closeCount.incrementAndGet();
        try {
            closeAction.onClose(session, closeReason);
        } catch (Exception e) {
            errors.add(e);
        }
        closed.complete(closeReason);
    }

    @Override
    public void onError(Session session, Throwable thrown) {
        errors.add(thrown);
    }

    /** The recording endpoint of a session, for handlers registered in its own {@code onOpen}. */
    static RecordingEndpoint of(Session session) {
        return (RecordingEndpoint) ((TidewaySession) session).endpoint();
    }

    /** The close reason, waiting for it. */
    CloseReason awaitClose() {
        return Await.get(closed);
    }

    /** The next error, waiting for it. */
    Throwable nextError() {
        return Await.poll(errors);
    }

    /** The next thing a handler put into {@link #received}, waiting for it. */
    Object nextReceived() {
        return Await.poll(received);
    }
}
