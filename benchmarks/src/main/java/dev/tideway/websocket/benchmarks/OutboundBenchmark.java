package dev.tideway.websocket.benchmarks;

import dev.tideway.websocket.protocol.BufferPool;
import dev.tideway.websocket.protocol.CloseStatus;
import dev.tideway.websocket.protocol.ConnectionListener;
import dev.tideway.websocket.protocol.Role;
import dev.tideway.websocket.protocol.Transport;
import dev.tideway.websocket.protocol.WebSocketConnection;
import dev.tideway.websocket.protocol.WriteCallback;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
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
 * A server's {@link WebSocketConnection#sendText} of 64-byte messages, through the send lock, the frame
 * flusher and its pooled gather buffer, to a transport that accepts every write at once. {@code single}
 * sends one message per write; {@code burst} sends {@value #BURST} between {@link
 * WebSocketConnection#holdFlush()} and {@link WebSocketConnection#releaseFlush()}, which coalesces them
 * into one write, as for answers to pipelined requests.
 *
 * <p>Both scores are nanoseconds per message; with {@code -prof gc}, {@code gc.alloc.rate.norm} is the
 * bytes allocated per message. A server does not mask, so no payload byte is touched beyond the copy
 * into the gather buffer.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class OutboundBenchmark {
    static final int BURST = 32;
    private static final int MESSAGE_SIZE = 64;
    private static final int FRAME_SIZE = 2 + MESSAGE_SIZE;
    private static final String MESSAGE = "{\"type\":\"quote\",\"symbol\":\"TIDE\",\"bid\":101.25,\"ask\":101.5}";

    private final AcceptingTransport transport = new AcceptingTransport();
    private final CountingCallback sent = new CountingCallback();
    private WebSocketConnection connection;
    /** One buffer per message of a burst: each is consumed when its write is prepared, and reset before reuse. */
    private final ByteBuffer[] messages = new ByteBuffer[BURST];

    @Setup
    public void setUp() {
        connection = WebSocketConnection.builder(Role.SERVER, transport, new IgnoringListener())
                .scheduler(NeverScheduler.INSTANCE)
                .bufferPool(BufferPool.newDefault())
                .build();
        byte[] text = (MESSAGE + " ".repeat(MESSAGE_SIZE - MESSAGE.length())).getBytes(StandardCharsets.US_ASCII);
        ByteBuffer message = ByteBuffer.wrap(text);
        for (int i = 0; i < BURST; i++) {
            messages[i] = message.duplicate();
        }
        single();
        expect(1, FRAME_SIZE);
        burst();
        expect(2, (1 + BURST) * FRAME_SIZE);
    }

    @TearDown
    public void checkEveryMessageSent() {
        if (sent.failure != null || sent.completed * FRAME_SIZE != transport.bytes) {
            throw new IllegalStateException(sent.completed + " messages completed but " + transport.bytes
                    + " bytes written", sent.failure);
        }
    }

    @Benchmark
    public long single() {
        connection.sendText(messages[0].clear(), true, sent);
        return transport.bytes;
    }

    @Benchmark
    @OperationsPerInvocation(BURST)
    public long burst() {
        connection.holdFlush();
        for (ByteBuffer message : messages) {
            connection.sendText(message.clear(), true, sent);
        }
        connection.releaseFlush();
        return transport.bytes;
    }

    private void expect(long writes, long bytes) {
        if (transport.writes != writes || transport.bytes != bytes) {
            throw new IllegalStateException("expected " + writes + " writes of " + bytes + " bytes in all, got "
                    + transport.writes + " writes of " + transport.bytes + " bytes");
        }
    }

    /** Takes every byte of every write at once, as a socket with room in its send buffer does. */
    private static final class AcceptingTransport implements Transport {
        long writes;
        long bytes;

        @Override
        public void write(ByteBuffer[] buffers, WriteCallback callback) {
            writes++;
            for (ByteBuffer buffer : buffers) {
                bytes += buffer.remaining();
                buffer.position(buffer.limit());
            }
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

    /** One callback object for every send, so that the benchmark itself allocates nothing per message. */
    private static final class CountingCallback implements WriteCallback {
        long completed;
        Throwable failure;

        @Override
        public void completed() {
            completed++;
        }

        @Override
        public void failed(Throwable cause) {
            failure = cause;
        }
    }

    /** Outbound-only: nothing is read. */
    private static final class IgnoringListener implements ConnectionListener {
        @Override
        public void onText(ByteBuffer utf8, boolean last) {
        }

        @Override
        public void onBinary(ByteBuffer data, boolean last) {
        }

        @Override
        public void onPing(ByteBuffer payload) {
        }

        @Override
        public void onPong(ByteBuffer payload) {
        }

        @Override
        public void onError(Throwable cause) {
        }

        @Override
        public void onClosed(CloseStatus status) {
        }
    }
}
