package dev.tideway.websocket.protocol;

import static dev.tideway.websocket.protocol.EngineHarness.close;
import static dev.tideway.websocket.protocol.TestFrames.repeated;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tideway.websocket.protocol.EngineHarness.Delivery;
import dev.tideway.websocket.protocol.EngineHarness.Sent;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Autobahn TestSuite section 9, limits and performance: large messages up to the default 16 MiB limit, in
 * one frame, in frames of 64 bytes to 4 MiB, in reads of 64 to 2048 bytes, and 1000 small messages in a
 * row, each echoed exactly; and what Autobahn cannot test from outside: a message or frame over the
 * configured limit fails the connection with 1009, as soon as the excess is known.
 *
 * <p>To keep the suite fast, every size runs in both roles except the 8 and 16 MiB messages, which run once
 * per kind (text as server, binary as client); the fragment-size and read-size rows alternate roles.
 */
@DisplayName("Autobahn 9 - limits and performance")
class Conformance9LimitsTest {
    private static final int KIB = 1024;
    private static final int MIB = 1024 * KIB;
    private static final byte[] TEXT_UNIT = TestFrames.utf8("BAsd7&jh23");
    private static final byte[] BINARY_UNIT = TestFrames.hex("00 FE 23 FA F0");
    private static final byte[] STAR = {'*'};
    private static final byte[] FE = {(byte) 0xFE};

    /** What Autobahn fills a payload with: a pattern for single-frame messages, else one repeated byte. */
    private static byte[] fillUnit(boolean text, boolean pattern) {
        return pattern ? (text ? TEXT_UNIT : BINARY_UNIT) : (text ? STAR : FE);
    }

    /** One message to echo: its kind, size, frame size (0: one frame) and read size (0: one read). */
    private record Big(String number, boolean text, int size, int frameSize, int readSize, Role role) {
        @Override
        public String toString() {
            String kind = text ? "text" : "binary";
            String how = frameSize > 0 ? " in frames of " + bytes(frameSize)
                    : readSize > 0 ? " in reads of " + readSize + " bytes" : "";
            return number + " " + kind + " message of " + bytes(size) + how + " is echoed (" + role + ")";
        }

        private static String bytes(int n) {
            return n >= MIB ? n / MIB + " MiB" : n >= KIB ? n / KIB + " KiB" : n + " B";
        }
    }

    static Stream<Big> singleFrame() {
        int[] sizes = {64 * KIB, 256 * KIB, MIB, 4 * MIB, 8 * MIB, 16 * MIB};
        List<Big> cases = new ArrayList<>();
        for (int i = 0; i < sizes.length; i++) {
            boolean huge = sizes[i] >= 8 * MIB;
            for (Role role : Role.values()) {
                if (!huge || role == Role.SERVER) {
                    cases.add(new Big("9.1." + (i + 1), true, sizes[i], 0, 0, role));
                }
                if (!huge || role == Role.CLIENT) {
                    cases.add(new Big("9.2." + (i + 1), false, sizes[i], 0, 0, role));
                }
            }
        }
        return cases.stream();
    }

    static Stream<Big> fragmented() {
        int[] frameSizes = {64, 256, KIB, 4 * KIB, 16 * KIB, 64 * KIB, 256 * KIB, MIB, 4 * MIB};
        List<Big> cases = new ArrayList<>();
        for (int i = 0; i < frameSizes.length; i++) {
            Role role = Role.values()[i % 2];
            Role other = Role.values()[(i + 1) % 2];
            cases.add(new Big("9.3." + (i + 1), true, 4 * MIB, frameSizes[i], 0, role));
            cases.add(new Big("9.4." + (i + 1), false, 4 * MIB, frameSizes[i], 0, other));
        }
        return cases.stream();
    }

    static Stream<Big> chopped() {
        int[] readSizes = {64, 128, 256, 512, 1024, 2048};
        List<Big> cases = new ArrayList<>();
        for (int i = 0; i < readSizes.length; i++) {
            Role role = Role.values()[i % 2];
            Role other = Role.values()[(i + 1) % 2];
            cases.add(new Big("9.5." + (i + 1), true, MIB, 0, readSizes[i], role));
            cases.add(new Big("9.6." + (i + 1), false, MIB, 0, readSizes[i], other));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource({"singleFrame", "fragmented", "chopped"})
    void largeMessageIsEchoed(Big c) {
        EngineHarness h = EngineHarness.echo(c.role());
        int opcode = c.text() ? OpCode.TEXT : OpCode.BINARY;
        byte[] payload = repeated(fillUnit(c.text(), c.frameSize() == 0), c.size());
        TestFrames peer = h.peer();
        byte[] wire = (c.frameSize() > 0 ? peer.fragmented(opcode, payload, c.frameSize())
                : peer.frame(true, 0, opcode, payload)).bytes();

        h.feedInChops(wire, c.readSize() > 0 ? c.readSize() : wire.length);

        List<Sent> sent = h.sent();
        assertEquals(1, sent.size(), "one echo");
        assertEquals(opcode, sent.get(0).opcode());
        assertArrayEquals(payload, sent.get(0).payload());
        h.closeByPeer();
    }

    /** 1000 messages of one size, each sent once the previous echo is back. */
    private record RoundTrips(String number, boolean text, int size) {
        @Override
        public String toString() {
            return number + " 1000 " + (text ? "text" : "binary") + " messages of " + size + " bytes, one at a time,"
                    + " are echoed";
        }
    }

    static Stream<Arguments> roundTrips() {
        int[] sizes = {0, 16, 64, 256, 1024, 4096};
        List<RoundTrips> cases = new ArrayList<>();
        for (int i = 0; i < sizes.length; i++) {
            cases.add(new RoundTrips("9.7." + (i + 1), true, sizes[i]));
            cases.add(new RoundTrips("9.8." + (i + 1), false, sizes[i]));
        }
        return EngineHarness.inBothRoles(cases);
    }

    @ParameterizedTest(name = "{0} ({1})")
    @MethodSource("roundTrips")
    void thousandMessagesAreEchoed(RoundTrips c, Role role) {
        EngineHarness h = EngineHarness.echo(role);
        int opcode = c.text() ? OpCode.TEXT : OpCode.BINARY;
        byte[] payload = repeated(fillUnit(c.text(), false), c.size());

        for (int i = 0; i < 1000; i++) {
            h.feed(h.peer().frame(true, 0, opcode, payload));
            List<Sent> echo = h.takeSent();
            assertEquals(1, echo.size(), "one echo per message");
            assertEquals(opcode, echo.get(0).opcode());
            assertArrayEquals(payload, echo.get(0).payload());
        }
        h.closeByPeer();
    }

    // ---------------------------------------------------------------- configured limits

    private static final int LIMIT = 1000;

    private static EngineHarness limited(Role role) {
        ProtocolSettings settings = ProtocolSettings.builder().maxTextMessageSize(LIMIT)
                .maxBinaryMessageSize(LIMIT).maxFramePayloadLength(4 * LIMIT).build();
        return EngineHarness.builder(role).settings(settings).build();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Role.class)
    @DisplayName("9.x messages of exactly the configured limit are echoed")
    void messagesAtTheLimitAreEchoed(Role role) {
        EngineHarness h = limited(role);
        byte[] payload = repeated("*", LIMIT);

        h.feed(h.peer().frame(true, 0, OpCode.TEXT, payload).fragmented(OpCode.BINARY, payload, 300));

        h.assertSent(EngineHarness.text(payload), EngineHarness.binary(payload));
        h.closeByPeer();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Role.class)
    @DisplayName("9.x text message one byte over the configured limit -> 1009 within its frame, nothing echoed")
    void textOverTheLimitFails(Role role) {
        EngineHarness h = limited(role);
        TestFrames session = h.peer().frame(true, 0, OpCode.TEXT, repeated("*", LIMIT + 1));

        h.feedFailingWithin(session, Delivery.BYTE_PER_READ, session.frameStart(0), session.frameLast(0));

        h.assertSent(close(CloseCodes.MESSAGE_TOO_BIG));
        h.assertFailed(CloseCodes.MESSAGE_TOO_BIG);
        assertEquals(List.of(), h.listener().messages);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Role.class)
    @DisplayName("9.x fragmented binary message over the configured limit -> 1009 on the fragment that crosses it")
    void fragmentedBinaryOverTheLimitFails(Role role) {
        EngineHarness h = limited(role);
        // frames of 300 bytes: the fourth crosses 1000, the fifth is never needed
        TestFrames session = h.peer().fragmented(OpCode.BINARY, repeated("*", 1500), 300);

        h.feedFailingWithin(session, Delivery.BYTE_PER_READ, session.frameStart(3), session.frameLast(3));

        h.assertSent(close(CloseCodes.MESSAGE_TOO_BIG));
        h.assertFailed(CloseCodes.MESSAGE_TOO_BIG);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Role.class)
    @DisplayName("9.x limit lowered on a live connection applies to the next message -> 1009")
    void loweredLimitApplies(Role role) {
        EngineHarness h = EngineHarness.echo(role);
        h.feed(h.peer().text("x".repeat(200)));
        h.connection().maxTextMessageSize(100);

        h.feed(h.peer().text("x".repeat(101)));

        h.assertSent(EngineHarness.text("x".repeat(200)), close(CloseCodes.MESSAGE_TOO_BIG));
        h.assertFailed(CloseCodes.MESSAGE_TOO_BIG);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Role.class)
    @DisplayName("9.x frame declaring more than the frame limit -> 1009 on its length, before any payload")
    void frameOverTheFrameLimitFails(Role role) {
        EngineHarness h = limited(role);
        // 4001 = 0x0FA1 as a 16-bit length: known too long once its second byte (header byte 3) is read
        TestFrames session = h.peer().frame(true, 0, OpCode.BINARY, new byte[4 * LIMIT + 1]);

        h.feedFailingAt(session, Delivery.BYTE_PER_READ, 3);

        h.assertSent(close(CloseCodes.MESSAGE_TOO_BIG));
        h.assertFailed(CloseCodes.MESSAGE_TOO_BIG);
    }
}
