package dev.tideway.websocket.session;

import dev.tideway.websocket.protocol.WriteCallback;
import jakarta.websocket.EncodeException;
import jakarta.websocket.RemoteEndpoint;
import jakarta.websocket.SendHandler;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.concurrent.Executor;
import java.util.concurrent.Future;

/**
 * {@code RemoteEndpoint.Async}: sends are queued in order and return at once. Unlike the incumbents, a send
 * while another is still in flight is not an error: it waits its turn in the session's bounded queue, and
 * fails (through its {@code Future} or {@code SendHandler}) only when the peer is so slow that the queue is
 * full, or when the send timeout passes.
 */
final class AsyncRemote extends RemoteEndpointBase implements RemoteEndpoint.Async {
    private final Executor handlerExecutor;
    private volatile long sendTimeoutMillis;

    AsyncRemote(TidewaySession session, SessionSender sender, Executor handlerExecutor, long sendTimeoutMillis) {
        super(session, sender);
        this.handlerExecutor = handlerExecutor;
        this.sendTimeoutMillis = sendTimeoutMillis;
    }

    @Override
    public long getSendTimeout() {
        return sendTimeoutMillis;
    }

    @Override
    public void setSendTimeout(long timeoutMillis) {
        this.sendTimeoutMillis = timeoutMillis;
    }

    @Override
    public void sendText(String text, SendHandler handler) {
        requireArguments(text, handler);
        send(toHandler(handler), callback -> sender.text(text, callback));
    }

    @Override
    public Future<Void> sendText(String text) {
        requireArguments(text, this);
        return sendForFuture(callback -> sender.text(text, callback));
    }

    @Override
    public Future<Void> sendBinary(ByteBuffer data) {
        requireArguments(data, this);
        return sendForFuture(callback -> sender.binary(data, callback));
    }

    @Override
    public void sendBinary(ByteBuffer data, SendHandler handler) {
        requireArguments(data, handler);
        send(toHandler(handler), callback -> sender.binary(data, callback));
    }

    @Override
    public Future<Void> sendObject(Object data) {
        requireArguments(data, this);
        return sendForFuture(callback -> sender.object(data, callback));
    }

    @Override
    public void sendObject(Object data, SendHandler handler) {
        requireArguments(data, handler);
        send(toHandler(handler), callback -> sender.object(data, callback));
    }

    /**
     * Starts a send under the send timeout. A send that fails before anything was queued (an encoder
     * failed, or the engine refused it) is reported through the same timed callback: that also stops its
     * timer, which would otherwise fail the send a second time later and close the session.
     */
    private void send(WriteCallback callback, SessionSender.Send start) {
        WriteCallback timed = sender.withTimeout(callback, sendTimeoutMillis);
        try {
            start.start(timed);
        } catch (EncodeException | IOException | RuntimeException e) {
            timed.failed(e);
        }
    }

    /** A future whose waiters write what is queued, so that a callback may wait for its own send. */
    /** A send reported through the {@code Future} it returns. */
    private Future<Void> sendForFuture(SessionSender.Send start) {
        SendCallbacks.FutureCallback future = newFuture();
        send(future, start);
        return future;
    }

    private SendCallbacks.FutureCallback newFuture() {
        return new SendCallbacks.FutureCallback(sender::flushBatch);
    }

    private WriteCallback toHandler(SendHandler handler) {
        return SendCallbacks.toHandler(handler, session, handlerExecutor);
    }

    private void requireArguments(Object data, Object handler) {
        if (data == null || handler == null) {
            throw new IllegalArgumentException("The message and the handler must not be null");
        }
        session.checkNotClosed();
    }
}
