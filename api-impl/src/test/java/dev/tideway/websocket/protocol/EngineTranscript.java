package dev.tideway.websocket.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Everything one engine wrote, read back with {@link WireFrames} (independently of the engine's own
 * parser), checked frame by frame, and joined into {@link Sent} entries: one per data message (its frames
 * joined and decoded) or control frame.
 *
 * <p>The checks: masked exactly when the engine is the client; RSV bits only where a negotiated extension
 * owns them and only on a message's first frame; control frames final and at most 125 bytes; close
 * payloads empty or with a code allowed on the wire and a UTF-8 reason; data frames in a valid fragment
 * order; and nothing but pongs after the engine's close frame (RFC 6455 §5.5.1 and §5.5.2).
 */
final class EngineTranscript {

    /** Turns a message the engine sent back into its application payload (for example, inflates it). */
    @FunctionalInterface
    interface MessageDecoder {
        byte[] decode(int rsv, byte[] wirePayload);
    }

    /** A message without RSV bits is its own payload; any RSV bit means the test forgot a decoder. */
    static final MessageDecoder PLAIN = (rsv, payload) -> {
        assertEquals(0, rsv, "RSV bits on a message although no extension is negotiated");
        return payload;
    };

    /**
     * One thing the engine sent: a whole data message or a control frame.
     *
     * @param rsv        the RSV bits of the message's first frame
     * @param payload    the decoded payload
     * @param wireLength payload bytes on the wire, over all frames (compressed, when compressed)
     * @param frameSizes payload length of each frame
     */
    record Sent(int opcode, int rsv, byte[] payload, long wireLength, List<Integer> frameSizes) {
        int closeCode() {
            return payload.length < 2 ? CloseCodes.NO_STATUS_RECEIVED
                    : ((payload[0] & 0xFF) << 8) | (payload[1] & 0xFF);
        }

        String closeReason() {
            return payload.length < 2 ? "" : new String(payload, 2, payload.length - 2, StandardCharsets.UTF_8);
        }

        /** A short form to compare in assertions: see {@link #text}, {@link #pong}, {@link #close} and so on. */
        String describe() {
            return switch (opcode) {
                case OpCode.TEXT -> text(payload);
                case OpCode.BINARY -> binary(payload);
                case OpCode.CLOSE -> close(closeCode());
                default -> OpCode.name(opcode) + " " + hex(payload);
            };
        }

        @Override
        public String toString() {
            return describe();
        }
    }

    private final Role role;
    private final int extensionRsv;
    private final MessageDecoder decoder;

    private final List<WireFrames.Frame> frames = new ArrayList<>();
    private final List<Sent> sent = new ArrayList<>();
    private int sentTaken;
    /** The data message being read back: its first frame's opcode and RSV, or -1 between messages. */
    private int messageOpcode = -1;
    private int messageRsv;
    private final ByteArrayOutputStream messagePayload = new ByteArrayOutputStream();
    private final List<Integer> messageFrameSizes = new ArrayList<>();
    private boolean closeSent;

    /**
     * @param extensionRsv the RSV bits the negotiated extensions own
     * @param decoder      decodes a message sent with RSV bits
     */
    EngineTranscript(Role role, int extensionRsv, MessageDecoder decoder) {
        this.role = role;
        this.extensionRsv = extensionRsv;
        this.decoder = decoder;
    }

    /** Reads the whole frames the engine wrote since the last call. */
    void read(byte[] written) {
        for (WireFrames.Frame frame : WireFrames.parse(written)) {
            check(frame);
            frames.add(frame);
            collect(frame);
        }
    }

    List<WireFrames.Frame> frames() {
        return frames;
    }

    List<Sent> sent() {
        return sent;
    }

    /** What was sent since the last call. */
    List<Sent> takeSent() {
        List<Sent> taken = List.copyOf(sent.subList(sentTaken, sent.size()));
        sentTaken = sent.size();
        return taken;
    }

    boolean closeSent() {
        return closeSent;
    }

    private void check(WireFrames.Frame frame) {
        String what = OpCode.name(frame.opcode()) + " frame #" + frames.size();
        if (closeSent && frame.opcode() != OpCode.PONG) {
            // §5.5.1 forbids data after a close frame; §5.5.2 still asks for pongs until the peer's close
            fail(what + " written after the engine's close frame, where only a pong may follow");
        }
        assertEquals(role.masksOutbound(), frame.masked(), what + ": masked must be " + role.masksOutbound());
        assertTrue(OpCode.isDefined(frame.opcode()), what + ": reserved opcode");
        if (OpCode.isControl(frame.opcode())) {
            assertTrue(frame.fin(), what + ": a control frame must not be fragmented");
            assertEquals(0, frame.rsv(), what + ": RSV bits on a control frame");
            assertTrue(frame.payload().length <= 125, what + ": control payload over 125 bytes");
            if (frame.opcode() == OpCode.CLOSE) {
                checkClosePayload(what, frame.payload());
            }
            return;
        }
        boolean continuation = frame.opcode() == OpCode.CONTINUATION;
        assertEquals(messageOpcode >= 0, continuation,
                what + (continuation ? ": continuation without a message" : ": new message inside a message"));
        if (continuation) {
            assertEquals(0, frame.rsv(), what + ": RSV bits on a continuation frame");
        } else {
            assertEquals(0, frame.rsv() & ~extensionRsv, what + ": RSV bits no negotiated extension owns");
        }
    }

    /** Empty, or a code that may go on the wire and a UTF-8 reason (RFC 6455 §5.5.1, §7.4). */
    private static void checkClosePayload(String what, byte[] payload) {
        if (payload.length == 0) {
            return;
        }
        assertTrue(payload.length >= 2, what + ": a one-byte close payload");
        int code = ((payload[0] & 0xFF) << 8) | (payload[1] & 0xFF);
        assertTrue(CloseCodes.isValidOnWire(code), what + ": close code " + code + " may not be sent");
        try {
            StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(payload, 2, payload.length - 2));
        } catch (CharacterCodingException e) {
            fail(what + ": the close reason is not valid UTF-8");
        }
    }

    private void collect(WireFrames.Frame frame) {
        int opcode = frame.opcode();
        if (OpCode.isControl(opcode)) {
            closeSent |= opcode == OpCode.CLOSE;
            byte[] payload = frame.payload();
            sent.add(new Sent(opcode, 0, payload, payload.length, List.of(payload.length)));
            return;
        }
        if (opcode != OpCode.CONTINUATION) {
            messageOpcode = opcode;
            messageRsv = frame.rsv();
        }
        messagePayload.writeBytes(frame.payload());
        messageFrameSizes.add(frame.payload().length);
        if (frame.fin()) {
            byte[] wirePayload = messagePayload.toByteArray();
            sent.add(new Sent(messageOpcode, messageRsv, decoder.decode(messageRsv, wirePayload),
                    wirePayload.length, List.copyOf(messageFrameSizes)));
            messageOpcode = -1;
            messagePayload.reset();
            messageFrameSizes.clear();
        }
    }

    // ---------------------------------------------------------------- expected entries, as described

    static String text(String text) {
        return text(text.getBytes(StandardCharsets.UTF_8));
    }

    static String text(byte[] utf8) {
        return "TEXT " + new String(utf8, StandardCharsets.UTF_8);
    }

    static String binary(byte[] data) {
        return "BINARY " + hex(data);
    }

    static String ping(byte[] data) {
        return "PING " + hex(data);
    }

    static String pong(byte[] data) {
        return "PONG " + hex(data);
    }

    static String pong(String data) {
        return pong(data.getBytes(StandardCharsets.UTF_8));
    }

    /** A close frame with this code; {@link CloseCodes#NO_STATUS_RECEIVED} stands for an empty close frame. */
    static String close(int code) {
        return code == CloseCodes.NO_STATUS_RECEIVED ? "CLOSE (no status)" : "CLOSE " + code;
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
