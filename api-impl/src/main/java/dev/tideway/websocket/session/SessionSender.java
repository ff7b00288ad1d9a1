package dev.tideway.websocket.session;

import dev.tideway.websocket.codec.SessionEncoders;
import dev.tideway.websocket.protocol.Scheduler;
import dev.tideway.websocket.protocol.WebSocketConnection;
import dev.tideway.websocket.protocol.WriteCallback;
import jakarta.websocket.EncodeException;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The outbound half of a session, shared by its {@code Basic} and {@code Async} remotes: turns Jakarta
 * sends into engine sends. Every send is asynchronous underneath; the blocking form waits for the write.
 *
 * <p>Sends from several threads are safe: the engine queues whole messages atomically, in order. A
 * caller's {@code ByteBuffer} is never consumed: the engine gets a view of it, so the same buffer can be
 * sent to many sessions.
 *
 * <p>While the session's callbacks run, the session holds writes back so that the replies to a burst of
 * messages leave together. A send from any other thread must not wait for user code to return, however
 * long it takes: it writes what is queued at once (unless batching is on).
 */
final class SessionSender {
    private final WebSocketConnection connection;
    private final Scheduler scheduler;
    private final Runnable onActivity;
    private final Runnable onSendTimeout;
    /** Keeps the check for a message in parts and the send of a whole message together. */
    private final Object messageLock = new Object();
    /** "text" or "binary" while a message is being sent in parts, else null. Guarded by messageLock. */
    private String messageInParts;
    /** The high surrogate that ended the previous text part: it must go with its low surrogate. */
    private char carriedHighSurrogate;
    private volatile SessionEncoders encoders;
    private volatile boolean batching;

    /**
     * @param onActivity       told of every send: sending keeps a session from being idle
     * @param onSendTimeout    told when a send did not finish in time
     */
    SessionSender(WebSocketConnection connection, Scheduler scheduler, Runnable onActivity, Runnable onSendTimeout) {
        this.connection = connection;
        this.scheduler = scheduler;
        this.onActivity = onActivity;
        this.onSendTimeout = onSendTimeout;
    }

    void encoders(SessionEncoders encoders) {
        this.encoders = encoders;
    }

    void text(String text, WriteCallback callback) {
        Objects.requireNonNull(text, "text");
        onActivity.run();
        ByteBuffer utf8 = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
        synchronized (messageLock) {
            requireNoMessageInParts();
            connection.sendText(utf8, true, callback);
        }
    }

    /** One part of a text message; a surrogate pair split between parts is sent whole with the later one. */
    void textPart(String part, boolean last, WriteCallback callback) {
        Objects.requireNonNull(part, "part");
        onActivity.run();
        synchronized (messageLock) {
            String text = carriedHighSurrogate == 0 ? part : carriedHighSurrogate + part;
            carriedHighSurrogate = 0;
            if (!last && !text.isEmpty() && Character.isHighSurrogate(text.charAt(text.length() - 1))) {
                carriedHighSurrogate = text.charAt(text.length() - 1);
                text = text.substring(0, text.length() - 1);
            }
            connection.sendText(ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)), last, callback);
            messageInParts = last ? null : "text";
        }
    }

    /** A whole binary message. */
    void binary(ByteBuffer data, WriteCallback callback) {
        Objects.requireNonNull(data, "data");
        onActivity.run();
        synchronized (messageLock) {
            requireNoMessageInParts();
            connection.sendBinary(data.duplicate(), true, callback);
        }
    }

    /** Bytes that already are whole frames, framed once for many sessions (a broadcast). */
    void encoded(ByteBuffer frames, WriteCallback callback) {
        onActivity.run();
        synchronized (messageLock) {
            requireNoMessageInParts();
            connection.sendEncoded(frames, callback);
        }
    }

    /** One part of a binary message. */
    void binaryPart(ByteBuffer data, boolean last, WriteCallback callback) {
        Objects.requireNonNull(data, "data");
        onActivity.run();
        synchronized (messageLock) {
            connection.sendBinary(data.duplicate(), last, callback);
            messageInParts = last ? null : "binary";
        }
    }


    /**
     * The engine cannot tell a whole message from the last part of one (both are "last"), so a whole
     * message sent in the middle of a message in parts would silently end it: refuse it here instead.
     */
    private void requireNoMessageInParts() {
        if (messageInParts != null) {
            throw new IllegalStateException("A " + messageInParts + " message is being sent in parts: finish it"
                    + " before starting another message");
        }
    }

    /** Encodes with the session's encoders (or the built-in conversions) and sends the result. */
    void object(Object value, WriteCallback callback) throws EncodeException, IOException {
        if (value == null) {
            throw new IllegalArgumentException("Cannot send a null object");
        }
        SessionEncoders.Encoded encoded = encoders.encode(value);
        if (encoded instanceof SessionEncoders.Text text) {
            text(text.text(), callback);
        } else if (encoded instanceof SessionEncoders.Binary binary) {
            binary(binary.data(), callback);
        }
    }

    void ping(ByteBuffer data, WriteCallback callback) {
        onActivity.run();
        connection.sendPing(copyOf(data), callback);
    }

    void pong(ByteBuffer data, WriteCallback callback) {
        onActivity.run();
        connection.sendPong(copyOf(data), callback);
    }

    /** Control payloads are tiny; a copy frees the caller's buffer at once. */
    private static ByteBuffer copyOf(ByteBuffer data) {
        Objects.requireNonNull(data, "applicationData");
        if (data.remaining() > 125) {
            throw new IllegalArgumentException("Control frame data of " + data.remaining()
                    + " bytes; at most 125 are allowed");
        }
        ByteBuffer copy = ByteBuffer.allocate(data.remaining());
        copy.put(data.duplicate()).flip();
        return copy;
    }

    /** A send the caller waits for. */
    @FunctionalInterface
    interface Send {
        void start(WriteCallback callback) throws IOException, EncodeException;
    }

    /**
     * Starts a send and waits until the transport accepted its bytes, at most {@code timeoutMillis} (none
     * when zero or less). On timeout the session is closed: the message may be half on the wire.
     */
    void await(Send send, long timeoutMillis) throws IOException, EncodeException {
        SendCallbacks.Blocking blocking = new SendCallbacks.Blocking();
        send.start(blocking);
        connection.flush(); // a held batch must not keep a waiting caller waiting
        try {
            blocking.await(timeoutMillis);
        } catch (SocketTimeoutException e) {
            onSendTimeout.run();
            throw e;
        }
    }

    /**
     * Wraps an async send's callback with the send timeout: when the bytes were not accepted in time the
     * callback fails with a {@link SocketTimeoutException} and the session is closed.
     */
    WriteCallback withTimeout(WriteCallback callback, long timeoutMillis) {
        if (timeoutMillis <= 0) {
            return callback;
        }
        AtomicBoolean done = new AtomicBoolean();
        Scheduler.Cancellable timer = scheduler.schedule(() -> {
            if (done.compareAndSet(false, true)) {
                callback.failed(new SocketTimeoutException("The message was not sent within " + timeoutMillis + " ms"));
                onSendTimeout.run();
            }
        }, timeoutMillis, TimeUnit.MILLISECONDS);
        return new WriteCallback() {
            @Override
            public void completed() {
                if (done.compareAndSet(false, true)) {
                    timer.cancel();
                    callback.completed();
                }
            }

            @Override
            public void failed(Throwable cause) {
                if (done.compareAndSet(false, true)) {
                    timer.cancel();
                    callback.failed(cause);
                }
            }
        };
    }

    /** Batching on: sends are held back until {@link #flushBatch()} or batching is turned off again. */
    synchronized void batching(boolean allowed) {
        if (allowed == batching) {
            return;
        }
        batching = allowed;
        if (allowed) {
            connection.holdFlush();
        } else {
            connection.releaseFlush();
        }
    }

    boolean batching() {
        return batching;
    }

    void flushBatch() {
        connection.flush();
    }
}
