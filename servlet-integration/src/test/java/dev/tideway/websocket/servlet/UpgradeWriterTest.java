package dev.tideway.websocket.servlet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tideway.websocket.protocol.BufferPool;
import dev.tideway.websocket.protocol.WriteCallback;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The write half of the transport against scripted streams: when it writes, parks and calls back. */
class UpgradeWriterTest {
    private final FakeStreams.Output output = new FakeStreams.Output();
    private final AtomicReference<Throwable> reported = new AtomicReference<>();
    private final ReadSide readSide = new ReadSide();
    private final UpgradeWriter writer = new UpgradeWriter(output, BufferPool.newDefault(), reported::set, readSide);
    private final Callback callback = new Callback();

    @Test
    void nothingTouchesTheStreamBeforeTheContainersFirstOnWritePossible() {
        writer.write(buffers("early"), callback);

        assertEquals(0, output.isReadyCalls);
        assertEquals(0, output.written.size());
        assertFalse(callback.done());

        output.setWriteListener(writer);
        writer.onWritePossible();

        assertEquals("early", written());
        assertEquals(1, output.flushes);
        assertTrue(callback.completed);
    }

    @Test
    void writesAtOnceOnceTheStreamIsReadyAndFlushesEachWrite() {
        start();

        writer.write(buffers("one", "two"), callback);

        assertEquals("onetwo", written());
        assertEquals(List.of(3, 3), output.writeSizes);
        assertEquals(1, output.flushes);
        assertTrue(callback.completed);
    }

    @Test
    void parksWhenNotReadyAndGoesOnInOnWritePossible() {
        start();
        output.writesUntilNotReady = 1;

        writer.write(buffers("first", "second"), callback);

        assertEquals("first", written());
        assertFalse(callback.done());

        output.ready = true;
        writer.onWritePossible();

        assertEquals("firstsecond", written());
        assertTrue(callback.completed);
    }

    @Test
    void completesOnlyWhenTheStreamIsReadyAgainAfterTheLastByte() {
        start();
        output.writesUntilNotReady = 1;

        writer.write(buffers("all of it"), callback);

        assertEquals("all of it", written());
        assertFalse(callback.done(), "accepted, but the container still holds bytes: the peer may be slow");

        output.ready = true;
        writer.onWritePossible();

        assertTrue(callback.completed);
        assertEquals(1, output.flushes);
    }

    @Test
    void onWritePossibleArrivingBetweenIsReadyAndParkingIsNotLost() {
        start();
        output.writesUntilNotReady = 1;
        // the container calls onWritePossible on its thread after our isReady() said false, before we park:
        // it calls it only once, so the writer must go on by itself
        output.whenNotReady = () -> {
            output.ready = true;
            writer.onWritePossible();
        };

        writer.write(buffers("a", "b"), callback);

        assertEquals("ab", written());
        assertTrue(callback.completed);
    }

    @Test
    void theReadSideHearsOfEveryParkedWriteAndOfEachOnWritePossibleThatEnded() {
        writer.write(buffers("early"), callback);
        assertEquals(1, readSide.parked, "a write before the first onWritePossible waits for it");
        assertTrue(writer.hasParkedWrite());

        output.setWriteListener(writer);
        output.writesUntilNotReady = 1;
        writer.onWritePossible();
        assertEquals("early", written());
        assertEquals(2, readSide.parked, "not ready after the last byte: the write waits again");
        assertEquals(1, readSide.writePossibleHandled);
        assertTrue(writer.hasParkedWrite());

        output.ready = true;
        writer.onWritePossible();
        assertTrue(callback.completed);
        assertFalse(writer.hasParkedWrite());
        assertEquals(2, readSide.parked);
        assertEquals(2, readSide.writePossibleHandled);
    }

    @Test
    void aDirectBufferGoesThroughHeapCopiesOfAtMostTheStagingSize() {
        start();
        byte[] data = new byte[40_000];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) (i * 31);
        }
        ByteBuffer direct = ByteBuffer.allocateDirect(data.length).put(data).flip();

        writer.write(new ByteBuffer[] {direct}, callback);

        assertArrayEquals(data, output.written.toByteArray());
        assertEquals(List.of(UpgradeWriter.STAGING_SIZE, UpgradeWriter.STAGING_SIZE,
                data.length - 2 * UpgradeWriter.STAGING_SIZE), output.writeSizes);
        assertFalse(direct.hasRemaining());
        assertTrue(callback.completed);
    }

    /** Servlet 6.1: a broadcast's read-only frame goes to the container's write(ByteBuffer) without a copy. */
    @Test
    void aBufferWithoutArrayGoesAsItIsToTheContainersOwnByteBufferWrite() {
        FakeStreams.ByteBufferOutput byteBufferOutput = new FakeStreams.ByteBufferOutput();
        UpgradeWriter byteBufferWriter =
                new UpgradeWriter(byteBufferOutput, BufferPool.newDefault(), reported::set, readSide);
        byteBufferOutput.setWriteListener(byteBufferWriter);
        byteBufferWriter.onWritePossible();
        ByteBuffer header = ByteBuffer.wrap("head ".getBytes(StandardCharsets.US_ASCII));
        ByteBuffer frame = ByteBuffer.wrap("shared frame".getBytes(StandardCharsets.US_ASCII)).asReadOnlyBuffer();

        byteBufferWriter.write(new ByteBuffer[] {header, frame}, callback);

        assertEquals(List.of(frame), byteBufferOutput.taken);
        assertSame(frame, byteBufferOutput.taken.get(0), "the buffer itself, not a copy");
        assertEquals(0, frame.position(), "the writer leaves the container's buffer alone");
        assertFalse(callback.done(), "the container still holds the buffer");

        byteBufferOutput.finishTaken();
        byteBufferWriter.onWritePossible();

        assertEquals("head shared frame", byteBufferOutput.written.toString(StandardCharsets.US_ASCII));
        assertEquals(List.of(5), byteBufferOutput.writeSizes, "only the array-backed header went through write(byte[])");
        assertTrue(callback.completed);
    }

    @Test
    void closeFailsAParkedWriteAndEveryLaterOne() {
        start();
        output.writesUntilNotReady = 1;
        writer.write(buffers("x", "y"), callback);

        writer.close();

        assertInstanceOf(ClosedChannelException.class, callback.failure);
        Callback later = new Callback();
        writer.write(buffers("z"), later);
        assertInstanceOf(ClosedChannelException.class, later.failure);
        assertEquals("x", written());
    }

    @Test
    void aFailingStreamFailsTheWriteAndIsReported() {
        start();
        IOException broken = new IOException("broken pipe");
        output.failWith = broken;

        writer.write(buffers("lost"), callback);

        assertSame(broken, callback.failure);
        assertSame(broken, reported.get());
        Callback later = new Callback();
        writer.write(buffers("also lost"), later);
        assertInstanceOf(ClosedChannelException.class, later.failure);
    }

    @Test
    void theContainersErrorFailsAParkedWrite() {
        start();
        output.writesUntilNotReady = 1;
        writer.write(buffers("a", "b"), callback);
        IOException reset = new IOException("connection reset");

        writer.onError(reset);

        assertSame(reset, callback.failure);
        assertSame(reset, reported.get());
    }

    @Test
    void aSecondWriteWhileOneIsOutstandingIsABug() {
        start();
        output.writesUntilNotReady = 1;
        writer.write(buffers("a", "b"), callback);

        IllegalStateException thrown = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                () -> writer.write(buffers("c"), new Callback()));
        assertEquals("A write is outstanding; the engine waits for its callback", thrown.getMessage());
        assertNull(callback.failure);
    }

    private void start() {
        output.setWriteListener(writer);
        writer.onWritePossible();
    }

    private String written() {
        return output.written.toString(StandardCharsets.US_ASCII);
    }

    private static ByteBuffer[] buffers(String... parts) {
        ByteBuffer[] buffers = new ByteBuffer[parts.length];
        for (int i = 0; i < parts.length; i++) {
            buffers[i] = ByteBuffer.wrap(parts[i].getBytes(StandardCharsets.US_ASCII));
        }
        return buffers;
    }

    private static final class ReadSide implements UpgradeWriter.ReadSide {
        int parked;
        int writePossibleHandled;

        @Override
        public void writeParked() {
            parked++;
        }

        @Override
        public void writePossibleHandled() {
            writePossibleHandled++;
        }
    }

    private static final class Callback implements WriteCallback {
        boolean completed;
        Throwable failure;

        boolean done() {
            return completed || failure != null;
        }

        @Override
        public void completed() {
            completed = true;
        }

        @Override
        public void failed(Throwable cause) {
            failure = cause;
        }
    }
}
