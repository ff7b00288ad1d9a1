package dev.tideway.websocket.protocol;

import static dev.tideway.websocket.protocol.EngineHarness.binary;
import static dev.tideway.websocket.protocol.EngineHarness.text;
import static dev.tideway.websocket.protocol.TestFrames.repeated;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Autobahn TestSuite section 1, framing: text (1.1.x) and binary (1.2.x) messages of every payload length
 * class (7-bit, 16-bit and 64-bit length fields and their edges), echoed exactly, then a clean close.
 */
@DisplayName("Autobahn 1 - framing")
class Conformance1FramingTest {
    /** The payload lengths of cases x.1 to x.7: around the 125/126 and 65535/65536 length-field edges. */
    private static final int[] LENGTHS = {0, 125, 126, 127, 128, 65535, 65536};
    /** Case x.8 sends 65536 bytes in reads of 997. */
    private static final int CHOPPED_LENGTH = 65536;
    private static final int CHOP_SIZE = 997;

    static Stream<Arguments> lengths() {
        List<Arguments> cases = new ArrayList<>();
        for (Role role : Role.values()) {
            for (int i = 0; i < LENGTHS.length; i++) {
                cases.add(Arguments.of(role, "1.1." + (i + 1), "1.2." + (i + 1), LENGTHS[i]));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{1} text message of {3} bytes is echoed ({0})")
    @MethodSource("lengths")
    void textMessageOfEachLengthIsEchoed(Role role, String textCase, String binaryCase, int length) {
        EngineHarness h = EngineHarness.echo(role);
        byte[] payload = repeated("*", length);

        h.feed(h.peer().frame(true, 0, OpCode.TEXT, payload));

        h.assertSent(text(payload));
        assertEquals(List.of(length), h.sent().get(0).frameSizes(), "echoed in one frame");
        h.closeByPeer();
    }

    @ParameterizedTest(name = "{2} binary message of {3} bytes is echoed ({0})")
    @MethodSource("lengths")
    void binaryMessageOfEachLengthIsEchoed(Role role, String textCase, String binaryCase, int length) {
        EngineHarness h = EngineHarness.echo(role);
        byte[] payload = new byte[length];
        Arrays.fill(payload, (byte) 0xFE);

        h.feed(h.peer().binary(payload));

        h.assertSent(binary(payload));
        h.closeByPeer();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Role.class)
    @DisplayName("1.1.8 text message of 65536 bytes delivered in reads of 997 bytes is echoed")
    void chunkedTextMessageIsEchoed(Role role) {
        EngineHarness h = EngineHarness.echo(role);
        byte[] payload = repeated("*", CHOPPED_LENGTH);

        h.feedInChops(h.peer().frame(true, 0, OpCode.TEXT, payload).bytes(), CHOP_SIZE);

        h.assertSent(text(payload));
        h.closeByPeer();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Role.class)
    @DisplayName("1.2.8 binary message of 65536 bytes delivered in reads of 997 bytes is echoed")
    void chunkedBinaryMessageIsEchoed(Role role) {
        EngineHarness h = EngineHarness.echo(role);
        byte[] payload = new byte[CHOPPED_LENGTH];
        Arrays.fill(payload, (byte) 0xFE);

        h.feedInChops(h.peer().binary(payload).bytes(), CHOP_SIZE);

        h.assertSent(binary(payload));
        h.closeByPeer();
    }
}
