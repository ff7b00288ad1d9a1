package dev.tideway.websocket.endpoint;

import dev.tideway.websocket.codec.MessageKind;
import dev.tideway.websocket.codec.DeliveryMode;

import dev.tideway.websocket.codec.DecoderDefinition;

import java.lang.reflect.Method;
import java.util.List;

/**
 * An {@code @OnMessage} method as the session layer needs it: which native message type it takes, how the message
 * is delivered, the Java type of the message argument, the decoders to produce it, the size limit and whether the
 * return value is sent back.
 *
 * <p>A method whose payload type has both text and binary decoders handles both message types; the scanner then
 * makes two MessageMethods, one per kind, each with its own decoders, sharing one {@link EndpointMethod}.
 */
public final class MessageMethod {
    private final MessageKind kind;
    private final DeliveryMode deliveryMode;
    private final Class<?> payloadType;
    private final List<DecoderDefinition> decoders;
    private final long maxMessageSize;
    private final Class<?> returnType;
    private final EndpointMethod invoker;

    MessageMethod(MessageKind kind, DeliveryMode deliveryMode, Class<?> payloadType, List<DecoderDefinition> decoders,
            long maxMessageSize, Class<?> returnType, EndpointMethod invoker) {
        this.kind = kind;
        this.deliveryMode = deliveryMode;
        this.payloadType = payloadType;
        this.decoders = List.copyOf(decoders);
        this.maxMessageSize = maxMessageSize;
        this.returnType = returnType;
        this.invoker = invoker;
    }

    /** The native message type handled. */
    public MessageKind kind() {
        return kind;
    }

    /** Whole, partial or stream delivery. Decoded payloads are {@link DeliveryMode#WHOLE}. */
    public DeliveryMode deliveryMode() {
        return deliveryMode;
    }

    /**
     * The Java type of the message parameter: String, Reader, ByteBuffer, byte[], InputStream, PongMessage, a
     * primitive or wrapper (converted from text with {@link dev.tideway.websocket.codec.PrimitiveTextConverter}
     * unless {@link #isDecoded()}), or a type produced by {@link #decoders()}.
     */
    public Class<?> payloadType() {
        return payloadType;
    }

    /** True when the payload comes from the endpoint's decoders rather than being a native or primitive type. */
    public boolean isDecoded() {
        return !decoders.isEmpty();
    }

    /**
     * The decoders of {@link #kind()} that produce the payload type, in declaration order: try them in this order
     * (those with {@code willDecode} first asked) and use the first that accepts the message. Empty when not decoded.
     */
    public List<DecoderDefinition> decoders() {
        return decoders;
    }

    /**
     * {@code @OnMessage(maxMessageSize)}: the largest message in bytes the method accepts, -1 for no limit. The API
     * applies it to whole-message methods only (not partial or stream ones).
     */
    public long maxMessageSize() {
        return maxMessageSize;
    }

    /**
     * The declared return type, {@code void.class} when nothing is sent back. Whether a value of this type can be
     * sent (String, ByteBuffer, byte[], a primitive or wrapper, or anything an encoder accepts) is decided when
     * sending, as the API describes.
     */
    public Class<?> returnType() {
        return returnType;
    }

    /** True when the method returns a value that must be sent back to the peer. */
    public boolean returnsValue() {
        return returnType != void.class;
    }

    /** The annotated method. */
    public Method method() {
        return invoker.method();
    }

    /**
     * Calls the method; the message (and {@code last} for partial delivery) come from the context.
     *
     * @return the value to send back, or null for a void method
     * @throws Throwable whatever the method threw, unwrapped, or a DecodeException for a bad {@code @PathParam}
     */
    public Object invoke(Object endpoint, InvocationContext context) throws Throwable {
        return invoker.invoke(endpoint, context);
    }

    @Override
    public String toString() {
        return kind + " " + deliveryMode + " " + payloadType.getSimpleName() + " " + invoker;
    }
}
