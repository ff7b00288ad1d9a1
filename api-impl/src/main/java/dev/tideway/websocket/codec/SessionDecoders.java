package dev.tideway.websocket.codec;

import jakarta.websocket.DecodeException;
import jakarta.websocket.Decoder;
import jakarta.websocket.EndpointConfig;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * The decoder instances of one session: created and {@code init}ed when the session opens, {@code destroy}ed
 * exactly once when it closes, however it closes (Jakarta WebSocket §3.2: one instance per session).
 *
 * <p>Decoding tries the candidate decoders in declaration order and uses the first whose {@code willDecode}
 * accepts the message; stream decoders have no {@code willDecode} and accept everything.
 */
public final class SessionDecoders {
    private final CoderInstances<DecoderDefinition, Decoder> instances;

    private SessionDecoders(CoderInstances<DecoderDefinition, Decoder> instances) {
        this.instances = instances;
    }

    /** Instantiates and initialises every decoder (see {@link CoderInstances#open}). */
    public static SessionDecoders open(List<DecoderDefinition> definitions, EndpointConfig config)
            throws InstantiationException {
        return new SessionDecoders(CoderInstances.open(definitions, DecoderDefinition::newInstance,
                coder -> coder.init(config), Decoder::destroy));
    }

    /** Decodes a whole text message with the first candidate that accepts it. */
    public Object decodeText(List<DecoderDefinition> candidates, String text) throws DecodeException, IOException {
        for (DecoderDefinition candidate : candidates) {
            Decoder decoder = instances.get(candidate);
            if (decoder instanceof Decoder.Text<?> whole) {
                if (whole.willDecode(text)) {
                    return whole.decode(text);
                }
            } else if (decoder instanceof Decoder.TextStream<?> stream) {
                return stream.decode(new StringReader(text));
            }
        }
        throw new DecodeException(text, "No decoder accepted the text message");
    }

    /** Decodes a whole binary message with the first candidate that accepts it. */
    public Object decodeBinary(List<DecoderDefinition> candidates, ByteBuffer bytes) throws DecodeException, IOException {
        for (DecoderDefinition candidate : candidates) {
            Decoder decoder = instances.get(candidate);
            if (decoder instanceof Decoder.Binary<?> whole) {
                // willDecode may read the buffer: each decoder sees it from the start
                if (whole.willDecode(bytes.duplicate())) {
                    return whole.decode(bytes.duplicate());
                }
            } else if (decoder instanceof Decoder.BinaryStream<?> stream) {
                ByteBuffer view = bytes.duplicate();
                byte[] copy = new byte[view.remaining()];
                view.get(copy);
                return stream.decode(new ByteArrayInputStream(copy));
            }
        }
        throw new DecodeException(bytes.duplicate(), "No decoder accepted the binary message");
    }

    /** Calls {@code destroy} on every initialised decoder, once; later calls do nothing. */
    public void destroy() {
        instances.destroy();
    }
}
