package dev.tideway.websocket.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tideway.websocket.protocol.WireFrame.LengthEncoding;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Input may be split at any byte: random sequences of frames (fixed seeds) fed in one buffer, byte by byte
 * and in random pieces must give the same frames with the same payload bytes.
 */
class FrameParserSplitTest {
    private static final int SEEDS_PER_ROLE = 8;
    private static final int MAX_FRAMES = 16;
    /** Lengths at the encoding boundaries and around the masker's eight-byte steps. */
    private static final int[] DATA_LENGTHS = {0, 1, 2, 3, 4, 5, 7, 8, 9, 15, 16, 17, 124, 125, 126, 127,
        128, 1000, 65535, 65536};
    private static final int[] CONTROL_LENGTHS = {0, 1, 2, 3, 7, 8, 9, 124, 125};
    private static final int[] DATA_OPCODES = {OpCode.TEXT, OpCode.BINARY, OpCode.CONTINUATION};
    private static final int[] CONTROL_OPCODES = {OpCode.CLOSE, OpCode.PING, OpCode.PONG};
    /** At most this many frames of 64 KiB per sequence, so that feeding byte by byte stays fast. */
    private static final int MAX_LARGE_FRAMES = 2;

    static Stream<Arguments> seedsAndRoles() {
        return Stream.of(Role.values())
                .flatMap(role -> IntStream.rangeClosed(1, SEEDS_PER_ROLE).mapToObj(seed -> Arguments.of(seed, role)));
    }

    @ParameterizedTest(name = "seed {0}, read by a {1}")
    @MethodSource("seedsAndRoles")
    void everySplitGivesTheSameFrames(long seed, Role reader) throws ProtocolException {
        Random random = new Random(seed);
        List<WireFrame> frames = randomFrames(random, reader);
        byte[] wire = WireFrame.concat(frames.toArray(WireFrame[]::new));
        List<RecordedFrame> expected = frames.stream().map(WireFrame::expected).toList();

        RecordingFrameListener whole = new RecordingFrameListener();
        int callbacks = ParserFeeder.feedWhole(parser(reader, whole), wire);
        assertEquals(expected, whole.frames());
        assertEquals(frames.size(), callbacks, "one callback per frame when all bytes are in one buffer");

        RecordingFrameListener byteByByte = new RecordingFrameListener();
        ParserFeeder.feedByteByByte(parser(reader, byteByByte), wire);
        assertEquals(expected, byteByByte.frames());

        for (int maxPiece : new int[] {3, 17, 200, 5000}) {
            RecordingFrameListener pieces = new RecordingFrameListener();
            int pieceCallbacks = ParserFeeder.feedInRandomPieces(parser(reader, pieces), wire, random, maxPiece);
            assertEquals(expected, pieces.frames(), "pieces of up to " + maxPiece + " bytes");
            assertEquals(pieces.callbacks(), pieceCallbacks, "parse() returns true once per callback");
        }
    }

    private static FrameParser parser(Role reader, RecordingFrameListener listener) {
        FrameParser parser = new FrameParser(reader, listener);
        parser.allowRsv(FrameHeader.RSV1 | FrameHeader.RSV2 | FrameHeader.RSV3);
        return parser;
    }

    private static List<WireFrame> randomFrames(Random random, Role reader) {
        int count = 1 + random.nextInt(MAX_FRAMES);
        int largeFrames = 0;
        List<WireFrame> frames = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            WireFrame frame;
            if (random.nextInt(3) == 0) {
                frame = WireFrame.frame(pick(random, CONTROL_OPCODES), randomBytes(random, pick(random, CONTROL_LENGTHS)));
            } else {
                int length = pick(random, DATA_LENGTHS);
                if (length >= 65535 && ++largeFrames > MAX_LARGE_FRAMES) {
                    length = random.nextInt(3000);
                }
                frame = WireFrame.frame(pick(random, DATA_OPCODES), randomBytes(random, length))
                        .fin(random.nextBoolean())
                        .rsv(random.nextInt(8));
            }
            if (random.nextInt(8) == 0) {
                frame.encoding(LengthEncoding.SIXTY_FOUR_BIT);
            }
            frames.add(frame.maskedFor(reader, random.nextInt()));
        }
        return frames;
    }

    private static int pick(Random random, int[] values) {
        return values[random.nextInt(values.length)];
    }

    private static byte[] randomBytes(Random random, int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }
}
