package dev.tideway.websocket.codec;

import jakarta.websocket.DecodeException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Turns the native value of a message (a {@code String} or {@code ByteBuffer}, whole or a part; a
 * {@code Reader}, {@code InputStream} or {@code PongMessage}) into the type a handler declared. Resolved
 * once per handler, so converting looks nothing up.
 */
@FunctionalInterface
public interface MessageConverter {
    MessageConverter IDENTITY = value -> value;

    Object convert(Object value) throws DecodeException, IOException;

    /**
     * The conversion for a handler of {@code payload} receiving messages in {@code form}.
     *
     * @param decoders the session's decoders, asked for when a message is decoded (a handler may be
     *                 registered before the session has opened them)
     */
    static MessageConverter of(MessageForm form, Class<?> payload, Supplier<SessionDecoders> decoders) {
        if (form.isDecoded()) {
            return form.kind() == MessageKind.TEXT
                    ? value -> decoders.get().decodeText(form.decoders(), (String) value)
                    : value -> decoders.get().decodeBinary(form.decoders(), (ByteBuffer) value);
        }
        if (payload == byte[].class) {
            return value -> toArray((ByteBuffer) value);
        }
        if (PrimitiveTextConverter.isPrimitiveOrWrapper(payload)) {
            Function<String, Object> parser = PrimitiveTextConverter.forType(payload);
            return value -> {
                try {
                    return parser.apply((String) value);
                } catch (IllegalArgumentException e) {
                    throw new DecodeException((String) value,
                            "Cannot convert the text message to " + payload.getName() + ": " + e.getMessage(), e);
                }
            };
        }
        return IDENTITY;
    }

    private static byte[] toArray(ByteBuffer buffer) {
        if (buffer.hasArray() && buffer.arrayOffset() == 0 && buffer.position() == 0
                && buffer.remaining() == buffer.array().length) {
            return buffer.array(); // the session's own copy of the message: no need for another
        }
        byte[] bytes = new byte[buffer.remaining()];
        buffer.duplicate().get(bytes);
        return bytes;
    }
}
