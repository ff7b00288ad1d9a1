package dev.tideway.websocket.benchmarks;

import dev.tideway.websocket.protocol.BufferPool;
import dev.tideway.websocket.protocol.CloseStatus;
import dev.tideway.websocket.protocol.ConnectionListener;
import dev.tideway.websocket.protocol.Masker;
import dev.tideway.websocket.protocol.OpCode;
import dev.tideway.websocket.protocol.Role;
import dev.tideway.websocket.protocol.Scheduler;
import dev.tideway.websocket.protocol.Transport;
import dev.tideway.websocket.protocol.WebSocketConnection;
import dev.tideway.websocket.protocol.WriteCallback;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The whole inbound path of a server's {@link WebSocketConnection}: one {@link WebSocketConnection#onRead}
 * of masked 64-byte text messages, each parsed, unmasked, checked for order and size, validated as UTF-8
 * and handed to a listener that reads it. {@code burst} reads {@value #BURST} messages from one buffer,
 * as a pipelining client's messages arrive; {@code single} reads one message per buffer.
 *
 * <p>Both scores are nanoseconds per message; with {@code -prof gc}, {@code gc.alloc.rate.norm} is the
 * bytes allocated per message, which must be 0.
 *
 * <p>Restoring the input. The connection unmasks in place, and masking is its own inverse, so reading the
 * same buffer again re-masks it: the buffer alternates between the masked and the plain form of its
 * payloads, at no cost to the benchmark (see {@link FrameParseBenchmark} for why not copy or set up per
 * invocation). Unlike the bare parser the connection validates what it unmasks, so both forms must be
 * valid UTF-8 of the same cost: the text is ASCII and every masking key byte is below 0x80, so either form
 * is ASCII (the validator's fast path, as for the JSON most applications send; multi-byte text is
 * measured by {@link Utf8ValidationBenchmark}).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class ConnectionInboundBenchmark {
    static final int BURST = 64;
    private static final int MESSAGE_SIZE = 64;
    private static final String MESSAGE = "{\"type\":\"quote\",\"symbol\":\"TIDE\",\"bid\":101.25,\"ask\":101.5}";

    /** One read buffer of {@value #BURST} messages. */
    @State(Scope.Thread)
    public static class Burst extends InboundConnection {
        public Burst() {
            super(BURST);
        }
    }

    /** One read buffer of one message. */
    @State(Scope.Thread)
    public static class Single extends InboundConnection {
        public Single() {
            super(1);
        }
    }

    @Benchmark
    @OperationsPerInvocation(BURST)
    public long burst(Burst connection) {
        return connection.read();
    }

    @Benchmark
    public long single(Single connection) {
        return connection.read();
    }

    /** A server connection and a read buffer of masked client messages, read again and again. */
    public abstract static class InboundConnection {
        private final int messages;
        private final MessageReader listener = new MessageReader();
        private WebSocketConnection connection;
        private ByteBuffer input;

        InboundConnection(int messages) {
            this.messages = messages;
        }

        @Setup
        public void setUp() {
            connection = WebSocketConnection.builder(Role.SERVER, new NoOpTransport(), listener)
                    .scheduler(NeverScheduler.INSTANCE)
                    .bufferPool(BufferPool.newDefault())
                    .build();
            input = maskedTextFrames(messages, new Random(42));
            // both forms of the buffer must deliver every message, or the benchmark measures a failure path
            read();
            read();
            if (listener.messages != 2L * messages) {
                throw new IllegalStateException("expected " + 2 * messages + " messages, got " + listener.messages);
            }
        }

        @TearDown
        public void checkNoFailure() {
            if (listener.failure != null || !connection.isOpen()) {
                throw new IllegalStateException("the connection failed during the benchmark", listener.failure);
            }
        }

        long read() {
            input.position(0);
            connection.onRead(input);
            return listener.sum;
        }
    }

    /** {@code count} masked, single-frame text messages of {@value #MESSAGE_SIZE} bytes, back to back. */
    private static ByteBuffer maskedTextFrames(int count, Random random) {
        byte[] text = (MESSAGE + " ".repeat(MESSAGE_SIZE - MESSAGE.length())).getBytes(StandardCharsets.US_ASCII);
        int frameLength = 2 + 4 + MESSAGE_SIZE;
        ByteBuffer frames = ByteBuffer.allocate(count * frameLength);
        for (int i = 0; i < count; i++) {
            int key = random.nextInt() & 0x7F7F_7F7F; // keeps ASCII ASCII, masked or not
            frames.put((byte) (0x80 | OpCode.TEXT)).put((byte) (0x80 | MESSAGE_SIZE)).putInt(key);
            Masker.maskCopy(ByteBuffer.wrap(text), frames, key, 0);
        }
        return frames.flip();
    }

    /** Reads every chunk (its length and first eight bytes) and counts whole messages. */
    private static final class MessageReader implements ConnectionListener {
        long sum;
        long messages;
        Throwable failure;

        @Override
        public void onText(ByteBuffer utf8, boolean last) {
            sum += utf8.remaining() + utf8.getLong(utf8.position());
            if (last) {
                messages++;
            }
        }

        @Override
        public void onBinary(ByteBuffer data, boolean last) {
            throw new IllegalStateException("no binary message was sent");
        }

        @Override
        public void onPing(ByteBuffer payload) {
        }

        @Override
        public void onPong(ByteBuffer payload) {
        }

        @Override
        public void onError(Throwable cause) {
            failure = cause;
        }

        @Override
        public void onClosed(CloseStatus status) {
        }
    }

    /** Inbound-only: nothing is written, and a write that happens anyway completes at once. */
    private static final class NoOpTransport implements Transport {
        @Override
        public void write(ByteBuffer[] buffers, WriteCallback callback) {
            callback.completed();
        }

        @Override
        public void pauseReading() {
        }

        @Override
        public void resumeReading() {
        }

        @Override
        public void close() {
        }
    }
}
