package dev.tideway.websocket.protocol;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * A transport over memory: records every write (as one gathering write each) and completes it at once,
 * or, with {@link #holdWrites(boolean)}, only when the test says so, to play a slow peer. Also records how
 * many bytes had been written when the connection was closed, and whether anything was written after, so
 * that a test can check that a close frame left before the TCP connection was closed.
 */
final class RecordingTransport implements Transport {
    private final ByteArrayOutputStream written = new ByteArrayOutputStream();
    private final List<WriteCallback> pendingCallbacks = new ArrayList<>();
    private int writeCalls;
    private long totalWritten;
    private long writtenAtClose = -1;
    private int writesAfterClose;
    private boolean holdWrites;
    private boolean paused;
    private boolean closed;

    @Override
    public synchronized void write(ByteBuffer[] buffers, WriteCallback callback) {
        writeCalls++;
        if (closed) {
            writesAfterClose++;
        }
        for (ByteBuffer buffer : buffers) {
            byte[] bytes = new byte[buffer.remaining()];
            buffer.get(bytes);
            written.writeBytes(bytes);
            totalWritten += bytes.length;
        }
        if (holdWrites) {
            pendingCallbacks.add(callback);
            return;
        }
        callback.completed();
    }

    /** When held, writes are recorded but their callbacks wait for {@link #completeWrites()}. */
    synchronized void holdWrites(boolean hold) {
        this.holdWrites = hold;
    }

    void completeWrites() {
        List<WriteCallback> callbacks;
        synchronized (this) {
            callbacks = new ArrayList<>(pendingCallbacks);
            pendingCallbacks.clear();
        }
        callbacks.forEach(WriteCallback::completed);
    }

    /** Everything written so far, and forgets it. */
    synchronized byte[] takeWritten() {
        byte[] bytes = written.toByteArray();
        written.reset();
        return bytes;
    }

    synchronized int writeCalls() {
        return writeCalls;
    }

    @Override
    public synchronized void pauseReading() {
        paused = true;
    }

    @Override
    public synchronized void resumeReading() {
        paused = false;
    }

    synchronized boolean paused() {
        return paused;
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            writtenAtClose = totalWritten;
        }
        closed = true;
    }

    /** Bytes written since the transport was created, taken or not. */
    synchronized long totalWritten() {
        return totalWritten;
    }

    /** Bytes written when {@link #close()} was first called, or -1 while open. */
    synchronized long writtenAtClose() {
        return writtenAtClose;
    }

    /** Writes attempted after {@link #close()}: a transport would fail them. */
    synchronized int writesAfterClose() {
        return writesAfterClose;
    }

    synchronized boolean closed() {
        return closed;
    }
}
