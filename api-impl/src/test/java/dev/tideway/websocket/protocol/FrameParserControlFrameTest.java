package dev.tideway.websocket.protocol;

import static dev.tideway.websocket.protocol.ParserFeeder.assertFailsAtByte;
import static dev.tideway.websocket.protocol.ParserFeeder.feedPiece;
import static dev.tideway.websocket.protocol.ParserFeeder.feedWhole;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tideway.websocket.protocol.ParserFeeder.BufferKind;
import dev.tideway.websocket.protocol.WireFrame.LengthEncoding;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Control frames (§5.5): delivered whole, at most 125 bytes, in place when possible, between fragments. */
class FrameParserControlFrameTest {
    private static final int KEY = 0x9A0B7C1D;

    private final RecordingFrameListener listener = new RecordingFrameListener();

    /** Records the payload buffer instances the parser delivers control frames in. */
    private static final class PayloadBufferListener implements FrameParser.Listener {
        final List<ByteBuffer> payloads = new ArrayList<>();

        @Override
        public void onDataFrame(FrameHeader h, ByteBuffer payload, boolean start, boolean end) {
        }

        @Override
        public void onControlFrame(FrameHeader h, ByteBuffer payload) {
            payloads.add(payload);
        }
    }

    @ParameterizedTest
    @CsvSource({"8, 0", "8, 2", "8, 125", "9, 0", "9, 125", "10, 0", "10, 125"})
    void controlFramesUpTo125BytesAreDeliveredWhole(int opcode, int length) throws ProtocolException {
        WireFrame frame = WireFrame.counting(opcode, length).masked(KEY);

        feedWhole(new FrameParser(Role.SERVER, listener), frame.bytes());

        assertEquals(List.of(frame.expected()), listener.frames());
    }

    @ParameterizedTest
    @CsvSource({
        // declared length, encoding, byte index at which the length read so far exceeds 125
        "126, SIXTEEN_BIT, 3",
        "65535, SIXTEEN_BIT, 2",
        "126, SIXTY_FOUR_BIT, 9",
        "4294967296, SIXTY_FOUR_BIT, 5"})
    void aControlFrameLongerThan125BytesFailsAsSoonAsTheLengthShowsIt(
            long declared, LengthEncoding encoding, int failingByte) {
        byte[] wire = WireFrame.counting(OpCode.PING, 0).declaredLength(declared).encoding(encoding).bytes();

        ProtocolException e = assertFailsAtByte(() -> new FrameParser(Role.CLIENT, listener), wire, failingByte);

        assertEquals(CloseCodes.PROTOCOL_ERROR, e.closeCode());
        assertEquals("PING frame payload longer than 125 bytes", e.getMessage());
    }

    @Test
    void aNonMinimalLengthOnAControlFrameIsAccepted() throws ProtocolException {
        WireFrame frame = WireFrame.counting(OpCode.CLOSE, 5).encoding(LengthEncoding.SIXTEEN_BIT);

        feedWhole(new FrameParser(Role.CLIENT, listener), frame.bytes());

        assertEquals(List.of(frame.expected()), listener.frames());
    }

    @Test
    void aPayloadWhollyInTheInputIsDeliveredInPlace() throws ProtocolException {
        PayloadBufferListener buffers = new PayloadBufferListener();
        WireFrame frame = WireFrame.counting(OpCode.PONG, 9).masked(KEY);
        byte[] wire = WireFrame.concat(frame, WireFrame.text("after").masked(KEY));
        ByteBuffer in = ByteBuffer.wrap(wire);

        assertTrue(new FrameParser(Role.SERVER, buffers).parse(in));

        assertEquals(1, buffers.payloads.size());
        assertSame(in, buffers.payloads.get(0));
        assertEquals(frame.headerLength() + 9, in.position());
        assertEquals(wire.length, in.limit());
    }

    @Test
    void aPayloadInTheInputAfterItsHeaderIsDeliveredInPlace() throws ProtocolException {
        PayloadBufferListener buffers = new PayloadBufferListener();
        FrameParser parser = new FrameParser(Role.SERVER, buffers);
        WireFrame frame = WireFrame.counting(OpCode.PING, 20).masked(KEY);
        byte[] wire = frame.bytes();

        assertFalse(parser.parse(ByteBuffer.wrap(wire, 0, frame.headerLength())));
        ByteBuffer payload = ByteBuffer.wrap(wire, frame.headerLength(), 20);
        assertTrue(parser.parse(payload));

        assertSame(payload, buffers.payloads.get(0));
    }

    /** Every split of a masked 125-byte control frame, in the header or the payload, in every kind of buffer. */
    @ParameterizedTest
    @ValueSource(ints = {OpCode.CLOSE, OpCode.PING, OpCode.PONG})
    void aSplitPayloadIsCollectedAndDeliveredWholeOnce(int opcode) throws ProtocolException {
        WireFrame frame = WireFrame.counting(opcode, 125).masked(KEY);
        byte[] wire = frame.bytes();
        BufferKind[] kinds = BufferKind.values();
        FrameParser parser = new FrameParser(Role.SERVER, listener);
        for (int split = 1; split < wire.length; split++) {
            BufferKind kind = kinds[split % kinds.length];
            assertEquals(0, feedPiece(parser, wire, 0, split, kind), "callbacks before split " + split);
            assertEquals(1, feedPiece(parser, wire, split, wire.length, kind), "callbacks after split " + split);
        }

        assertEquals(wire.length - 1, listener.frames().size());
        assertTrue(listener.frames().stream().allMatch(frame.expected()::equals));
    }

    @Test
    void splitPayloadsAreCollectedInOneBufferOwnedByTheParser() throws ProtocolException {
        PayloadBufferListener buffers = new PayloadBufferListener();
        FrameParser parser = new FrameParser(Role.SERVER, buffers);
        byte[] first = WireFrame.counting(OpCode.PING, 125).masked(KEY).bytes();
        byte[] second = WireFrame.counting(OpCode.CLOSE, 2).masked(KEY).bytes();

        ParserFeeder.feedByteByByte(parser, first);
        ParserFeeder.feedByteByByte(parser, second);

        assertEquals(2, buffers.payloads.size());
        assertSame(buffers.payloads.get(0), buffers.payloads.get(1));
    }

    @Test
    void aCollectedPayloadDoesNotLeakIntoTheNextOne() throws ProtocolException {
        WireFrame longPing = WireFrame.counting(OpCode.PING, 125).masked(KEY);
        WireFrame shortPong = WireFrame.frame(OpCode.PONG, new byte[] {9, 8, 7}).masked(KEY);
        WireFrame emptyClose = WireFrame.frame(OpCode.CLOSE, new byte[0]).masked(KEY);

        ParserFeeder.feedByteByByte(new FrameParser(Role.SERVER, listener),
                WireFrame.concat(longPing, shortPong, emptyClose));

        assertEquals(List.of(longPing.expected(), shortPong.expected(), emptyClose.expected()), listener.frames());
    }

    @Test
    void anEmptyControlFrameIsDeliveredAsSoonAsItsHeaderEnds() throws ProtocolException {
        PayloadBufferListener buffers = new PayloadBufferListener();
        ByteBuffer header = ByteBuffer.wrap(WireFrame.frame(OpCode.PING, new byte[0]).bytes());

        assertTrue(new FrameParser(Role.CLIENT, buffers).parse(header));

        assertEquals(1, buffers.payloads.size());
        assertEquals(0, buffers.payloads.get(0).remaining());
    }

    @Test
    void controlFramesBetweenFragmentsKeepTheirOrder() throws ProtocolException {
        WireFrame[] frames = {
            WireFrame.text("frag").fin(false).masked(KEY),
            WireFrame.counting(OpCode.PING, 4).masked(KEY),
            WireFrame.counting(OpCode.CONTINUATION, 300).fin(false).masked(KEY),
            WireFrame.counting(OpCode.PONG, 0).masked(KEY),
            WireFrame.frame(OpCode.CONTINUATION, new byte[] {'!'}).masked(KEY),
        };

        ParserFeeder.feedByteByByte(new FrameParser(Role.SERVER, listener), WireFrame.concat(frames));

        List<RecordedFrame> expected = new ArrayList<>();
        for (WireFrame frame : frames) {
            expected.add(frame.expected());
        }
        assertEquals(expected, listener.frames());
    }
}
