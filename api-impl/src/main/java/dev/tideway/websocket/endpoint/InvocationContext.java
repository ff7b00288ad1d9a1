package dev.tideway.websocket.endpoint;

import dev.tideway.websocket.codec.DeliveryMode;

import jakarta.websocket.CloseReason;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.Session;

import java.util.Map;

/**
 * What the session layer hands to an annotated method when it calls it: the values its parameters are resolved
 * from. The session-wide values are always needed; each callback reads only its own per-callback value (the message
 * and {@link #last()} for {@code @OnMessage}, {@link #error()} for {@code @OnError}, {@link #closeReason()} for
 * {@code @OnClose}), so an implementation may leave the others at their defaults. An implementation may be reused
 * from call to call: the model reads it only during {@code invoke}.
 */
public interface InvocationContext {

    /** The session the callback is for. */
    Session session();

    /** The endpoint's configuration, passed to an {@code @OnOpen} {@code EndpointConfig} parameter. */
    EndpointConfig config();

    /** The path parameters of the request that opened the session (empty for client sessions). */
    Map<String, String> pathParameters();

    /**
     * The message, already in the method's {@link MessageMethod#payloadType() payload type}: a String, Reader,
     * ByteBuffer, byte[], InputStream, PongMessage, decoded object, or the wrapper of a primitive payload type.
     */
    default Object message() {
        return null;
    }

    /** For a {@link DeliveryMode#PARTIAL partial} method: whether this is the last part of the message. */
    default boolean last() {
        return true;
    }

    /** For {@code @OnError}: the error. */
    default Throwable error() {
        return null;
    }

    /** For {@code @OnClose}: why the session is closing. */
    default CloseReason closeReason() {
        return null;
    }
}
