package dev.tideway.websocket.servlet;

import dev.tideway.websocket.protocol.BufferPool;
import dev.tideway.websocket.protocol.WebSocketConnection;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * The inbound half of an upgraded connection: reads the container's non-blocking
 * {@link ServletInputStream} while it is ready and feeds the bytes to {@link WebSocketConnection#onRead}.
 *
 * <p>One reader at a time. Two kinds of thread read: the container's, in {@link #onDataAvailable()}, and
 * the executor's, after {@link #resume()}. Whichever finds the loop taken leaves a signal for the thread
 * that has it, which then reads on before it lets go; so bytes are fed in order, from one thread at a time,
 * and a wake-up is never lost.
 *
 * <p>Pausing stops the loop after the current {@code onRead}; the bytes the engine left are kept, with
 * their buffer, until resumed. Resuming must read again itself, on the executor: the container calls
 * {@code onDataAvailable} only after {@code isReady()} returned false, which a paused loop may never have
 * seen.
 *
 * <p>Buffers come from the pool and go back when the loop stops with nothing left in them, so an idle
 * connection holds none.
 */
final class UpgradeReader implements ReadListener {
    private final ServletInputStream input;
    private final BufferPool pool;
    private final int bufferSize;
    private final Executor executor;
    private final Runnable readLoop = this::readLoop;
    private volatile WebSocketConnection connection;

    // guarded by this
    /** A thread owns the read loop. */
    private boolean reading;
    private boolean paused;
    /** Data was announced, or reading resumed, while another thread owned the loop. */
    private boolean signalled;
    private boolean closed;
    /** Owned by the reading thread while it reads; kept between loops only while it holds unread bytes. */
    private ByteBuffer buffer;

    UpgradeReader(ServletInputStream input, UpgradeResources resources) {
        this.input = input;
        this.pool = resources.bufferPool();
        this.bufferSize = resources.readBufferSize();
        this.executor = resources.executor();
    }

    /** Feeds {@code connection} from now on: registers with the container, which then calls back. */
    void start(WebSocketConnection connection) {
        this.connection = connection;
        input.setReadListener(this);
    }

    @Override
    public void onDataAvailable() {
        if (enterLoop()) {
            readLoop();
        }
    }

    @Override
    public void onAllDataRead() {
        connection.onReadEof();
    }

    @Override
    public void onError(Throwable failure) {
        connection.onTransportFailure(failure);
    }

    /** Stops feeding the engine after the current {@code onRead}. Any thread. */
    synchronized void pause() {
        paused = true;
    }

    /** Feeds the engine again, first what it left unread; never on the calling thread. Any thread. */
    void resume() {
        synchronized (this) {
            paused = false;
            if (closed) {
                return;
            }
            if (reading) {
                signalled = true; // the reading thread goes on
                return;
            }
            reading = true;
        }
        try {
            executor.execute(readLoop);
        } catch (RejectedExecutionException e) {
            synchronized (this) {
                reading = false;
            }
            connection.onTransportFailure(e);
        }
    }

    /** Stops reading for good; the loop, if running, stops after its current {@code onRead}. */
    void close() {
        synchronized (this) {
            closed = true;
            if (!reading) {
                releaseBuffer();
            }
        }
    }

    /** Takes the loop for the container's thread, or leaves a signal for the thread that has it. */
    private synchronized boolean enterLoop() {
        if (reading) {
            signalled = true;
            return false;
        }
        if (paused || closed) {
            return false; // resume() reads
        }
        reading = true;
        return true;
    }

    /** Runs on the thread that owns the loop until the stream runs dry, reading pauses, or it ends. */
    private void readLoop() {
        WebSocketConnection engine = connection;
        try {
            while (mayGoOn()) {
                if (buffer != null && buffer.hasRemaining()) {
                    engine.onRead(buffer); // first what a pause left
                } else if (!input.isReady()) {
                    if (leaveUnlessSignalled()) {
                        return; // the container calls onDataAvailable when more arrives
                    }
                } else if (readChunk() < 0) {
                    leave();
                    engine.onReadEof();
                    return;
                } else {
                    engine.onRead(buffer);
                }
            }
        } catch (IOException | RuntimeException e) {
            leave();
            engine.onTransportFailure(e);
        }
    }

    /** Reads once into the (pooled) buffer; the count, or -1 at the end of the stream. */
    private int readChunk() throws IOException {
        if (buffer == null) {
            buffer = pool.acquire(bufferSize);
        }
        buffer.clear();
        int count = input.read(buffer.array(), buffer.arrayOffset(), buffer.capacity());
        buffer.limit(Math.max(count, 0));
        return count;
    }

    /** Whether the loop goes on; when paused or closed, the owner lets go of it. */
    private synchronized boolean mayGoOn() {
        if (!paused && !closed) {
            return true;
        }
        reading = false;
        signalled = false;
        if (closed || buffer == null || !buffer.hasRemaining()) {
            releaseBuffer();
        }
        return false;
    }

    /** The stream ran dry; lets go of the loop unless a signal came meanwhile. */
    private synchronized boolean leaveUnlessSignalled() {
        if (signalled) {
            signalled = false;
            return false;
        }
        leave();
        return true;
    }

    private synchronized void leave() {
        reading = false;
        signalled = false;
        releaseBuffer();
    }

    private void releaseBuffer() {
        if (buffer != null) {
            pool.release(buffer);
            buffer = null;
        }
    }
}
