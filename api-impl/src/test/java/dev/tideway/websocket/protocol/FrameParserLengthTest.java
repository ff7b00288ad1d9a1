package dev.tideway.websocket.protocol;

import static dev.tideway.websocket.protocol.ParserFeeder.assertFailsAtByte;
import static dev.tideway.websocket.protocol.ParserFeeder.feedWhole;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tideway.websocket.protocol.WireFrame.LengthEncoding;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Payload lengths (§5.2): the three encodings and their boundaries, the 63-bit rule and the frame limit. */
class FrameParserLengthTest {
    private final RecordingFrameListener listener = new RecordingFrameListener();

    private Supplier<FrameParser> clientParser(long maxFramePayloadLength) {
        return () -> {
            FrameParser parser = new FrameParser(Role.CLIENT, listener);
            parser.maxFramePayloadLength(maxFramePayloadLength);
            return parser;
        };
    }

    @ParameterizedTest
    @CsvSource({
        // length, header bytes the minimal encoding takes
        "0, 2", "1, 2", "125, 2",
        "126, 4", "127, 4", "65535, 4",
        "65536, 10", "70000, 10"})
    void eachLengthEncodingDeliversThePayloadInOneChunk(int length, int headerLength) throws ProtocolException {
        WireFrame frame = WireFrame.counting(OpCode.BINARY, length);
        assertEquals(headerLength, frame.headerLength());

        feedWhole(new FrameParser(Role.CLIENT, listener), frame.bytes());

        assertEquals(List.of(frame.expected()), listener.frames());
        assertEquals(1, listener.dataChunks());
    }

    @ParameterizedTest
    @CsvSource({
        "0, SIXTEEN_BIT", "5, SIXTEEN_BIT", "125, SIXTEEN_BIT",
        "5, SIXTY_FOUR_BIT", "126, SIXTY_FOUR_BIT", "65535, SIXTY_FOUR_BIT"})
    void nonMinimalEncodingsAreAccepted(int length, LengthEncoding encoding) throws ProtocolException {
        WireFrame frame = WireFrame.counting(OpCode.TEXT, length).encoding(encoding);

        feedWhole(new FrameParser(Role.CLIENT, listener), frame.bytes());

        assertEquals(List.of(frame.expected()), listener.frames());
    }

    @ParameterizedTest
    @ValueSource(longs = {Long.MIN_VALUE, -1L, 0x8000_0000_0000_0005L})
    void sixtyFourBitLengthWithTheTopBitSetFailsAtItsFirstByte(long length) {
        byte[] wire = WireFrame.counting(OpCode.BINARY, 0).declaredLength(length)
                .encoding(LengthEncoding.SIXTY_FOUR_BIT).bytes();

        ProtocolException e = assertFailsAtByte(clientParser(Long.MAX_VALUE), wire, 2);

        assertEquals(CloseCodes.PROTOCOL_ERROR, e.closeCode());
        assertEquals("64-bit payload length with the most significant bit set", e.getMessage());
    }

    @Test
    void theLargestLengthIsAcceptedByDefault() throws ProtocolException {
        assertEquals(Long.MAX_VALUE, FrameParser.DEFAULT_MAX_FRAME_PAYLOAD_LENGTH);
        List<String> chunks = new ArrayList<>();
        FrameParser parser = new FrameParser(Role.CLIENT, new FrameParser.Listener() {
            @Override
            public void onDataFrame(FrameHeader h, ByteBuffer payload, boolean start, boolean end) {
                chunks.add(h.payloadLength() + " " + payload.remaining() + " " + start + " " + end);
            }

            @Override
            public void onControlFrame(FrameHeader h, ByteBuffer payload) {
            }
        });
        byte[] header = WireFrame.counting(OpCode.BINARY, 0).declaredLength(Long.MAX_VALUE).bytes();

        feedWhole(parser, header);
        feedWhole(parser, new byte[] {1, 2, 3});

        assertEquals(List.of(Long.MAX_VALUE + " 3 true false"), chunks);
    }

    @Test
    void aFrameAtTheLimitPassesAndOneByteMoreFailsWithMessageTooBig() throws ProtocolException {
        feedWhole(clientParser(1000).get(), WireFrame.counting(OpCode.BINARY, 1000).bytes());
        assertEquals(List.of(WireFrame.counting(OpCode.BINARY, 1000).expected()), listener.frames());

        byte[] tooLong = WireFrame.counting(OpCode.BINARY, 1001).bytes();
        ProtocolException e = assertFailsAtByte(clientParser(1000), tooLong, 3);

        assertEquals(CloseCodes.MESSAGE_TOO_BIG, e.closeCode());
        assertEquals("BINARY frame payload longer than the limit of 1000 bytes", e.getMessage());
    }

    @ParameterizedTest
    @CsvSource({
        // limit, declared length, byte index at which the length read so far exceeds the limit
        "100, 101, 1",
        "0, 1, 1",
        "255, 256, 2",
        "65535, 65536, 7",
        "1000, 1099511627776, 4",
        "1000, 4294967296, 5",
        "4294967295, 4294967296, 5",
        "4294967296, 4294967297, 9"})
    void tooLongFailsAtTheFirstLengthByteThatProvesIt(long limit, long declared, int failingByte) {
        byte[] wire = WireFrame.counting(OpCode.TEXT, 0).declaredLength(declared).bytes();

        ProtocolException e = assertFailsAtByte(clientParser(limit), wire, failingByte);

        assertEquals(CloseCodes.MESSAGE_TOO_BIG, e.closeCode());
        assertEquals("TEXT frame payload longer than the limit of " + limit + " bytes", e.getMessage());
        assertEquals(0, listener.callbacks());
    }

    @Test
    void aZeroLimitStillAdmitsEmptyFrames() throws ProtocolException {
        feedWhole(clientParser(0).get(), WireFrame.text("").bytes());
        assertEquals(List.of(RecordedFrame.text("")), listener.frames());
    }

    @Test
    void theFrameLimitDoesNotApplyToControlFrames() throws ProtocolException {
        WireFrame ping = WireFrame.counting(OpCode.PING, 125);

        feedWhole(clientParser(10).get(), ping.bytes());

        assertEquals(List.of(ping.expected()), listener.frames());
    }

    @Test
    void aNegativeLimitIsRefused() {
        FrameParser parser = new FrameParser(Role.CLIENT, listener);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> parser.maxFramePayloadLength(-1));
        assertEquals("maximum frame payload length must not be negative: -1", e.getMessage());
    }
}
