package dev.tideway.websocket.protocol;

import static dev.tideway.websocket.protocol.EngineHarness.close;
import static dev.tideway.websocket.protocol.EngineHarness.text;
import static dev.tideway.websocket.protocol.TestFrames.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tideway.websocket.protocol.EngineHarness.Delivery;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Autobahn TestSuite section 3, reserved bits: with no extension negotiated, a frame with any RSV bit set
 * fails the connection with 1002 at once, on the frame's first byte; a valid message before it is echoed
 * first, and a ping after it is not answered.
 */
@DisplayName("Autobahn 3 - reserved bits")
class Conformance3ReservedBitsTest {
    private static final String HELLO = "Hello, world!";
    private static final byte[] BINARY_PAYLOAD = TestFrames.hex("00 FF FE FD FC FB 00 FF");

    /** One case: the offending frame, whether a valid text message precedes it and a ping follows. */
    private record Case(String name, int rsv, int opcode, byte[] payload, boolean framed, Delivery delivery) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Arguments> cases() {
        List<Case> cases = List.of(
                new Case("3.1 text with RSV=1 -> 1002", 1, OpCode.TEXT, utf8(HELLO), false, Delivery.ONE_READ),
                new Case("3.2 text, text with RSV=2, ping -> echo, 1002, no pong", 2, OpCode.TEXT, utf8(HELLO),
                        true, Delivery.ONE_READ),
                new Case("3.3 text, text with RSV=3, ping, frame-wise -> echo, 1002, no pong", 3, OpCode.TEXT,
                        utf8(HELLO), true, Delivery.FRAME_PER_READ),
                new Case("3.4 text, text with RSV=4, ping, octet-wise -> echo, 1002, no pong", 4, OpCode.TEXT,
                        utf8(HELLO), true, Delivery.BYTE_PER_READ),
                new Case("3.5 binary with RSV=5 -> 1002", 5, OpCode.BINARY, BINARY_PAYLOAD, false,
                        Delivery.ONE_READ),
                // Autobahn's description of 3.6 says ping, its code sends a binary frame: both are covered
                new Case("3.6 ping with RSV=6 -> 1002", 6, OpCode.PING, utf8(HELLO), false, Delivery.ONE_READ),
                new Case("3.6 (as coded) binary with RSV=6 -> 1002", 6, OpCode.BINARY, utf8(HELLO), false,
                        Delivery.ONE_READ),
                new Case("3.7 close with RSV=7 -> 1002", 7, OpCode.CLOSE, new byte[0], false, Delivery.ONE_READ));
        return EngineHarness.inBothRoles(cases);
    }

    @ParameterizedTest(name = "{0} ({1})")
    @MethodSource("cases")
    void reservedBitsFailTheConnection(Case c, Role role) {
        EngineHarness h = EngineHarness.echo(role);
        TestFrames session = h.peer();
        if (c.framed()) {
            session.text(HELLO);
        }
        int badFrame = c.framed() ? 1 : 0;
        session.frame(true, c.rsv(), c.opcode(), c.payload());
        if (c.framed()) {
            session.ping(new byte[0]);
        }

        h.feedFailingAt(session, c.delivery(), session.frameStart(badFrame));

        if (c.framed()) {
            h.assertSent(text(HELLO), close(CloseCodes.PROTOCOL_ERROR));
        } else {
            h.assertSent(close(CloseCodes.PROTOCOL_ERROR));
        }
        h.assertFailed(CloseCodes.PROTOCOL_ERROR);
        assertEquals(List.of(), h.listener().pings, "the ping after the offending frame is not read");
    }
}
