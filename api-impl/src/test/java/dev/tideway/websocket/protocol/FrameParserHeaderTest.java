package dev.tideway.websocket.protocol;

import static dev.tideway.websocket.protocol.ParserFeeder.assertFailsAtByte;
import static dev.tideway.websocket.protocol.ParserFeeder.feedWhole;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The first header byte's rules (§5.2, §5.5), the fields reported, and how parse() consumes its input. */
class FrameParserHeaderTest {
    private final RecordingFrameListener listener = new RecordingFrameListener();

    private Supplier<FrameParser> clientParser(int allowedRsv) {
        return () -> {
            FrameParser parser = new FrameParser(Role.CLIENT, listener);
            parser.allowRsv(allowedRsv);
            return parser;
        };
    }

    private void assertProtocolErrorAtFirstByte(byte[] wire, int allowedRsv, String message) {
        ProtocolException e = assertFailsAtByte(clientParser(allowedRsv), wire, 0);
        assertEquals(CloseCodes.PROTOCOL_ERROR, e.closeCode());
        assertEquals(message, e.getMessage());
        assertEquals(0, listener.callbacks());
    }

    @ParameterizedTest
    @ValueSource(ints = {0x3, 0x4, 0x5, 0x6, 0x7, 0xB, 0xC, 0xD, 0xE, 0xF})
    void reservedOpcodeFailsAtTheFirstByte(int opcode) {
        byte[] wire = WireFrame.counting(opcode, 10).bytes();
        assertProtocolErrorAtFirstByte(wire, 0, "Reserved opcode 0x" + Integer.toHexString(opcode));
    }

    @ParameterizedTest
    @ValueSource(ints = {OpCode.TEXT, OpCode.BINARY, OpCode.CONTINUATION})
    void everyRsvBitIsRefusedOnDataFramesByDefault(int opcode) {
        for (int rsv = 1; rsv <= 7; rsv++) {
            byte[] wire = WireFrame.counting(opcode, 3).rsv(rsv).bytes();
            assertProtocolErrorAtFirstByte(wire, 0, "RSV bits 0x" + rsv + " set on a " + OpCode.name(opcode)
                    + " frame but no negotiated extension uses them");
        }
    }

    @Test
    void allowedRsvBitsAreReportedOnDataFrames() throws ProtocolException {
        FrameParser parser = clientParser(FrameHeader.RSV1).get();
        byte[] wire = WireFrame.concat(
                WireFrame.text("ab").fin(false).rsv(FrameHeader.RSV1),
                WireFrame.counting(OpCode.CONTINUATION, 2).rsv(FrameHeader.RSV1));

        feedWhole(parser, wire);

        assertEquals(List.of(
                RecordedFrame.of(OpCode.TEXT, false, FrameHeader.RSV1, new byte[] {'a', 'b'}),
                RecordedFrame.of(OpCode.CONTINUATION, true, FrameHeader.RSV1, new byte[] {0, 1})),
                listener.frames());
    }

    @Test
    void rsvBitsOutsideTheAllowedOnesAreStillRefused() {
        byte[] wire = WireFrame.text("x").rsv(FrameHeader.RSV1 | FrameHeader.RSV2).bytes();
        assertProtocolErrorAtFirstByte(wire, FrameHeader.RSV1,
                "RSV bits 0x2 set on a TEXT frame but no negotiated extension uses them");
    }

    @ParameterizedTest
    @ValueSource(ints = {OpCode.CLOSE, OpCode.PING, OpCode.PONG})
    void rsvBitsOnAControlFrameFailEvenWhenExtensionsOwnThem(int opcode) {
        byte[] wire = WireFrame.counting(opcode, 2).rsv(FrameHeader.RSV1).bytes();
        assertProtocolErrorAtFirstByte(wire, 7,
                "RSV bits 0x4 set on a " + OpCode.name(opcode) + " frame; control frames carry none");
    }

    @ParameterizedTest
    @ValueSource(ints = {OpCode.CLOSE, OpCode.PING, OpCode.PONG})
    void fragmentedControlFrameFailsAtTheFirstByte(int opcode) {
        byte[] wire = WireFrame.counting(opcode, 2).fin(false).bytes();
        assertProtocolErrorAtFirstByte(wire, 0, "Fragmented " + OpCode.name(opcode)
                + " frame (FIN clear); control frames must not be fragmented");
    }

    @Test
    void headerFieldsAreReported() throws ProtocolException {
        List<String> headers = new ArrayList<>();
        FrameParser parser = new FrameParser(Role.SERVER, new FrameParser.Listener() {
            @Override
            public void onDataFrame(FrameHeader h, ByteBuffer payload, boolean start, boolean end) {
                headers.add(describe(h));
            }

            @Override
            public void onControlFrame(FrameHeader h, ByteBuffer payload) {
                headers.add(describe(h));
            }

            private String describe(FrameHeader h) {
                return h.fin() + " " + h.rsv() + " " + OpCode.name(h.opcode()) + " " + h.masked() + " "
                        + Integer.toHexString(h.maskKey()) + " " + h.payloadLength() + " " + h.isControl();
            }
        });
        parser.allowRsv(FrameHeader.RSV2 | FrameHeader.RSV3);

        feedWhole(parser, WireFrame.concat(
                WireFrame.counting(OpCode.BINARY, 300).fin(false).rsv(3).masked(0xCAFEBABE),
                WireFrame.counting(OpCode.PONG, 7).masked(0x01020304)));

        assertEquals(List.of("false 3 BINARY true cafebabe 300 false", "true 0 PONG true 1020304 7 true"),
                headers);
    }

    @Test
    void continuationSequencingIsLeftToTheMessageLayer() throws ProtocolException {
        WireFrame[] frames = {
            WireFrame.counting(OpCode.CONTINUATION, 1),
            WireFrame.text("a").fin(false),
            WireFrame.text("b").fin(false),
            WireFrame.counting(OpCode.BINARY, 2),
        };
        FrameParser parser = clientParser(0).get();

        feedWhole(parser, WireFrame.concat(frames));

        assertEquals(List.of(frames[0].expected(), frames[1].expected(), frames[2].expected(),
                frames[3].expected()), listener.frames());
    }

    @Test
    void parseStopsAfterEachCallback() throws ProtocolException {
        WireFrame first = WireFrame.text("one");
        byte[] wire = WireFrame.concat(first, WireFrame.text("two"));
        ByteBuffer in = ByteBuffer.wrap(wire);
        FrameParser parser = clientParser(0).get();

        assertTrue(parser.parse(in));
        assertEquals(first.bytes().length, in.position());
        assertEquals(List.of(RecordedFrame.text("one")), listener.frames());
        assertTrue(parser.parse(in));
        assertEquals(wire.length, in.position());
        assertFalse(parser.parse(in));
        assertEquals(List.of(RecordedFrame.text("one"), RecordedFrame.text("two")), listener.frames());
    }

    @Test
    void parseReturnsFalseAfterConsumingAPartialHeader() throws ProtocolException {
        ByteBuffer in = ByteBuffer.wrap(new byte[] {(byte) 0x82, 126, 0x01});
        FrameParser parser = clientParser(0).get();

        assertFalse(parser.parse(in));
        assertEquals(3, in.position());
        assertFalse(parser.parse(ByteBuffer.allocate(0)));
        assertEquals(0, listener.callbacks());
    }

    @Test
    void positionAndLimitAreRestoredWhateverTheListenerDoesWithThem() throws ProtocolException {
        FrameParser parser = new FrameParser(Role.CLIENT, new FrameParser.Listener() {
            @Override
            public void onDataFrame(FrameHeader h, ByteBuffer payload, boolean start, boolean end) {
                payload.limit(payload.position()).position(0);
            }

            @Override
            public void onControlFrame(FrameHeader h, ByteBuffer payload) {
                payload.position(payload.limit());
            }
        });
        byte[] wire = WireFrame.concat(WireFrame.text("abc"), WireFrame.counting(OpCode.PING, 4),
                WireFrame.text("z"));
        ByteBuffer in = ByteBuffer.wrap(wire).limit(wire.length - 1);

        assertTrue(parser.parse(in));
        assertEquals(5, in.position());
        assertEquals(wire.length - 1, in.limit());
        assertTrue(parser.parse(in));
        assertEquals(11, in.position());
        assertEquals(wire.length - 1, in.limit());
    }

    @Test
    void aListenerViolationPropagatesRestoresTheBufferAndKillsTheParser() {
        ProtocolException invalid = ProtocolException.invalidPayload("not UTF-8");
        FrameParser parser = new FrameParser(Role.CLIENT, new FrameParser.Listener() {
            @Override
            public void onDataFrame(FrameHeader h, ByteBuffer payload, boolean start, boolean end)
                    throws ProtocolException {
                payload.limit(payload.position());
                throw invalid;
            }

            @Override
            public void onControlFrame(FrameHeader h, ByteBuffer payload) {
            }
        });
        byte[] wire = WireFrame.concat(WireFrame.text("abc"), WireFrame.text("def"));
        ByteBuffer in = ByteBuffer.wrap(wire);

        assertSame(invalid, assertThrows(ProtocolException.class, () -> parser.parse(in)));
        assertEquals(5, in.position());
        assertEquals(wire.length, in.limit());
        assertThrows(IllegalStateException.class, () -> parser.parse(in));
        assertEquals(5, in.position());
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 8})
    void allowRsvRefusesValuesThatAreNotRsvBits(int rsv) {
        FrameParser parser = clientParser(0).get();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> parser.allowRsv(rsv));
        assertEquals("RSV bits must be within 0-7: " + rsv, e.getMessage());
    }
}
