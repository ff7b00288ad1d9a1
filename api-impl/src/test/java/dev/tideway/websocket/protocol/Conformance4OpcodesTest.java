package dev.tideway.websocket.protocol;

import static dev.tideway.websocket.protocol.EngineHarness.close;
import static dev.tideway.websocket.protocol.EngineHarness.text;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tideway.websocket.protocol.EngineHarness.Delivery;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Autobahn TestSuite section 4, opcodes: a frame with a reserved non-control (3-7) or control (0xB-0xF)
 * opcode fails the connection with 1002 on its first byte; a valid message before it is echoed first, and a
 * ping after it is not answered.
 */
@DisplayName("Autobahn 4 - reserved opcodes")
class Conformance4OpcodesTest {
    private static final String HELLO = "Hello, world!";
    private static final String RESERVED_PAYLOAD = "reserved opcode payload";

    /** One case: the reserved opcode, its payload, whether text precedes it and a ping follows, how it arrives. */
    private record Case(String number, int opcode, String payload, boolean framed, Delivery delivery) {
        @Override
        public String toString() {
            String kind = OpCode.isControl(opcode) ? "control" : "non-control";
            String frame = "reserved " + kind + " opcode " + opcode + (payload.isEmpty() ? "" : " with payload");
            String how = delivery == Delivery.BYTE_PER_READ ? ", octet-wise" : "";
            return number + " " + (framed ? "text, " + frame + ", ping" + how + " -> echo, 1002, no pong"
                    : frame + " -> 1002");
        }
    }

    static Stream<Arguments> cases() {
        List<Case> cases = List.of(
                new Case("4.1.1", 3, "", false, Delivery.ONE_READ),
                new Case("4.1.2", 4, RESERVED_PAYLOAD, false, Delivery.ONE_READ),
                new Case("4.1.3", 5, "", true, Delivery.ONE_READ),
                new Case("4.1.4", 6, HELLO, true, Delivery.ONE_READ),
                new Case("4.1.5", 7, HELLO, true, Delivery.BYTE_PER_READ),
                new Case("4.2.1", 0xB, "", false, Delivery.ONE_READ),
                new Case("4.2.2", 0xC, RESERVED_PAYLOAD, false, Delivery.ONE_READ),
                new Case("4.2.3", 0xD, "", true, Delivery.ONE_READ),
                new Case("4.2.4", 0xE, HELLO, true, Delivery.ONE_READ),
                new Case("4.2.5", 0xF, HELLO, true, Delivery.BYTE_PER_READ));
        return EngineHarness.inBothRoles(cases);
    }

    @ParameterizedTest(name = "{0} ({1})")
    @MethodSource("cases")
    void reservedOpcodesFailTheConnection(Case c, Role role) {
        EngineHarness h = EngineHarness.echo(role);
        TestFrames session = h.peer();
        if (c.framed()) {
            session.text(HELLO);
        }
        int badFrame = c.framed() ? 1 : 0;
        session.frame(true, c.opcode(), c.payload());
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
