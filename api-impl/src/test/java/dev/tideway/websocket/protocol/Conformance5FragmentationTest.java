package dev.tideway.websocket.protocol;

import static dev.tideway.websocket.protocol.EngineHarness.close;
import static dev.tideway.websocket.protocol.EngineHarness.pong;
import static dev.tideway.websocket.protocol.EngineHarness.text;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tideway.websocket.protocol.EngineHarness.Delivery;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Autobahn TestSuite section 5, fragmentation: fragmented messages (with pings between their fragments)
 * are echoed whole, whatever the reads look like; fragmented control frames, continuations without a
 * message, and new messages inside a fragmented one fail the connection with 1002, after echoing what came
 * before, and no later than the end of the offending frame.
 */
@DisplayName("Autobahn 5 - fragmentation")
class Conformance5FragmentationTest {
    private static final int TEXT = OpCode.TEXT;
    private static final int CONT = OpCode.CONTINUATION;

    /** A case number and how its bytes are cut into reads. */
    private record Chopped(String name, Delivery delivery) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Arguments> fragmentedControlFrames() {
        return EngineHarness.inBothRoles(List.of(
                new Chopped("5.1 ping fragmented into 2 fragments -> 1002", Delivery.ONE_READ),
                new Chopped("5.1 ping fragmented into 2 fragments, octet-wise -> 1002 on its first byte",
                        Delivery.BYTE_PER_READ)));
    }

    @ParameterizedTest(name = "{0} ({1})")
    @MethodSource("fragmentedControlFrames")
    void fragmentedPingFails(Chopped c, Role role) {
        EngineHarness h = EngineHarness.echo(role);
        TestFrames session = h.peer().frame(false, OpCode.PING, "fragment1").frame(true, CONT, "fragment2");

        h.feedFailingAt(session, c.delivery(), 0);

        h.assertSent(close(CloseCodes.PROTOCOL_ERROR));
        h.assertFailed(CloseCodes.PROTOCOL_ERROR);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Role.class)
    @DisplayName("5.2 pong fragmented into 2 fragments -> 1002")
    void fragmentedPongFails(Role role) {
        EngineHarness h = EngineHarness.echo(role);

        h.feed(h.peer().frame(false, OpCode.PONG, "fragment1").frame(true, CONT, "fragment2"));

        h.assertSent(close(CloseCodes.PROTOCOL_ERROR));
        h.assertFailed(CloseCodes.PROTOCOL_ERROR);
        assertEquals(List.of(), h.listener().pongs);
    }

    static Stream<Arguments> twoFragments() {
        return EngineHarness.inBothRoles(List.of(
                new Chopped("5.3 text in 2 fragments is echoed whole", Delivery.ONE_READ),
                new Chopped("5.4 text in 2 fragments, frame-wise, is echoed whole", Delivery.FRAME_PER_READ),
                new Chopped("5.5 text in 2 fragments, octet-wise, is echoed whole", Delivery.BYTE_PER_READ)));
    }

    @ParameterizedTest(name = "{0} ({1})")
    @MethodSource("twoFragments")
    void textInTwoFragments(Chopped c, Role role) {
        EngineHarness h = EngineHarness.echo(role);

        h.feed(h.peer().frame(false, TEXT, "fragment1").frame(true, CONT, "fragment2"), c.delivery());

        h.assertSent(text("fragment1fragment2"));
        h.closeByPeer();
    }

    static Stream<Arguments> pingBetweenFragments() {
        return EngineHarness.inBothRoles(List.of(
                new Chopped("5.6 text in 2 fragments, ping between -> pong, then the echo", Delivery.ONE_READ),
                new Chopped("5.7 text in 2 fragments, ping between, frame-wise -> pong, then the echo",
                        Delivery.FRAME_PER_READ),
                new Chopped("5.8 text in 2 fragments, ping between, octet-wise -> pong, then the echo",
                        Delivery.BYTE_PER_READ)));
    }

    @ParameterizedTest(name = "{0} ({1})")
    @MethodSource("pingBetweenFragments")
    void pingBetweenTwoFragments(Chopped c, Role role) {
        EngineHarness h = EngineHarness.echo(role);

        h.feed(h.peer().frame(false, TEXT, "fragment1").frame(true, OpCode.PING, "ping payload")
                .frame(true, CONT, "fragment2"), c.delivery());

        h.assertSent(pong("ping payload"), text("fragment1fragment2"));
        h.closeByPeer();
    }

    static Stream<Arguments> continuationWithoutMessage() {
        return EngineHarness.inBothRoles(List.of(
                new Chopped("5.9 final continuation with nothing to continue, then text -> 1002",
                        Delivery.ONE_READ),
                new Chopped("5.10 final continuation with nothing to continue, then text, frame-wise -> 1002",
                        Delivery.FRAME_PER_READ),
                new Chopped("5.11 final continuation with nothing to continue, then text, octet-wise -> 1002",
                        Delivery.BYTE_PER_READ)));
    }

    @ParameterizedTest(name = "{0} ({1})")
    @MethodSource("continuationWithoutMessage")
    void finalContinuationWithoutMessageFails(Chopped c, Role role) {
        assertContinuationWithoutMessageFails(c, role, true);
    }

    static Stream<Arguments> nonFinalContinuationWithoutMessage() {
        return EngineHarness.inBothRoles(List.of(
                new Chopped("5.12 non-final continuation with nothing to continue, then text -> 1002",
                        Delivery.ONE_READ),
                new Chopped("5.13 non-final continuation with nothing to continue, then text, frame-wise -> 1002",
                        Delivery.FRAME_PER_READ),
                new Chopped("5.14 non-final continuation with nothing to continue, then text, octet-wise -> 1002",
                        Delivery.BYTE_PER_READ)));
    }

    @ParameterizedTest(name = "{0} ({1})")
    @MethodSource("nonFinalContinuationWithoutMessage")
    void nonFinalContinuationWithoutMessageFails(Chopped c, Role role) {
        assertContinuationWithoutMessageFails(c, role, false);
    }

    private static void assertContinuationWithoutMessageFails(Chopped c, Role role, boolean fin) {
        EngineHarness h = EngineHarness.echo(role);
        TestFrames session = h.peer().frame(fin, CONT, "non-continuation payload").text("Hello, world!");

        h.feedFailingWithin(session, c.delivery(), session.frameStart(0), session.frameLast(0));

        h.assertSent(close(CloseCodes.PROTOCOL_ERROR));
        h.assertFailed(CloseCodes.PROTOCOL_ERROR);
        assertEquals(List.of(), h.listener().messages, "nothing is delivered");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Role.class)
    @DisplayName("5.15 text in 2 fragments, then a continuation with nothing to continue -> echo, then 1002")
    void continuationAfterCompleteMessageFails(Role role) {
        EngineHarness h = EngineHarness.echo(role);

        h.feed(h.peer().frame(false, TEXT, "fragment1").frame(true, CONT, "fragment2")
                .frame(false, CONT, "fragment3").frame(true, TEXT, "fragment4"));

        h.assertSent(text("fragment1fragment2"), close(CloseCodes.PROTOCOL_ERROR));
        h.assertFailed(CloseCodes.PROTOCOL_ERROR);
    }

    /** A case number and the FIN bit of its stray continuation frame. */
    private record Stray(String name, boolean fin) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Arguments> repeatedStrayContinuation() {
        return EngineHarness.inBothRoles(List.of(
                new Stray("5.16 twice: non-final continuation with nothing to continue, then text in 2 "
                        + "fragments -> 1002", false),
                new Stray("5.17 twice: final continuation with nothing to continue, then text in 2 "
                        + "fragments -> 1002", true)));
    }

    @ParameterizedTest(name = "{0} ({1})")
    @MethodSource("repeatedStrayContinuation")
    void strayContinuationBeforeMessagesFails(Stray c, Role role) {
        EngineHarness h = EngineHarness.echo(role);
        TestFrames session = h.peer();
        for (int i = 0; i < 2; i++) {
            session.frame(c.fin(), CONT, "fragment1").frame(false, TEXT, "fragment2").frame(true, CONT, "fragment3");
        }

        h.feed(session);

        h.assertSent(close(CloseCodes.PROTOCOL_ERROR));
        h.assertFailed(CloseCodes.PROTOCOL_ERROR);
        assertEquals(List.of(), h.listener().messages, "nothing is delivered");
    }

    static Stream<Arguments> newMessageInsideMessage() {
        return EngineHarness.inBothRoles(List.of(
                new Chopped("5.18 text in 2 fragments, both with opcode text -> 1002", Delivery.ONE_READ),
                new Chopped("5.18 text in 2 fragments, both with opcode text, octet-wise -> 1002 within the "
                        + "second frame", Delivery.BYTE_PER_READ)));
    }

    @ParameterizedTest(name = "{0} ({1})")
    @MethodSource("newMessageInsideMessage")
    void newMessageWhileFragmentedFails(Chopped c, Role role) {
        EngineHarness h = EngineHarness.echo(role);
        TestFrames session = h.peer().frame(false, TEXT, "fragment1").frame(true, TEXT, "fragment2");

        h.feedFailingWithin(session, c.delivery(), session.frameStart(1), session.frameLast(1));

        h.assertSent(close(CloseCodes.PROTOCOL_ERROR));
        h.assertFailed(CloseCodes.PROTOCOL_ERROR);
        assertEquals(List.of(), h.listener().messages, "nothing is delivered");
    }

    static Stream<Arguments> fiveFragmentsWithPings() {
        return EngineHarness.inBothRoles(List.of(
                new Chopped("5.19 text in 5 fragments, 2 pings between, sent in two bursts -> pongs at once, "
                        + "echo at the end", Delivery.ONE_READ),
                new Chopped("5.20 as 5.19, frame-wise", Delivery.FRAME_PER_READ)));
    }

    @ParameterizedTest(name = "{0} ({1})")
    @MethodSource("fiveFragmentsWithPings")
    void pingsBetweenFiveFragments(Chopped c, Role role) {
        EngineHarness h = EngineHarness.echo(role);

        h.feed(h.peer().frame(false, TEXT, "fragment1").frame(false, CONT, "fragment2")
                .frame(true, OpCode.PING, "pongme 1!"), c.delivery());

        h.assertSent(pong("pongme 1!"));
        h.assertOpen();

        h.feed(h.peer().frame(false, CONT, "fragment3").frame(false, CONT, "fragment4")
                .frame(true, OpCode.PING, "pongme 2!").frame(true, CONT, "fragment5"), c.delivery());

        h.assertSent(pong("pongme 1!"), pong("pongme 2!"), text("fragment1fragment2fragment3fragment4fragment5"));
        h.closeByPeer();
    }
}
