package dev.tideway.websocket.protocol.extension;

import dev.tideway.websocket.protocol.FrameHeader;
import dev.tideway.websocket.protocol.ProtocolException;
import dev.tideway.websocket.protocol.extension.ExtensionOffer.Parameter;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

/** Helpers shared by the permessage-deflate tests: extensions, frames, hex and header elements. */
final class DeflateTestSupport {
    static final byte[] HELLO = {'H', 'e', 'l', 'l', 'o'};

    private DeflateTestSupport() {
    }

    /** One frame as the extension left it. */
    record Frame(int rsv, byte[] payload) {
        boolean compressed() {
            return (rsv & FrameHeader.RSV1) != 0;
        }
    }

    static PerMessageDeflate deflate(boolean outboundNoContextTakeover, boolean inboundNoContextTakeover) {
        return deflate(PerMessageDeflateConfig.DEFAULTS, outboundNoContextTakeover, inboundNoContextTakeover);
    }

    static PerMessageDeflate deflate(PerMessageDeflateConfig config, boolean outboundNoContextTakeover,
                                     boolean inboundNoContextTakeover) {
        return new PerMessageDeflate(ExtensionOffer.of(PerMessageDeflateFactory.NAME),
                outboundNoContextTakeover, inboundNoContextTakeover, config);
    }

    /** Encodes one message given as its fragments. */
    static List<Frame> encode(Extension extension, byte[]... fragments) {
        OutboundPayload holder = new OutboundPayload();
        List<Frame> frames = new ArrayList<>();
        for (int i = 0; i < fragments.length; i++) {
            holder.reset(ByteBuffer.wrap(fragments[i]));
            extension.encode(holder, i == 0, i == fragments.length - 1);
            frames.add(new Frame(holder.rsv(), toArray(holder.payload())));
        }
        return frames;
    }

    /** Encodes a single-frame message and returns its payload. */
    static byte[] encodeWhole(Extension extension, byte[] message) {
        return encode(extension, message).get(0).payload();
    }

    /** Decodes one message, frame by frame, with the RSV bits of its first frame. */
    static byte[] decode(Extension extension, List<Frame> frames, RecordingSink sink) throws ProtocolException {
        int messageRsv = frames.get(0).rsv();
        for (int i = 0; i < frames.size(); i++) {
            extension.decode(messageRsv, ByteBuffer.wrap(frames.get(i).payload()), i == frames.size() - 1, sink);
        }
        return sink.takeBytes();
    }

    /** Decodes a single-frame compressed message. */
    static byte[] decodeCompressed(Extension extension, byte[] payload, RecordingSink sink)
            throws ProtocolException {
        return decode(extension, List.of(new Frame(FrameHeader.RSV1, payload)), sink);
    }

    static byte[] toArray(ByteBuffer buffer) {
        byte[] bytes = new byte[buffer.remaining()];
        buffer.duplicate().get(bytes);
        return bytes;
    }

    /** "f2 48 cd" as bytes. */
    static byte[] hex(String spaced) {
        return HexFormat.of().parseHex(spaced.replace(" ", ""));
    }

    static String hex(byte[] bytes) {
        return HexFormat.ofDelimiter(" ").formatHex(bytes);
    }

    static byte[] random(int length, long seed) {
        byte[] bytes = new byte[length];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    /** Text that deflates well but not trivially: numbered JSON-like records. */
    static byte[] compressible(int length) {
        StringBuilder text = new StringBuilder(length + 64);
        for (int i = 0; text.length() < length; i++) {
            text.append("{\"id\":").append(i).append(",\"name\":\"item-").append(i * 7919 % 1000)
                    .append("\",\"ok\":true}\n");
        }
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = (byte) text.charAt(i);
        }
        return bytes;
    }

    /**
     * A header element such as {@code permessage-deflate; a=1; b}; a plain split, enough for tests that
     * need no quoting.
     */
    static ExtensionOffer element(String header) {
        String[] parts = header.split(";");
        List<Parameter> parameters = new ArrayList<>();
        for (int i = 1; i < parts.length; i++) {
            String[] nameValue = parts[i].trim().split("=", 2);
            parameters.add(new Parameter(nameValue[0], nameValue.length == 2 ? nameValue[1] : null));
        }
        return new ExtensionOffer(parts[0].trim(), parameters);
    }
}
