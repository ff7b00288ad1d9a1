package dev.tideway.websocket.servlet;

import dev.tideway.websocket.protocol.BufferPool;
import dev.tideway.websocket.protocol.WriteCallback;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.util.function.Consumer;

/**
 * The outbound half of an upgraded connection: writes the engine's buffers to the container's
 * non-blocking {@link ServletOutputStream}, one write outstanding at a time.
 *
 * <p>Servlet non-blocking output allows a write only after {@code isReady()} returned true, and once it
 * returned false, only after the container called {@link #onWritePossible()}. So a write goes on while
 * the stream is ready, is parked when it is not, and is continued by {@code onWritePossible}, on whichever
 * thread the container calls it. Its callback completes once every byte was accepted, the stream flushed
 * and {@code isReady()} is true again: only then has the container sent (or at least taken over) the
 * bytes, so a slow peer holds the callback back, and through it the engine's queue, which is bounded. It
 * also means the engine's buffers, which some containers write from after {@code write} returned, are not
 * given back before the container is done with them.
 *
 * <p>Writing starts only at the container's first {@code onWritePossible}: some containers (Tomcat) throw
 * from {@code isReady()} until the write listener is set, and what the engine sends while it is being
 * built must wait for that.
 *
 * <p>Thread-safe: {@link #write} may be called from any thread while the container calls the listener
 * methods on its own; a lock hands the stream from one thread to the next, so only one writes at a time.
 *
 * <p>The {@link ReadSide} of the same connection hears when a write parks and when an
 * {@code onWritePossible} is over: containers run a connection's callbacks one at a time, so a container
 * thread that the reader keeps while it is paused must be given back for the parked write to go on.
 */
final class UpgradeWriter implements WriteListener {
    /** What the read side of the connection needs to know of the writer's use of container threads. */
    interface ReadSide {
        /** A write waits for {@code onWritePossible}: a container thread held by the reader must return. */
        void writeParked();

        /** {@code onWritePossible} is done with the container's thread, which the reader may use now. */
        void writePossibleHandled();
    }
    /**
     * Largest piece of a direct or read-only buffer copied to a heap buffer for one {@code write(byte[])},
     * where the container has no {@code write(ByteBuffer)} of its own ({@link ByteBufferWrite}).
     */
    static final int STAGING_SIZE = 16 * 1024;

    private enum State {
        /** Waiting for the container's {@code onWritePossible}: at first, and after {@code isReady()} said false. */
        AWAITING_CONTAINER,
        /** The stream is free and ready: a write may start on the caller's thread. */
        IDLE,
        /** A thread is writing; no other may. */
        WRITING,
        /** Closed or failed: writes fail at once. */
        CLOSED
    }

    private final ServletOutputStream output;
    /** Buffers without an array go to the container as they are (Servlet 6.1), not through a heap copy. */
    private final boolean writesByteBuffers;
    private final BufferPool pool;
    private final Consumer<Throwable> failureReport;
    private final ReadSide readSide;

    // guarded by this
    private State state = State.AWAITING_CONTAINER;
    /** {@code onWritePossible} came while another thread was writing: that thread must not park. */
    private boolean writePossibleSignalled;
    private ByteBuffer[] buffers;
    private WriteCallback callback;

    // used only by the thread that is WRITING
    private int index;
    private boolean flushed;
    private ByteBuffer staging;

    UpgradeWriter(ServletOutputStream output, BufferPool pool, Consumer<Throwable> failureReport,
                  ReadSide readSide) {
        this.output = output;
        this.writesByteBuffers = ByteBufferWrite.isSupportedBy(output);
        this.pool = pool;
        this.failureReport = failureReport;
        this.readSide = readSide;
    }

    /** Whether a write waits for the container's {@code onWritePossible}. */
    synchronized boolean hasParkedWrite() {
        return state == State.AWAITING_CONTAINER && callback != null;
    }

    /** Starts writing {@code buffers}; see the class comment for when {@code callback} is told. */
    void write(ByteBuffer[] buffers, WriteCallback callback) {
        State found;
        synchronized (this) {
            if (this.callback != null) {
                throw new IllegalStateException("A write is outstanding; the engine waits for its callback");
            }
            found = state;
            if (found != State.CLOSED) {
                this.buffers = buffers;
                this.callback = callback;
                index = 0;
                flushed = false;
                if (found == State.IDLE) {
                    state = State.WRITING;
                }
            }
        }
        // WRITING is not found here: it lasts exactly as long as an outstanding write
        if (found == State.IDLE) {
            drain();
        } else if (found == State.AWAITING_CONTAINER) {
            readSide.writeParked(); // onWritePossible continues
        } else {
            callback.failed(new ClosedChannelException());
        }
    }

    @Override
    public void onWritePossible() {
        try {
            continueParkedWrite();
        } finally {
            readSide.writePossibleHandled();
        }
    }

    private void continueParkedWrite() {
        synchronized (this) {
            switch (state) {
                case WRITING -> {
                    writePossibleSignalled = true;
                    return;
                }
                case AWAITING_CONTAINER -> {
                    if (callback == null) {
                        state = State.IDLE;
                        return;
                    }
                    state = State.WRITING;
                }
                case IDLE, CLOSED -> {
                    return; // nothing parked
                }
            }
        }
        drain();
    }

    @Override
    public void onError(Throwable failure) {
        fail(failure);
        failureReport.accept(failure);
    }

    /** Fails a parked write, and every later one. A write in progress fails or completes on its thread. */
    void close() {
        WriteCallback parked = null;
        synchronized (this) {
            if (state == State.CLOSED) {
                return;
            }
            if (state != State.WRITING) {
                parked = endWrite();
            }
            state = State.CLOSED;
        }
        if (parked != null) {
            parked.failed(new ClosedChannelException());
        }
    }

    /** Writes while the stream is ready; the calling thread is the one WRITING. */
    private void drain() {
        try {
            while (true) {
                if (isClosed()) {
                    fail(new ClosedChannelException());
                    return;
                }
                if (!output.isReady()) {
                    if (park()) {
                        readSide.writeParked();
                        return;
                    }
                } else if (index < buffers.length) {
                    writeSome(buffers[index]);
                } else if (!flushed) {
                    output.flush(); // some containers (Jetty) aggregate small writes until a flush
                    flushed = true;
                } else {
                    break; // accepted, flushed, and isReady() is true again
                }
            }
        } catch (IOException | RuntimeException e) {
            fail(e);
            failureReport.accept(e);
            return;
        }
        complete();
    }

    /** Writes from the current buffer, and moves on to the next when it is done. */
    private void writeSome(ByteBuffer buffer) throws IOException {
        if (!buffer.hasRemaining()) {
            index++;
        } else if (buffer.hasArray()) {
            output.write(buffer.array(), buffer.arrayOffset() + buffer.position(), buffer.remaining());
            buffer.position(buffer.limit());
            index++;
        } else if (writesByteBuffers) {
            ByteBufferWrite.write(output, buffer); // the container sets the position once isReady() is true
            index++;
        } else {
            // a direct or read-only buffer goes through a heap copy; isReady() was true, so the container
            // is done with the copy's previous content
            if (staging == null) {
                staging = pool.acquire(Math.min(buffer.remaining(), STAGING_SIZE));
            }
            int length = Math.min(buffer.remaining(), staging.capacity());
            buffer.get(staging.array(), staging.arrayOffset(), length);
            output.write(staging.array(), staging.arrayOffset(), length);
        }
    }

    /** After {@code isReady()} said false: waits for {@code onWritePossible}, unless it already came. */
    private synchronized boolean park() {
        if (writePossibleSignalled) {
            writePossibleSignalled = false;
            return false;
        }
        if (state == State.WRITING) {
            state = State.AWAITING_CONTAINER;
        }
        return true;
    }

    private synchronized boolean isClosed() {
        return state == State.CLOSED;
    }

    private void complete() {
        WriteCallback done;
        synchronized (this) {
            if (staging != null) {
                pool.release(staging); // isReady() is true: the container no longer reads it
                staging = null;
            }
            done = endWrite();
            writePossibleSignalled = false;
            if (state == State.WRITING) {
                state = State.IDLE;
            }
        }
        done.completed(); // outside the lock: the engine's next write may start from here
    }

    private void fail(Throwable failure) {
        WriteCallback failed;
        synchronized (this) {
            failed = endWrite();
            state = State.CLOSED;
        }
        if (failed != null) {
            failed.failed(failure);
        }
    }

    /**
     * Ends the current write: the buffers go back to the engine. A staging copy still referenced by a
     * failed container write is dropped rather than pooled, where another connection could overwrite it.
     */
    private WriteCallback endWrite() {
        WriteCallback ended = callback;
        callback = null;
        buffers = null;
        staging = null;
        return ended;
    }
}
