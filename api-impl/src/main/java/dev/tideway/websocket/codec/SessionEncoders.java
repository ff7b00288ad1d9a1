package dev.tideway.websocket.codec;

import jakarta.websocket.EncodeException;
import jakarta.websocket.Encoder;
import jakarta.websocket.EndpointConfig;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * The encoder instances of one session and the rule of {@code sendObject}: the first of the endpoint's
 * encoders (in declaration order) that handles the object's class encodes it; without one, a String or a
 * primitive wrapper goes as text ({@code toString}), a {@code ByteBuffer} or {@code byte[]} as binary, and
 * anything else is an {@link EncodeException}. An encoder wins over the built-in conversions.
 */
public final class SessionEncoders {
    /** An encoded message, ready for the wire. */
    public sealed interface Encoded permits Text, Binary {
    }

    public record Text(String text) implements Encoded {
    }

    public record Binary(ByteBuffer data) implements Encoded {
    }

    private final List<EncoderDefinition> definitions;
    private final CoderInstances<EncoderDefinition, Encoder> instances;

    private SessionEncoders(List<EncoderDefinition> definitions, CoderInstances<EncoderDefinition, Encoder> instances) {
        this.definitions = List.copyOf(definitions);
        this.instances = instances;
    }

    /** Instantiates and initialises every encoder (see {@link CoderInstances#open}). */
    public static SessionEncoders open(List<EncoderDefinition> definitions, EndpointConfig config)
            throws InstantiationException {
        return new SessionEncoders(definitions, CoderInstances.open(definitions, EncoderDefinition::newInstance,
                coder -> coder.init(config), Encoder::destroy));
    }

    /** Encodes {@code value} for {@code sendObject}. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Encoded encode(Object value) throws EncodeException, IOException {
        if (value == null) {
            throw new IllegalArgumentException("Cannot send a null object");
        }
        for (EncoderDefinition definition : definitions) {
            if (!definition.canEncode(value.getClass())) {
                continue;
            }
            Encoder encoder = instances.get(definition);
            if (encoder instanceof Encoder.Text text) {
                return new Text(text.encode(value));
            } else if (encoder instanceof Encoder.TextStream stream) {
                StringWriter writer = new StringWriter();
                stream.encode(value, writer);
                return new Text(writer.toString());
            } else if (encoder instanceof Encoder.Binary binary) {
                return new Binary(binary.encode(value));
            } else if (encoder instanceof Encoder.BinaryStream stream) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                stream.encode(value, out);
                return new Binary(ByteBuffer.wrap(out.toByteArray()));
            }
        }
        if (value instanceof String || PrimitiveTextConverter.isPrimitiveOrWrapper(value.getClass())) {
            return new Text(value.toString());
        }
        if (value instanceof ByteBuffer buffer) {
            return new Binary(buffer);
        }
        if (value instanceof byte[] bytes) {
            return new Binary(ByteBuffer.wrap(bytes));
        }
        throw new EncodeException(value, "No encoder for " + value.getClass().getName()
                + ": declare one in the endpoint's encoders");
    }

    /** Calls {@code destroy} on every initialised encoder, once; later calls do nothing. */
    public void destroy() {
        instances.destroy();
    }
}
