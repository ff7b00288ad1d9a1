package dev.tideway.websocket.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** What a generator of one role writes, a parser of the other role reads back unchanged. */
class GeneratorParserRoundTripTest {
    private static final int[] LENGTHS = {0, 1, 7, 8, 9, 125, 126, 127, 65535, 65536, 100_003};

    /** A frame to send: the fields the parser must report back. */
    private record Frame(boolean fin, int rsv, int opcode, byte[] payload) {
        RecordedFrame expected() {
            return RecordedFrame.of(opcode, fin, rsv, payload);
        }
    }

    @ParameterizedTest(name = "{0} to its peer")
    @EnumSource(Role.class)
    void framesSurviveTheRoundTrip(Role sender) throws ProtocolException {
        Random random = new Random(sender.ordinal() + 6455);
        List<Frame> frames = frames(random);
        FrameGenerator generator = new FrameGenerator(sender, MaskKeyGenerator.newSeeded());
        ByteBuffer wire = ByteBuffer.allocate(frames.stream()
                .mapToInt(f -> generator.headerLength(f.payload.length) + f.payload.length).sum());
        for (Frame frame : frames) {
            if (frame.payload.length <= 125) {
                generator.writeFrame(wire, frame.fin, frame.rsv, frame.opcode, ByteBuffer.wrap(frame.payload));
            } else {
                writeInTwoParts(generator, wire, frame);
            }
        }
        byte[] bytes = Arrays.copyOf(wire.array(), wire.position());
        List<RecordedFrame> expected = frames.stream().map(Frame::expected).toList();
        Role reader = sender == Role.CLIENT ? Role.SERVER : Role.CLIENT;

        RecordingFrameListener whole = new RecordingFrameListener();
        ParserFeeder.feedWhole(parser(reader, whole), bytes);
        assertEquals(expected, whole.frames());

        RecordingFrameListener pieces = new RecordingFrameListener();
        ParserFeeder.feedInRandomPieces(parser(reader, pieces), bytes, random, 1000);
        assertEquals(expected, pieces.frames());
    }

    /**
     * The way the send path writes a large frame: the header, then the payload produced in two parts, each
     * masked by the caller at its index within the frame.
     */
    private static void writeInTwoParts(FrameGenerator generator, ByteBuffer wire, Frame frame) {
        int key = generator.writeHeader(wire, frame.fin, frame.rsv, frame.opcode, frame.payload.length);
        int half = frame.payload.length / 2 + 1;
        int from = wire.position();
        wire.put(frame.payload);
        if (key != 0) {
            Masker.maskInPlace(wire, from, from + half, key, 0);
            Masker.maskInPlace(wire, from + half, wire.position(), key, half);
        }
    }

    private static FrameParser parser(Role reader, RecordingFrameListener listener) {
        FrameParser parser = new FrameParser(reader, listener);
        parser.allowRsv(FrameHeader.RSV1 | FrameHeader.RSV2 | FrameHeader.RSV3);
        return parser;
    }

    private static List<Frame> frames(Random random) {
        List<Frame> frames = new ArrayList<>();
        int rsv = 0;
        for (int length : LENGTHS) {
            int opcode = new int[] {OpCode.TEXT, OpCode.BINARY, OpCode.CONTINUATION}[length % 3];
            frames.add(new Frame(length % 2 == 0, rsv++ % 8, opcode, randomBytes(random, length)));
            if (length <= 125) {
                int control = new int[] {OpCode.CLOSE, OpCode.PING, OpCode.PONG}[length % 3];
                frames.add(new Frame(true, 0, control, randomBytes(random, length)));
            }
        }
        return frames;
    }

    private static byte[] randomBytes(Random random, int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }
}
