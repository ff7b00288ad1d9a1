package dev.tideway.websocket.session;

import dev.tideway.websocket.protocol.WriteCallback;
import jakarta.websocket.EncodeException;
import jakarta.websocket.RemoteEndpoint;
import jakarta.websocket.SendHandler;
import jakarta.websocket.SendResult;
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
        sender.text(text, timed(handler));
    }

    @Override
    public Future<Void> sendText(String text) {
        requireArguments(text, this);
        SendCallbacks.FutureCallback future = new SendCallbacks.FutureCallback(sender::flushBatch);
        sender.text(text, timed(future));
        return future;
    }

    @Override
    public Future<Void> sendBinary(ByteBuffer data) {
        requireArguments(data, this);
        SendCallbacks.FutureCallback future = new SendCallbacks.FutureCallback(sender::flushBatch);
        sender.binary(data, true, timed(future));
        return future;
    }

    @Override
    public void sendBinary(ByteBuffer data, SendHandler handler) {
        requireArguments(data, handler);
        sender.binary(data, true, timed(handler));
    }

    @Override
    public Future<Void> sendObject(Object data) {
        requireArguments(data, this);
        SendCallbacks.FutureCallback future = new SendCallbacks.FutureCallback(sender::flushBatch);
        try {
            sender.object(data, timed(future));
        } catch (EncodeException | java.io.IOException e) {
            future.failed(e);
        }
        return future;
    }

    @Override
    public void sendObject(Object data, SendHandler handler) {
        requireArguments(data, handler);
        try {
            sender.object(data, timed(handler));
        } catch (EncodeException | java.io.IOException e) {
            handlerExecutor.execute(() -> handler.onResult(new SendResult(session, e)));
        }
    }

    private WriteCallback timed(SendHandler handler) {
        return timed(SendCallbacks.toHandler(handler, session, handlerExecutor));
    }

    private WriteCallback timed(WriteCallback callback) {
        return sender.withTimeout(callback, sendTimeoutMillis);
    }

    private void requireArguments(Object data, Object handler) {
        if (data == null || handler == null) {
            throw new IllegalArgumentException("The message and the handler must not be null");
        }
        session.checkNotClosed();
    }
}
