package dev.tideway.websocket.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FrameFlusherTest {
    private final RecordingTransport transport = new RecordingTransport();
    private final BufferPool pool = BufferPool.newDefault();

    private FrameFlusher flusher(Role role) {
        MaskKeyGenerator keys = role.masksOutbound() ? MaskKeyGenerator.newSeeded() : null;
        return new FrameFlusher(transport, new FrameGenerator(role, keys), pool, role);
    }

    @Test
    void framesQueuedWhileAWriteIsOutstandingLeaveInOneWrite() {
        FrameFlusher flusher = flusher(Role.SERVER);
        transport.holdWrites(true);
        flusher.enqueue(true, 0, OpCode.TEXT, text("a"), WriteCallback.NOOP);
        flusher.flush(false);
        for (int i = 0; i < 10; i++) {
            flusher.enqueue(true, 0, OpCode.TEXT, text("m" + i), WriteCallback.NOOP);
            flusher.flush(false);
        }
        assertEquals(1, transport.writeCalls());
        transport.completeWrites();
        assertEquals(2, transport.writeCalls());
        List<WireFrames.Frame> frames = WireFrames.parse(transport.takeWritten());
        assertEquals(11, frames.size());
        assertEquals("m9", frames.get(10).text());
    }

    @Test
    void heldFramesLeaveTogetherOnRelease() {
        FrameFlusher flusher = flusher(Role.SERVER);
        flusher.hold();
        for (int i = 0; i < 100; i++) {
            flusher.enqueue(true, 0, OpCode.BINARY, ByteBuffer.wrap(new byte[] {(byte) i}), WriteCallback.NOOP);
            flusher.flush(false);
        }
        assertEquals(0, transport.writeCalls());
        flusher.release();
        assertEquals(1, transport.writeCalls());
        assertEquals(100, WireFrames.parse(transport.takeWritten()).size());
    }

    @Test
    void aForcedFlushIgnoresTheHold() {
        FrameFlusher flusher = flusher(Role.SERVER);
        flusher.hold();
        flusher.enqueue(true, 0, OpCode.TEXT, text("now"), WriteCallback.NOOP);
        flusher.flush(true);
        assertEquals(1, transport.writeCalls());
    }

    @Test
    void largePayloadsAreWrittenInPlaceAndSmallOnesCopied() {
        byte[] big = random(100_000, 1);
        ByteBuffer[][] captured = new ByteBuffer[1][];
        Transport capturing = writer((buffers, callback) -> {
            captured[0] = buffers.clone(); // the array is the flusher's again once the write completed
            callback.completed();
        });
        FrameFlusher direct = new FrameFlusher(capturing, new FrameGenerator(Role.SERVER, null), pool, Role.SERVER);
        ByteBuffer bigBuffer = ByteBuffer.wrap(big);
        direct.hold();
        direct.enqueue(true, 0, OpCode.TEXT, text("small"), WriteCallback.NOOP);
        direct.enqueue(true, 0, OpCode.BINARY, bigBuffer, WriteCallback.NOOP);
        direct.enqueue(true, 0, OpCode.TEXT, text("after"), WriteCallback.NOOP);
        direct.release();
        // [small frame + big header] [big payload, the caller's own buffer] [after frame]
        assertEquals(3, captured[0].length);
        assertTrue(captured[0][1] == bigBuffer, "large payload is not copied");
    }

    @Test
    void clientFramesAreMaskedWithoutTouchingTheCallersBytes() {
        FrameFlusher flusher = flusher(Role.CLIENT);
        byte[] small = "hello".getBytes();
        byte[] big = random(20_000, 2);
        byte[] bigCopy = big.clone();
        flusher.hold();
        flusher.enqueue(true, 0, OpCode.TEXT, ByteBuffer.wrap(small), WriteCallback.NOOP);
        flusher.enqueue(true, 0, OpCode.BINARY, ByteBuffer.wrap(big), WriteCallback.NOOP);
        flusher.release();
        List<WireFrames.Frame> frames = WireFrames.parse(transport.takeWritten());
        assertTrue(frames.get(0).masked() && frames.get(1).masked());
        assertEquals("hello", frames.get(0).text());
        assertArrayEquals(bigCopy, frames.get(1).payload());
        assertArrayEquals(bigCopy, big, "caller's buffer unchanged");
    }

    @Test
    void callbacksCompleteOnlyWhenTheTransportAcceptedTheBytes() {
        FrameFlusher flusher = flusher(Role.SERVER);
        transport.holdWrites(true);
        RecordingCallback callback = new RecordingCallback();
        flusher.enqueue(true, 0, OpCode.TEXT, text("x"), callback);
        flusher.flush(false);
        assertEquals(0, callback.completed);
        transport.completeWrites();
        assertEquals(1, callback.completed);
        assertEquals(0, flusher.queuedBytes());
    }

    @Test
    void queuedBytesCountsPayloadUntilWritten() {
        FrameFlusher flusher = flusher(Role.SERVER);
        transport.holdWrites(true);
        flusher.enqueue(true, 0, OpCode.BINARY, ByteBuffer.allocate(1000), WriteCallback.NOOP);
        flusher.flush(false);
        flusher.enqueue(true, 0, OpCode.BINARY, ByteBuffer.allocate(500), WriteCallback.NOOP);
        assertEquals(1500, flusher.queuedBytes());
        transport.completeWrites();
        transport.completeWrites();
        assertEquals(0, flusher.queuedBytes());
    }

    @Test
    void failureFailsQueuedFramesAndLaterOnesButLetsTheOutstandingWriteReport() {
        FrameFlusher flusher = flusher(Role.SERVER);
        transport.holdWrites(true);
        RecordingCallback outstanding = new RecordingCallback();
        RecordingCallback queued = new RecordingCallback();
        RecordingCallback later = new RecordingCallback();
        flusher.enqueue(true, 0, OpCode.TEXT, text("1"), outstanding);
        flusher.flush(false);
        flusher.enqueue(true, 0, OpCode.TEXT, text("2"), queued);
        flusher.fail(new IOException("gone"));
        flusher.enqueue(true, 0, OpCode.TEXT, text("3"), later);
        assertEquals(1, queued.failures.size());
        assertEquals("gone", queued.failures.get(0).getMessage());
        assertEquals(1, later.failures.size());
        assertEquals(0, outstanding.completed + outstanding.failures.size());
        transport.completeWrites();
        assertEquals(1, outstanding.completed, "bytes the transport accepted count as sent");
    }

    @Test
    void aFailedWriteFailsItsFramesOnceAndEverythingAfter() {
        RecordingCallback first = new RecordingCallback();
        RecordingCallback second = new RecordingCallback();
        Transport broken = writer((buffers, callback) -> callback.failed(new IOException("reset")));
        FrameFlusher flusher = new FrameFlusher(broken, new FrameGenerator(Role.SERVER, null), pool, Role.SERVER);
        flusher.enqueue(true, 0, OpCode.TEXT, text("a"), first);
        flusher.flush(false);
        flusher.enqueue(true, 0, OpCode.TEXT, text("b"), second);
        flusher.flush(false);
        assertEquals(1, first.failures.size());
        assertInstanceOf(IOException.class, second.failures.get(0));
        assertEquals(0, first.completed + second.completed);
    }

    @Test
    void writesThatCompleteInlineDoNotRecurse() {
        FrameFlusher flusher = flusher(Role.SERVER);
        int[] depth = {0};
        int[] maxDepth = {0};
        WriteCallback resend = new WriteCallback() {
            int remaining = 5_000;

            @Override
            public void completed() {
                depth[0]++;
                maxDepth[0] = Math.max(maxDepth[0], depth[0]);
                if (remaining-- > 0) {
                    flusher.enqueue(true, 0, OpCode.TEXT, text("again"), this);
                    flusher.flush(false);
                }
                depth[0]--;
            }

            @Override
            public void failed(Throwable cause) {
            }
        };
        flusher.enqueue(true, 0, OpCode.TEXT, text("start"), resend);
        flusher.flush(false);
        assertEquals(5_001, transport.writeCalls());
        assertEquals(1, maxDepth[0], "each completion runs after the previous one returned");
    }

    /** A transport that only writes, the way {@code write} says. */
    private static Transport writer(java.util.function.BiConsumer<ByteBuffer[], WriteCallback> write) {
        return new Transport() {
            @Override
            public void write(ByteBuffer[] buffers, WriteCallback callback) {
                write.accept(buffers, callback);
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
        };
    }

    private static ByteBuffer text(String s) {
        return ByteBuffer.wrap(s.getBytes());
    }

    private static byte[] random(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    static final class RecordingCallback implements WriteCallback {
        int completed;
        final List<Throwable> failures = new ArrayList<>();

        @Override
        public void completed() {
            completed++;
        }

        @Override
        public void failed(Throwable cause) {
            failures.add(cause);
        }
    }
}
