package dev.tideway.websocket.codec;

import jakarta.websocket.PongMessage;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Which native message type(s) and delivery a Java type means, per the {@code @OnMessage} and
 * {@code MessageHandler} rules of the specification. Shared by annotated methods and programmatic
 * handlers, so both accept exactly the same types.
 */
public final class MessageForms {
    private MessageForms() {
    }

    /**
     * The forms in which {@code payload} can receive messages: one, or two when the endpoint's decoders
     * produce it from text and from binary messages alike. Empty when it can receive none (for example a
     * partial handler of a type other than String, ByteBuffer and byte[], or a type no decoder produces).
     */
    public static List<MessageForm> of(Class<?> payload, boolean partial, DecoderLookup decoders) {
        DeliveryMode wholeOrPartial = partial ? DeliveryMode.PARTIAL : DeliveryMode.WHOLE;
        if (payload == String.class) {
            return List.of(new MessageForm(MessageKind.TEXT, wholeOrPartial, List.of()));
        }
        if (payload == ByteBuffer.class || payload == byte[].class) {
            return List.of(new MessageForm(MessageKind.BINARY, wholeOrPartial, List.of()));
        }
        if (partial) {
            return List.of();
        }
        if (payload == PongMessage.class) {
            return List.of(new MessageForm(MessageKind.PONG, DeliveryMode.WHOLE, List.of()));
        }
        // A declared decoder wins over the built-in Reader, InputStream and primitive conversions: it is the
        // author's explicit choice (the TCK decodes text to a Reader with a Decoder.Text<Reader>), as the API
        // says an encoder wins for primitive return values.
        DecoderLookup.Match match = decoders.forType(payload);
        List<MessageForm> forms = new ArrayList<>(2);
        if (!match.text().isEmpty()) {
            forms.add(new MessageForm(MessageKind.TEXT, DeliveryMode.WHOLE, match.text()));
        }
        if (!match.binary().isEmpty()) {
            forms.add(new MessageForm(MessageKind.BINARY, DeliveryMode.WHOLE, match.binary()));
        }
        if (forms.isEmpty()) {
            builtIn(payload).ifPresent(forms::add);
        }
        return List.copyOf(forms);
    }

    /** The form a whole message takes without a decoder: a stream, or a primitive converted from text. */
    private static Optional<MessageForm> builtIn(Class<?> payload) {
        if (payload == Reader.class) {
            return Optional.of(new MessageForm(MessageKind.TEXT, DeliveryMode.STREAM, List.of()));
        }
        if (payload == InputStream.class) {
            return Optional.of(new MessageForm(MessageKind.BINARY, DeliveryMode.STREAM, List.of()));
        }
        if (PrimitiveTextConverter.isPrimitiveOrWrapper(payload)) {
            return Optional.of(new MessageForm(MessageKind.TEXT, DeliveryMode.WHOLE, List.of()));
        }
        return Optional.empty();
    }
}
