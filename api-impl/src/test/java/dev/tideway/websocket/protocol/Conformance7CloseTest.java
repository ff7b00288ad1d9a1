package dev.tideway.websocket.protocol;

import static dev.tideway.websocket.protocol.EngineHarness.close;
import static dev.tideway.websocket.protocol.EngineHarness.text;
import static dev.tideway.websocket.protocol.TestFrames.hex;
import static dev.tideway.websocket.protocol.TestFrames.repeated;
import static dev.tideway.websocket.protocol.TestFrames.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Autobahn TestSuite section 7, the closing handshake: the peer's close is answered with the same code and
 * nothing is read or sent after it; close payloads are checked (length, code, UTF-8 reason); and, beyond
 * what a fuzzer can observe, the timers: the close timeout when the peer never answers our close, and a
 * client waiting for the server to close the TCP connection first.
 */
@DisplayName("Autobahn 7 - closing handshake")
class Conformance7CloseTest {
    private static final int NORMAL = CloseCodes.NORMAL_CLOSURE;
    private static final String HELLO = "Hello World!";

    // ---------------------------------------------------------------- 7.1 basic close behaviour

    @ParameterizedTest(name = "{0}")
    @EnumSource(Role.class)
    @DisplayName("7.1.1 text message, then close -> echo, then the close is answered")
    void messageThenClose(Role role) {
        EngineHarness h = EngineHarness.echo(role);

        h.feed(h.peer().text(HELLO).close(NORMAL, ""));

        h.assertSent(text(HELLO), close(NORMAL));
        h.assertPeerCloseAnswered(NORMAL);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Role.class)
    @DisplayName("7.1.2 two close frames -> one answer, the second close ignored")
    void twoCloseFrames(Role role) {
        EngineHarness h = EngineHarness.echo(role);

        h.feed(h.peer().close(NORMAL, "").frame(true, 0, OpCode.CLOSE, new byte[0]));

        h.assertSent(close(NORMAL));
        h.assertPeerCloseAnswered(NORMAL);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Role.class)
    @DisplayName("7.1.3 ping after close -> no pong")
    void pingAfterClose(Role role) {
        EngineHarness h = EngineHarness.echo(role);

        h.feed(h.peer().close(NORMAL, "").ping(utf8(HELLO)));

        h.assertSent(close(NORMAL));
        h.assertPeerCloseAnswered(NORMAL);
        assertEquals(List.of(), h.listener().pings, "nothing after a close frame is read");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Role.class)
    @DisplayName("7.1.4 text message after close -> not echoed")
    void textAfterClose(Role role) {
        EngineHarness h = EngineHarness.echo(role);

        h.feed(h.peer().close(NORMAL, "").text(HELLO));

        h.assertSent(close(NORMAL));
        h.assertPeerCloseAnswered(NORMAL);
        assertEquals(List.of(), h.listener().messages, "nothing after a close frame is read");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Role.class)
    @DisplayName("7.1.5 first fragment, close, last fragment -> the close is answered, no message")
    void closeBetweenFragments(Role role) {
        EngineHarness h = EngineHarness.echo(role);

        h.feed(h.peer().frame(false, OpCode.TEXT, "fragment1").close(NORMAL, "")
                .frame(true, OpCode.CONTINUATION, "fragment2"));

        h.assertSent(close(NORMAL));
        h.assertPeerCloseAnswered(NORMAL);
        assertEquals(List.of(), h.listener().messages);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Role.class)
    @DisplayName("7.1.6 256 KiB message, text message, close, ping -> both echoed before the close, no pong")
    void largeMessageThenCloseThenPing(Role role) {
        EngineHarness h = EngineHarness.echo(role);
        byte[] large = repeated("BAsd7&jh23", 256 * 1024);

        h.feed(h.peer().frame(true, 0, OpCode.TEXT, large).text(HELLO).close(NORMAL, "").ping(new byte[0]));

        h.assertSent(text(large), text(HELLO), close(NORMAL));
        h.assertPeerCloseAnswered(NORMAL);
        assertEquals(List.of(), h.listener().pings);
    }

    // ---------------------------------------------------------------- 7.3 close payloads

    @ParameterizedTest(name = "{0}")
    @EnumSource(Role.class)
    @DisplayName("7.3.1 close without payload -> answered without payload, outcome 1005")
    void closeWithoutPayload(Role role) {
        EngineHarness h = EngineHarness.echo(role);

        h.feed(h.peer().frame(true, 0, OpCode.CLOSE, new byte[0]));

        h.assertSent(close(CloseCodes.NO_STATUS_RECEIVED));
        assertEquals(0, h.lastSent().payload().length, "an empty close is answered with an empty close");
        h.assertPeerCloseAnswered(CloseCodes.NO_STATUS_RECEIVED);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Role.class)
    @DisplayName("7.3.2 close with a 1-byte payload -> 1002")
    void closeWithOneBytePayload(Role role) {
        EngineHarness h = EngineHarness.echo(role);

        h.feed(h.peer().frame(true, 0, OpCode.CLOSE, utf8("a")));

        h.assertSent(close(CloseCodes.PROTOCOL_ERROR));
        h.assertFailed(CloseCodes.PROTOCOL_ERROR);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Role.class)
    @DisplayName("7.3.3 close with a code and no reason -> answered with that code")
    void closeWithCode(Role role) {
        EngineHarness h = EngineHarness.echo(role);

        h.feed(h.peer().close(NORMAL, ""));

        h.assertSent(close(NORMAL));
        assertEquals(2, h.lastSent().payload().length);
        h.assertPeerCloseAnswered(NORMAL);
    }

    static Stream<Arguments> closeReasons() {
        return EngineHarness.inBothRoles(List.of(
                new Reason("7.3.4 close with code and reason -> answered, the reason reported", HELLO),
                new Reason("7.3.5 close with code and a 123-byte reason (the most that fits) -> answered",
                        "*".repeat(123)),
                new Reason("7.3.5 (multi-byte) close with code and a 123-byte reason of 2- and 3-byte characters",
                        "µ€".repeat(24) + "€")));
    }

    /** A valid close reason. */
    private record Reason(String name, String reason) {
        @Override
        public String toString() {
            return name;
        }
    }

    @ParameterizedTest(name = "{0} ({1})")
    @MethodSource("closeReasons")
    void closeWithReason(Reason c, Role role) {
        EngineHarness h = EngineHarness.echo(role);
        assertTrue(utf8(c.reason()).length <= CloseStatus.MAX_REASON_BYTES, "a reason that fits");

        h.feed(h.peer().close(NORMAL, c.reason()));

        h.assertSent(close(NORMAL));
        assertEquals(c.reason(), h.lastSent().closeReason(), "the answer repeats the reason");
        assertEquals(new CloseStatus(NORMAL, c.reason()), h.listener().closed, "the peer's status is reported");
        h.assertPeerCloseAnswered(NORMAL);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Role.class)
    @DisplayName("7.3.6 close with a 124-byte reason (126-byte payload) -> 1002")
    void closeWithReasonTooLong(Role role) {
        EngineHarness h = EngineHarness.echo(role);

        h.feed(h.peer().close(NORMAL, "*".repeat(124)));

        h.assertSent(close(CloseCodes.PROTOCOL_ERROR));
        h.assertFailed(CloseCodes.PROTOCOL_ERROR);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Role.class)
    @DisplayName("7.5.1 close with a reason that is not valid UTF-8 -> 1007")
    void closeWithInvalidUtf8Reason(Role role) {
        EngineHarness h = EngineHarness.echo(role);

        h.feed(h.peer().close(NORMAL, hex("CE BA E1 BD B9 CF 83 CE BC CE B5 ED A0 80 65 64 69 74 65 64")));

        h.assertSent(close(CloseCodes.INVALID_PAYLOAD_DATA));
        h.assertFailed(CloseCodes.INVALID_PAYLOAD_DATA);
    }

    // ---------------------------------------------------------------- 7.7, 7.9, 7.13 close codes

    /** A close code and its Autobahn case number. */
    private record Code(String number, int code) {
        @Override
        public String toString() {
            return number + " close code " + code;
        }
    }

    static Stream<Arguments> validCodes() {
        int[] autobahn = {1000, 1001, 1002, 1003, 1007, 1008, 1009, 1010, 1011, 3000, 3999, 4000, 4999};
        List<Code> codes = new ArrayList<>();
        for (int i = 0; i < autobahn.length; i++) {
            codes.add(new Code("7.7." + (i + 1), autobahn[i]));
        }
        // registered with IANA after RFC 6455 (Autobahn moved them out of 7.9); valid on the wire
        for (int code : new int[] {1012, 1013, 1014}) {
            codes.add(new Code("7.7 (IANA)", code));
        }
        return EngineHarness.inBothRoles(codes);
    }

    @ParameterizedTest(name = "{0} is answered with the same code ({1})")
    @MethodSource("validCodes")
    void validCodeIsEchoed(Code c, Role role) {
        EngineHarness h = EngineHarness.echo(role);

        h.feed(h.peer().close(c.code(), ""));

        h.assertSent(close(c.code()));
        h.assertPeerCloseAnswered(c.code());
    }

    static Stream<Arguments> invalidCodes() {
        int[] autobahn = {0, 999, 1004, 1005, 1006, 1016, 1100, 2000, 2999};
        List<Code> codes = new ArrayList<>();
        for (int i = 0; i < autobahn.length; i++) {
            codes.add(new Code("7.9." + (i + 1), autobahn[i]));
        }
        codes.add(new Code("7.9 (earlier Autobahn list, reserved for TLS)", 1015));
        // informational in Autobahn (the spec does not say what to do); outside every range, so a protocol error
        codes.add(new Code("7.13.1", 5000));
        codes.add(new Code("7.13.2", 65535));
        return EngineHarness.inBothRoles(codes);
    }

    @ParameterizedTest(name = "{0} -> 1002 ({1})")
    @MethodSource("invalidCodes")
    void invalidCodeFails(Code c, Role role) {
        EngineHarness h = EngineHarness.echo(role);

        h.feed(h.peer().close(c.code(), ""));

        h.assertSent(close(CloseCodes.PROTOCOL_ERROR));
        h.assertFailed(CloseCodes.PROTOCOL_ERROR);
    }

    // ---------------------------------------------------------------- closes the engine starts, and timers

    @ParameterizedTest(name = "{0}")
    @EnumSource(Role.class)
    @DisplayName("7.x our close answered by the peer -> the server closes TCP at once, the client waits for it")
    void ourCloseAnswered(Role role) {
        EngineHarness h = EngineHarness.echo(role);

        h.connection().close(new CloseStatus(CloseCodes.GOING_AWAY, "bye"));
        h.assertSent(close(CloseCodes.GOING_AWAY));
        assertFalse(h.transport().closed(), "the peer's answer is awaited");
        assertEquals(1, h.scheduler().pending(), "the close timeout runs");

        h.feed(h.peer().close(CloseCodes.GOING_AWAY, ""));

        h.assertSent(close(CloseCodes.GOING_AWAY)); // nothing more is sent
        assertEquals(CloseCodes.GOING_AWAY, h.listener().closed.code());
        if (role == Role.CLIENT) {
            assertFalse(h.transport().closed(), "the client leaves the server to close TCP first");
            h.peerClosesTcp();
        }
        h.assertTcpClosedAfterEverything();
        assertEquals(0, h.scheduler().pending());
        assertEquals(1, h.listener().closedCalls);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Role.class)
    @DisplayName("7.x our close never answered -> the close timeout closes TCP, outcome 1006")
    void closeTimeout(Role role) {
        ProtocolSettings settings = ProtocolSettings.builder().closeTimeout(Duration.ofMillis(1234)).build();
        EngineHarness h = EngineHarness.builder(role).settings(settings).build();

        h.connection().close(CloseStatus.NORMAL);

        h.assertSent(close(NORMAL));
        assertEquals(1234, h.scheduler().pendingDelayMillis());
        assertFalse(h.transport().closed());

        h.scheduler().fireAll();

        h.assertTcpClosedAfterEverything();
        assertEquals(CloseCodes.ABNORMAL_CLOSURE, h.listener().closed.code());
        assertEquals(1, h.listener().closedCalls);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Role.class)
    @DisplayName("7.x messages arriving after our close are read but not delivered, then the close completes")
    void messagesAfterOurCloseAreNotDelivered(Role role) {
        EngineHarness h = EngineHarness.echo(role);
        h.connection().close(CloseStatus.NORMAL);

        h.feed(h.peer().text(HELLO).ping(utf8("late ping")).close(NORMAL, ""));

        h.assertSent(close(NORMAL)); // no echo and no pong after our close frame
        assertEquals(List.of(), h.listener().messages);
        if (role == Role.CLIENT) {
            h.peerClosesTcp();
        }
        h.assertTcpClosedAfterEverything();
        assertEquals(NORMAL, h.listener().closed.code());
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Role.class)
    @DisplayName("7.x invalid text after our close still fails the connection (1007), without a second close")
    void invalidDataAfterOurClose(Role role) {
        EngineHarness h = EngineHarness.echo(role);
        h.connection().close(CloseStatus.NORMAL);

        h.feed(h.peer().frame(true, 0, OpCode.TEXT, hex("C0 AF")));

        h.assertSent(close(NORMAL));
        h.assertTcpClosedAfterEverything();
        assertEquals(0, h.scheduler().pending());
        assertEquals(CloseCodes.INVALID_PAYLOAD_DATA, h.listener().closed.code());
        assertEquals(1, h.listener().closedCalls);
        assertEquals(1, h.listener().errors.size());
    }

    @Test
    @DisplayName("7.x server closes TCP after the handshake while the client waits for it")
    void serverClosesTcpWhileClientWaits() {
        EngineHarness h = EngineHarness.echo(Role.CLIENT);

        h.feed(h.peer().close(NORMAL, ""));
        h.assertSent(close(NORMAL));
        assertFalse(h.transport().closed());
        assertEquals(1, h.scheduler().pending(), "the client waits for the server, with a timeout");

        h.peerClosesTcp();

        h.assertTcpClosedAfterEverything();
        assertEquals(0, h.scheduler().pending(), "the timeout is called off");
        assertEquals(NORMAL, h.listener().closed.code());
        assertEquals(1, h.listener().closedCalls);
        assertEquals(List.of(), h.listener().errors);
    }

    @Test
    @DisplayName("7.x server never closes TCP after the handshake -> the client closes it at the timeout")
    void clientClosesTcpWhenServerDoesNot() {
        EngineHarness h = EngineHarness.echo(Role.CLIENT);
        h.feed(h.peer().close(NORMAL, ""));

        h.scheduler().fireAll();

        h.assertTcpClosedAfterEverything();
        assertEquals(NORMAL, h.listener().closed.code(), "the handshake had completed");
        assertEquals(1, h.listener().closedCalls);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Role.class)
    @DisplayName("7.x peer drops TCP without a close frame -> nothing sent, outcome 1006")
    void peerDropsTcp(Role role) {
        EngineHarness h = EngineHarness.echo(role);
        h.feed(h.peer().text(HELLO));

        h.peerClosesTcp();

        h.assertSent(text(HELLO));
        h.assertTcpClosedAfterEverything();
        assertEquals(CloseCodes.ABNORMAL_CLOSURE, h.listener().closed.code());
        assertEquals(1, h.listener().closedCalls);
    }
}
