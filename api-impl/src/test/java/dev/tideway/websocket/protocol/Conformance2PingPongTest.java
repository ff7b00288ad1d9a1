package dev.tideway.websocket.protocol;

import static dev.tideway.websocket.protocol.EngineHarness.pong;
import static dev.tideway.websocket.protocol.TestFrames.utf8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Autobahn TestSuite section 2, pings and pongs: every ping is answered by a pong with the same payload (up
 * to the 125 bytes a control frame may carry), unsolicited pongs are not answered, and a 126-byte ping
 * fails the connection with 1002.
 */
@DisplayName("Autobahn 2 - pings and pongs")
class Conformance2PingPongTest {
    private static final byte[] BINARY_PAYLOAD = {0x00, (byte) 0xFF, (byte) 0xFE, (byte) 0xFD, (byte) 0xFC,
        (byte) 0xFB, 0x00, (byte) 0xFF};

    private static byte[] fe(int length) {
        byte[] payload = new byte[length];
        Arrays.fill(payload, (byte) 0xFE);
        return payload;
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Role.class)
    @DisplayName("2.1 ping without payload -> empty pong")
    void pingWithoutPayload(Role role) {
        EngineHarness h = EngineHarness.echo(role);

        h.feed(h.peer().ping(new byte[0]));

        h.assertSent(pong(new byte[0]));
        assertEquals(1, h.listener().pings.size(), "the listener is told of the ping");
        h.closeByPeer();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Role.class)
    @DisplayName("2.2 ping with a small text payload -> pong with that payload")
    void pingWithTextPayload(Role role) {
        EngineHarness h = EngineHarness.echo(role);

        h.feed(h.peer().ping(utf8("Hello, world!")));

        h.assertSent(pong("Hello, world!"));
        h.closeByPeer();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Role.class)
    @DisplayName("2.3 ping with a small binary (non UTF-8) payload -> pong with that payload")
    void pingWithBinaryPayload(Role role) {
        EngineHarness h = EngineHarness.echo(role);

        h.feed(h.peer().ping(BINARY_PAYLOAD));

        h.assertSent(pong(BINARY_PAYLOAD));
        assertArrayEquals(BINARY_PAYLOAD, h.listener().pings.get(0));
        h.closeByPeer();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Role.class)
    @DisplayName("2.4 ping with a 125-byte binary payload -> pong with that payload")
    void pingWithLargestPayload(Role role) {
        EngineHarness h = EngineHarness.echo(role);

        h.feed(h.peer().ping(fe(125)));

        h.assertSent(pong(fe(125)));
        h.closeByPeer();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Role.class)
    @DisplayName("2.5 ping with a 126-byte payload -> 1002, no pong")
    void pingOverControlLimitFails(Role role) {
        EngineHarness h = EngineHarness.echo(role);

        h.feed(h.peer().ping(fe(126)));

        h.assertSent(EngineHarness.close(CloseCodes.PROTOCOL_ERROR));
        h.assertFailed(CloseCodes.PROTOCOL_ERROR);
        assertEquals(List.of(), h.listener().pings, "the listener is not told of the ping");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Role.class)
    @DisplayName("2.6 ping with a 125-byte payload delivered one byte per read -> pong with that payload")
    void pingDeliveredBytewise(Role role) {
        EngineHarness h = EngineHarness.echo(role);
        byte[] ping = h.peer().ping(fe(125)).bytes();

        for (int i = 0; i < ping.length - 1; i++) {
            h.feed(new byte[] {ping[i]});
            h.assertOpen();
            assertEquals(List.of(), h.sent(), "nothing is answered before the ping is whole");
        }
        h.feed(new byte[] {ping[ping.length - 1]});

        h.assertSent(pong(fe(125)));
        h.closeByPeer();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Role.class)
    @DisplayName("2.7 unsolicited pong without payload -> nothing, then a clean close")
    void unsolicitedEmptyPong(Role role) {
        EngineHarness h = EngineHarness.echo(role);

        h.feed(h.peer().pong(new byte[0]));

        h.assertSent();
        assertEquals(1, h.listener().pongs.size(), "the listener is told of the pong");
        h.closeByPeer();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Role.class)
    @DisplayName("2.8 unsolicited pong with payload -> nothing, then a clean close")
    void unsolicitedPongWithPayload(Role role) {
        EngineHarness h = EngineHarness.echo(role);

        h.feed(h.peer().pong(utf8("unsolicited pong payload")));

        h.assertSent();
        assertArrayEquals(utf8("unsolicited pong payload"), h.listener().pongs.get(0));
        h.closeByPeer();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Role.class)
    @DisplayName("2.9 unsolicited pong, then a ping -> only the ping is answered")
    void unsolicitedPongThenPing(Role role) {
        EngineHarness h = EngineHarness.echo(role);

        h.feed(h.peer().pong(utf8("unsolicited pong payload")).ping(utf8("ping payload")));

        h.assertSent(pong("ping payload"));
        h.closeByPeer();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Role.class)
    @DisplayName("2.10 ten pings in one read -> ten pongs, in order")
    void tenPings(Role role) {
        EngineHarness h = EngineHarness.echo(role);

        h.feed(tenPings(h.peer()));

        h.assertSent(tenPongs());
        h.closeByPeer();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Role.class)
    @DisplayName("2.11 ten pings delivered one byte per read -> ten pongs, in order")
    void tenPingsBytewise(Role role) {
        EngineHarness h = EngineHarness.echo(role);

        h.feedBytewise(tenPings(h.peer()));

        h.assertSent(tenPongs());
        h.closeByPeer();
    }

    private static TestFrames tenPings(TestFrames peer) {
        for (int i = 0; i < 10; i++) {
            peer.ping(utf8("payload-" + i));
        }
        return peer;
    }

    private static String[] tenPongs() {
        List<String> pongs = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            pongs.add(pong("payload-" + i));
        }
        return pongs.toArray(new String[0]);
    }
}
