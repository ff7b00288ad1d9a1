package dev.tideway.websocket.codec;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds, for a Java type an application wants to receive, the decoders of an endpoint that can produce it, split
 * into text and binary ones. The text/binary split decides which native message type a decoded {@code @OnMessage}
 * method (or a {@code MessageHandler}) handles.
 */
public final class DecoderLookup {
    private final List<DecoderDefinition> decoders;

    /** @param decoders the endpoint's decoders, in declaration order */
    public DecoderLookup(List<DecoderDefinition> decoders) {
        this.decoders = List.copyOf(decoders);
    }

    /** The decoders this lookup searches, in declaration order. */
    public List<DecoderDefinition> decoders() {
        return decoders;
    }

    /**
     * The decoders whose handled type can be passed as {@code target}, keeping declaration order (the order in which
     * the session must try them: the first whose {@code willDecode} accepts a message decodes it).
     */
    public Match forType(Class<?> target) {
        List<DecoderDefinition> text = new ArrayList<>();
        List<DecoderDefinition> binary = new ArrayList<>();
        for (DecoderDefinition decoder : decoders) {
            if (decoder.canDecodeTo(target)) {
                (decoder.kind().isText() ? text : binary).add(decoder);
            }
        }
        return new Match(List.copyOf(text), List.copyOf(binary));
    }

    /**
     * The decoders found for one type.
     *
     * @param text   the text decoders ({@code Decoder.Text}, {@code Decoder.TextStream}), in declaration order
     * @param binary the binary decoders ({@code Decoder.Binary}, {@code Decoder.BinaryStream}), in declaration order
     */
    public record Match(List<DecoderDefinition> text, List<DecoderDefinition> binary) {
        /** True when no decoder produces the type. */
        public boolean isEmpty() {
            return text.isEmpty() && binary.isEmpty();
        }
    }
}
