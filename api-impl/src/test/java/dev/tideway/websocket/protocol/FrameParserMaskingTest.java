package dev.tideway.websocket.protocol;

import static dev.tideway.websocket.protocol.ParserFeeder.assertFailsAtByte;
import static dev.tideway.websocket.protocol.ParserFeeder.feedPiece;
import static dev.tideway.websocket.protocol.ParserFeeder.feedWhole;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tideway.websocket.protocol.ParserFeeder.BufferKind;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Masking (§5.1, §5.3): who must mask, and unmasking in place across any split of the payload. */
class FrameParserMaskingTest {
    private static final int KEY = 0x37FA213D;

    private final RecordingFrameListener listener = new RecordingFrameListener();

    @ParameterizedTest
    @ValueSource(ints = {OpCode.TEXT, OpCode.CONTINUATION, OpCode.CLOSE, OpCode.PING})
    void aServerRefusesAnUnmaskedFrameAtTheSecondByte(int opcode) {
        byte[] wire = WireFrame.counting(opcode, 5).bytes();

        ProtocolException e = assertFailsAtByte(() -> new FrameParser(Role.SERVER, listener), wire, 1);

        assertEquals(CloseCodes.PROTOCOL_ERROR, e.closeCode());
        assertEquals("Unmasked frame received from a client; clients must mask every frame", e.getMessage());
        assertEquals(0, listener.callbacks());
    }

    @ParameterizedTest
    @ValueSource(ints = {OpCode.BINARY, OpCode.CONTINUATION, OpCode.CLOSE, OpCode.PONG})
    void aClientRefusesAMaskedFrameAtTheSecondByte(int opcode) {
        byte[] wire = WireFrame.counting(opcode, 5).masked(KEY).bytes();

        ProtocolException e = assertFailsAtByte(() -> new FrameParser(Role.CLIENT, listener), wire, 1);

        assertEquals(CloseCodes.PROTOCOL_ERROR, e.closeCode());
        assertEquals("Masked frame received from a server; servers must not mask", e.getMessage());
    }

    @Test
    void aServerUnmasksThePayloadInPlace() throws ProtocolException {
        WireFrame frame = WireFrame.text("Hello, masked world").masked(KEY);
        byte[] wire = frame.bytes();
        ByteBuffer in = ByteBuffer.wrap(wire);

        assertTrue(new FrameParser(Role.SERVER, listener).parse(in));

        assertEquals(List.of(RecordedFrame.text("Hello, masked world")), listener.frames());
        // the engine may hand the unmasked bytes on from its read buffer
        assertArrayEquals(frame.expected().payload(), Arrays.copyOfRange(wire, frame.headerLength(), wire.length));
    }

    @Test
    void aZeroKeyLeavesThePayloadAsItIs() throws ProtocolException {
        feedWhole(new FrameParser(Role.SERVER, listener), WireFrame.text("plain").masked(0).bytes());
        assertEquals(List.of(RecordedFrame.text("plain")), listener.frames());
    }

    /**
     * Splits a masked frame at every pair of positions (header included), so that chunks start at every
     * phase of the key and at every key byte, in every kind of buffer.
     */
    @ParameterizedTest
    @EnumSource(BufferKind.class)
    void unmaskingIsTheSameWhereverThePayloadIsSplit(BufferKind kind) throws ProtocolException {
        WireFrame frame = WireFrame.counting(OpCode.BINARY, 41).masked(KEY);
        byte[] wire = frame.bytes();
        FrameParser parser = new FrameParser(Role.SERVER, listener);
        int frames = 0;
        for (int first = 0; first <= wire.length; first++) {
            for (int second = first; second <= wire.length; second++) {
                feedPiece(parser, wire, 0, first, kind);
                feedPiece(parser, wire, first, second, kind);
                feedPiece(parser, wire, second, wire.length, kind);
                frames++;
            }
        }

        assertEquals(frames, listener.frames().size());
        assertTrue(listener.frames().stream().allMatch(frame.expected()::equals));
    }

    @ParameterizedTest
    @EnumSource(BufferKind.class)
    void longPayloadsAreUnmaskedEightBytesAtATimeInEveryBufferKind(BufferKind kind) throws ProtocolException {
        WireFrame frame = WireFrame.counting(OpCode.BINARY, 70_001).masked(KEY);
        byte[] wire = frame.bytes();
        FrameParser parser = new FrameParser(Role.SERVER, listener);

        // odd split points, so that the eight-byte steps start at every key phase
        feedPiece(parser, wire, 0, 1_001, kind);
        feedPiece(parser, wire, 1_001, 33_335, kind);
        feedPiece(parser, wire, 33_335, wire.length, kind);

        assertEquals(List.of(frame.expected()), listener.frames());
        assertEquals(3, listener.dataChunks());
    }
}
