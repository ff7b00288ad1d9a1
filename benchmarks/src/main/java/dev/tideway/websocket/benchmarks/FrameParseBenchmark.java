package dev.tideway.websocket.benchmarks;

import dev.tideway.websocket.protocol.FrameGenerator;
import dev.tideway.websocket.protocol.FrameHeader;
import dev.tideway.websocket.protocol.FrameParser;
import dev.tideway.websocket.protocol.MaskKeyGenerator;
import dev.tideway.websocket.protocol.OpCode;
import dev.tideway.websocket.protocol.ProtocolException;
import dev.tideway.websocket.protocol.Role;
import java.nio.ByteBuffer;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A server's {@link FrameParser} reading one masked client frame of {@code size} payload bytes per
 * operation: header, unmasking in place, and delivery to a listener that reads the payload.
 *
 * <p>The score is nanoseconds per frame; the parsing rate is {@code GB/s = size / score}. With
 * {@code -prof gc}, {@code gc.alloc.rate.norm} is the bytes allocated per frame, which must be 0.
 *
 * <p>Restoring the input. The parser unmasks the payload in place, so the bytes of one invocation are not
 * those of the next. Copying a pristine frame in before each parse would add a memory copy as costly as the
 * unmasking under test, and {@code @Setup(Level.Invocation)} would add timer calls that dwarf a 64-byte
 * frame. Neither is needed: masking is its own inverse, so parsing the same bytes again re-masks them, and
 * the buffer simply alternates between the masked and the plain form of the payload. The parser reads only
 * the header, which it leaves untouched, and never interprets payload bytes, so both forms cost it exactly
 * the same; what a listener sees is then the payload or its masked form, which is all the same to this
 * listener.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class FrameParseBenchmark {

    @Param({"64", "1024", "65536"})
    public int size;

    /** The parser treats both alike (UTF-8 is checked above it); both are measured to show it. */
    @Param({"binary", "text"})
    public String opcode;

    private final PayloadReader listener = new PayloadReader();
    private FrameParser parser;
    private ByteBuffer frame;

    @Setup
    public void setUp() {
        byte[] payload = new byte[size];
        new Random(42).nextBytes(payload);
        int wireOpcode = opcode.equals("text") ? OpCode.TEXT : OpCode.BINARY;
        FrameGenerator client = new FrameGenerator(Role.CLIENT, MaskKeyGenerator.newSeeded());
        frame = ByteBuffer.allocate(client.headerLength(size) + size);
        client.writeFrame(frame, true, 0, wireOpcode, ByteBuffer.wrap(payload));
        frame.flip();
        parser = new FrameParser(Role.SERVER, listener);
    }

    @Benchmark
    public long parseFrame() throws ProtocolException {
        frame.position(0);
        while (frame.hasRemaining()) {
            parser.parse(frame);
        }
        return listener.sum;
    }

    /** Reads every delivered chunk (all are at least 64 bytes long): its length and its first eight bytes. */
    private static final class PayloadReader implements FrameParser.Listener {
        long sum;

        @Override
        public void onDataFrame(FrameHeader header, ByteBuffer payload, boolean frameStart, boolean frameEnd) {
            sum += payload.remaining() + payload.getLong(payload.position());
        }

        @Override
        public void onControlFrame(FrameHeader header, ByteBuffer payload) {
            throw new IllegalStateException("no control frame was sent");
        }
    }
}
