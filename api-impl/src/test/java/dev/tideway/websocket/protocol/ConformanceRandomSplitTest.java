package dev.tideway.websocket.protocol;

import static dev.tideway.websocket.protocol.TestFrames.hex;
import static dev.tideway.websocket.protocol.TestFrames.repeated;
import static dev.tideway.websocket.protocol.TestFrames.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The same session bytes, cut into reads at random points (fixed seeds), one byte per read, or in one
 * read, give the same echoes, the same close frame and the same outcome: where TCP happens to split the
 * stream must not matter. The sessions mix what sections 1 to 7 test one at a time.
 */
@DisplayName("Random splits - the same session, however it is cut into reads")
class ConformanceRandomSplitTest {
    private static final int SEEDS = 30;
    private static final int MAX_SPLITS = 60;
    private static final String MIXED = "Hello-µ@ßöäüàá-UTF-8!!";

    /** A named session of peer frames, how many messages and control frames it draws, and how it ends. */
    private record Session(String name, Function<TestFrames, TestFrames> frames, int answers, int closeCode,
                           boolean clean) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Arguments> sessions() {
        return EngineHarness.inBothRoles(List.of(
                new Session("clean session: text, binary, fragments split inside code points with a ping between,"
                        + " pong, 16- and 64-bit lengths, empty text, close", ConformanceRandomSplitTest::clean, 9,
                        CloseCodes.NORMAL_CLOSURE, true),
                new Session("messages, then invalid UTF-8 in the third fragment of a message -> 1007",
                        ConformanceRandomSplitTest::invalidUtf8, 3, CloseCodes.INVALID_PAYLOAD_DATA, false),
                new Session("messages and pings, then a reserved opcode -> 1002",
                        ConformanceRandomSplitTest::reservedOpcode, 4, CloseCodes.PROTOCOL_ERROR, false)));
    }

    @ParameterizedTest(name = "{0} ({1})")
    @MethodSource("sessions")
    void splitsDoNotChangeTheOutcome(Session session, Role role) {
        EngineHarness whole = EngineHarness.echo(role);
        byte[] wire = session.frames().apply(whole.peer()).bytes();
        whole.feed(wire);
        List<String> expected = whole.described();
        assertEquals(session.answers(), expected.size(), () -> "answers in one read: " + expected);
        assertOutcome(whole, session);

        EngineHarness bytewise = EngineHarness.echo(role);
        bytewise.feedBytewise(wire);
        assertEquals(expected, bytewise.described(), "one byte per read");
        assertOutcome(bytewise, session);

        for (int seed = 1; seed <= SEEDS; seed++) {
            EngineHarness split = EngineHarness.echo(role);
            int[] splits = EngineHarness.randomSplits(wire.length, new Random(seed), MAX_SPLITS);
            split.feedSplitAt(wire, splits);
            assertEquals(expected, split.described(), "seed " + seed);
            assertOutcome(split, session);
        }
    }

    private static void assertOutcome(EngineHarness h, Session session) {
        if (session.clean()) {
            h.assertPeerCloseAnswered(session.closeCode());
        } else {
            h.assertFailed(session.closeCode());
        }
    }

    private static TestFrames clean(TestFrames peer) {
        byte[] mixed = utf8(MIXED);
        return peer.text("Hello, world!")
                .binary(hex("00 FF FE FD FC FB 00 FF"))
                .frame(false, 0, OpCode.TEXT, Arrays.copyOfRange(mixed, 0, 7)) // ends inside 'µ'
                .ping(utf8("ping between fragments"))
                .frame(false, 0, OpCode.CONTINUATION, Arrays.copyOfRange(mixed, 7, 12))
                .frame(true, 0, OpCode.CONTINUATION, Arrays.copyOfRange(mixed, 12, mixed.length))
                .pong(utf8("unsolicited"))
                .binary(repeated(hex("00 FE 23 FA F0"), 70_000))
                .text("x".repeat(200))
                .text("")
                .fragmented(OpCode.TEXT, utf8("κόσμε κόσμε"), 1)
                .close(CloseCodes.NORMAL_CLOSURE, "bye");
    }

    private static TestFrames invalidUtf8(TestFrames peer) {
        return peer.text(MIXED)
                .ping(utf8("p"))
                .frame(false, 0, OpCode.TEXT, utf8("valid "))
                .frame(false, 0, OpCode.CONTINUATION, hex("CE BA E1 BD"))
                .frame(false, 0, OpCode.CONTINUATION, hex("B9 ED A0 80 65"))
                .frame(true, 0, OpCode.CONTINUATION, utf8("rest"))
                .text("never read");
    }

    private static TestFrames reservedOpcode(TestFrames peer) {
        return peer.text("one")
                .ping(utf8("two"))
                .binary(repeated(hex("FE"), 300))
                .frame(true, 0, 0xB, utf8("reserved"))
                .text("never read");
    }
}
