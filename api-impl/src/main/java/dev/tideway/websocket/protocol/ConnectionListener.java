package dev.tideway.websocket.protocol;

import java.nio.ByteBuffer;

/**
 * What the engine tells the layer above it (the session) about one connection.
 *
 * <p>Threading: the message and control callbacks run on the thread that called
 * {@link WebSocketConnection#onRead}, one at a time, in wire order. {@link #onError} and
 * {@link #onClosed} may run on any thread (a timer, a failed write), but never concurrently with each
 * other, and {@link #onClosed} is the last call, made exactly once.
 *
 * <p>Buffers are valid only during the call: copy what must outlive it. To stop the flow while a chunk is
 * being consumed elsewhere, call {@link WebSocketConnection#pauseReading()} from the callback.
 */
public interface ConnectionListener {

    /**
     * A chunk of a text message: validated UTF-8, though a chunk may end inside a character whose last
     * bytes come with the next chunk. {@code last} marks the message's final chunk (which may be empty).
     */
    void onText(ByteBuffer utf8, boolean last);

    /** A chunk of a binary message; {@code last} marks its final chunk (which may be empty). */
    void onBinary(ByteBuffer data, boolean last);

    /** A ping arrived; the engine has already queued the pong. */
    void onPing(ByteBuffer payload);

    /** A pong arrived, solicited or not. */
    void onPong(ByteBuffer payload);

    /**
     * The connection failed: the peer broke the protocol ({@link ProtocolException}, after which the
     * engine has sent the matching close frame) or the transport failed. {@link #onClosed} follows.
     */
    void onError(Throwable cause);

    /**
     * The connection is over. The status is the peer's close frame's when one arrived (1005 when it
     * carried no code), the one the engine failed the connection with after a protocol error, and 1006
     * when the connection ended without a closing handshake.
     */
    void onClosed(CloseStatus status);
}
