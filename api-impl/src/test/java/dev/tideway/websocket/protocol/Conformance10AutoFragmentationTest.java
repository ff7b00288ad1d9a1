package dev.tideway.websocket.protocol;

import static dev.tideway.websocket.protocol.EngineTranscript.ping;
import static dev.tideway.websocket.protocol.EngineTranscript.pong;
import static dev.tideway.websocket.protocol.EngineTranscript.text;
import static dev.tideway.websocket.protocol.TestFrames.repeated;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tideway.websocket.protocol.EngineTranscript.Sent;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Autobahn TestSuite section 10, automatic fragmentation: 10.1.1 (a message the peer fragmented into
 * 1300-byte frames is echoed whole) and its mirror, which a fuzzer can only see from outside: the engine
 * fragments outbound messages larger than {@link ProtocolSettings#outboundFrameSize()} into frames of
 * exactly that size, with the opcode on the first frame only and FIN on the last only; control frames are
 * never fragmented.
 */
@DisplayName("Autobahn 10 - automatic fragmentation")
class Conformance10AutoFragmentationTest {
    private static final int FRAME_SIZE = 1300;
    private static final byte[] STAR = {'*'};
    private static final byte[] FE = {(byte) 0xFE};

    @ParameterizedTest(name = "{0}")
    @EnumSource(Role.class)
    @DisplayName("10.1.1 text message of 65536 bytes in 1300-byte frames is echoed whole")
    void peerFragmentedMessageIsEchoed(Role role) {
        EngineHarness h = EngineHarness.echo(role);
        byte[] payload = repeated("*", 65536);
        TestFrames session = h.peer().fragmented(OpCode.TEXT, payload, FRAME_SIZE);
        assertEquals(51, session.frames().size(), "50 full frames and one of 536 bytes");

        h.feed(session);

        h.assertSent(text(payload));
        h.closeByPeer();
    }

    /** A message the engine sends whole, and the frame sizes it must go out in. */
    private record Outbound(String name, int opcode, int size, List<Integer> frameSizes) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Arguments> outboundMessages() {
        List<Integer> mirror = new ArrayList<>(Collections.nCopies(50, FRAME_SIZE));
        mirror.add(65536 - 50 * FRAME_SIZE);
        return EngineHarness.inBothRoles(List.of(
                new Outbound("10.1.1 (mirrored) text of 65536 bytes goes out in 50 frames of 1300 and one of 536",
                        OpCode.TEXT, 65536, mirror),
                new Outbound("10.x binary of 2600 bytes goes out in exactly 2 frames of 1300 (no empty last frame)",
                        OpCode.BINARY, 2 * FRAME_SIZE, List.of(FRAME_SIZE, FRAME_SIZE)),
                new Outbound("10.x text of 1301 bytes goes out in frames of 1300 and 1", OpCode.TEXT, FRAME_SIZE + 1,
                        List.of(FRAME_SIZE, 1)),
                new Outbound("10.x binary of exactly 1300 bytes goes out in one frame", OpCode.BINARY, FRAME_SIZE,
                        List.of(FRAME_SIZE)),
                new Outbound("10.x empty text goes out in one empty frame", OpCode.TEXT, 0, List.of(0))));
    }

    @ParameterizedTest(name = "{0} ({1})")
    @MethodSource("outboundMessages")
    void echoIsFragmentedAtTheFrameSize(Outbound c, Role role) {
        EngineHarness h = EngineHarness.builder(role)
                .settings(ProtocolSettings.builder().outboundFrameSize(FRAME_SIZE).build()).build();
        byte[] payload = repeated(c.opcode() == OpCode.TEXT ? STAR : FE, c.size());

        h.feed(h.peer().frame(true, 0, c.opcode(), payload)); // one frame in; the echo is fragmented

        Sent echo = h.sent().get(0);
        assertEquals(c.opcode(), echo.opcode());
        assertArrayEquals(payload, echo.payload());
        assertEquals(c.frameSizes(), echo.frameSizes());
        assertOnlyFirstHasOpcodeOnlyLastHasFin(h.frames(), c.opcode());
        h.closeByPeer();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Role.class)
    @DisplayName("10.x a message sent in parts is fragmented part by part; later parts are continuations")
    void partsAreFragmentedEachAtTheFrameSize(Role role) {
        EngineHarness h = EngineHarness.builder(role).echo(false)
                .settings(ProtocolSettings.builder().outboundFrameSize(FRAME_SIZE).build()).build();
        byte[] first = repeated("a", 3000);
        byte[] second = repeated("b", 100);

        h.connection().sendText(ByteBuffer.wrap(first), false, WriteCallback.NOOP);
        h.connection().sendText(ByteBuffer.wrap(second), true, WriteCallback.NOOP);

        Sent message = h.sent().get(0);
        assertEquals(List.of(FRAME_SIZE, FRAME_SIZE, 400, 100), message.frameSizes());
        byte[] whole = Arrays.copyOf(first, 3100);
        System.arraycopy(second, 0, whole, 3000, 100);
        assertArrayEquals(whole, message.payload());
        assertOnlyFirstHasOpcodeOnlyLastHasFin(h.frames(), OpCode.TEXT);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Role.class)
    @DisplayName("10.x control frames are never fragmented, whatever the frame size")
    void controlFramesAreNotFragmented(Role role) {
        EngineHarness h = EngineHarness.builder(role)
                .settings(ProtocolSettings.builder().outboundFrameSize(10).build()).build();
        byte[] payload = repeated(FE, 125);

        h.feed(h.peer().ping(payload));
        h.connection().sendPing(ByteBuffer.wrap(payload), WriteCallback.NOOP);

        assertEquals(List.of(pong(payload), ping(payload)), h.described());
        assertEquals(2, h.frames().size(), "one frame each");
        h.closeByPeer();
    }

    private static void assertOnlyFirstHasOpcodeOnlyLastHasFin(List<WireFrames.Frame> frames, int opcode) {
        List<WireFrames.Frame> data = frames.stream().filter(f -> !OpCode.isControl(f.opcode())).toList();
        for (int i = 0; i < data.size(); i++) {
            WireFrames.Frame frame = data.get(i);
            assertEquals(i == 0 ? opcode : OpCode.CONTINUATION, frame.opcode(), "opcode of frame " + i);
            assertEquals(i == data.size() - 1, frame.fin(), "FIN of frame " + i);
        }
    }
}
