package dev.tideway.websocket.client;

import jakarta.websocket.CloseReason;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.Session;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A programmatic client endpoint for the container's tests: records whole messages (text as String,
 * binary as byte[]), errors and the close reason. Subclasses register other handlers in {@link #handlers}.
 */
class RecordingEndpoint extends Endpoint {
    final BlockingQueue<Object> messages = new LinkedBlockingQueue<>();
    final List<Throwable> errors = new CopyOnWriteArrayList<>();
    final CompletableFuture<CloseReason> closed = new CompletableFuture<>();
    volatile boolean opened;
    private volatile Session closedSession;

    @Override
    public void onOpen(Session session, EndpointConfig config) {
        handlers(session);
        opened = true;
    }

    /** Registers the message handlers: by default whole text and whole binary. */
    void handlers(Session session) {
        session.addMessageHandler(String.class, messages::add);
        session.addMessageHandler(ByteBuffer.class, buffer -> messages.add(bytesOf(buffer)));
    }

    @Override
    public void onClose(Session session, CloseReason closeReason) {
        closedSession = session;
        closed.complete(closeReason);
    }

    @Override
    public void onError(Session session, Throwable thrown) {
        errors.add(thrown);
    }

    /** The next message, waiting up to 5 s. */
    Object next() throws InterruptedException {
        Object next = messages.poll(5, TimeUnit.SECONDS);
        if (next == null) {
            throw new AssertionError("No message within 5 s; errors: " + errors);
        }
        return next;
    }

    String nextText() throws InterruptedException {
        return (String) next();
    }

    /** The reason onClose got, once onClose has returned (the session is open until then). */
    CloseReason awaitClosed() throws Exception {
        CloseReason reason = closed.get(10, TimeUnit.SECONDS);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (closedSession.isOpen() && System.nanoTime() < deadline) {
            Thread.sleep(1);
        }
        return reason;
    }

    static byte[] bytesOf(ByteBuffer buffer) {
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        return bytes;
    }
}
