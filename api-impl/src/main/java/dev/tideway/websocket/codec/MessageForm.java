package dev.tideway.websocket.codec;

import java.util.List;

/**
 * One way a Java type can receive messages: the native message type, how it is delivered, and the
 * decoders that turn the message into the type (empty when no decoder is involved).
 */
public record MessageForm(MessageKind kind, DeliveryMode mode, List<DecoderDefinition> decoders) {
    public MessageForm {
        decoders = List.copyOf(decoders);
    }

    public boolean isDecoded() {
        return !decoders.isEmpty();
    }
}
