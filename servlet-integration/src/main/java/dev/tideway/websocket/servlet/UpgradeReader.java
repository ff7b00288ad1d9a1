package dev.tideway.websocket.servlet;

import dev.tideway.websocket.protocol.BufferPool;
import dev.tideway.websocket.protocol.WebSocketConnection;
import dev.tideway.websocket.servlet.ReadDispatch.Strategy;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * The inbound half of an upgraded connection: reads the container's non-blocking
 * {@link ServletInputStream} and feeds the bytes, in order, to {@link WebSocketConnection#onRead}.
 *
 * <p>Bytes go through a short queue of pooled chunks: a thread that {@linkplain Step#READ reads} appends
 * a chunk, the thread that owns the loop {@linkplain Step#FEED feeds} the first one to the engine. One
 * thread at a time owns the loop, so the engine is fed from one thread at a time; pausing stops the feeding
 * after the current {@code onRead}, and the engine's leftovers stay at the head of the queue.
 *
 * <p>Who may touch the stream depends on the container ({@link ReadDispatch}):
 * <ul>
 *   <li>{@link Strategy#SPEC}: the owner reads, whichever thread it is. Resuming hands the loop to the
 *   executor, which reads on: the container calls {@code onDataAvailable} only after {@code isReady()}
 *   returned false, which a paused loop may never have seen. A container call while another thread owns
 *   the loop leaves a signal for it instead.</li>
 *   <li>{@link Strategy#REDISPATCH}: only container threads read, since the container may call at any
 *   time and touches its own buffer first. Resuming lets an executor feed only what is queued. Every
 *   container callback leaves after {@code isReady()} returned false, so that the next one comes when data
 *   does: while paused it reads ahead into the queue, at most {@value #READ_AHEAD_CHUNKS} chunks; when those
 *   are full it {@linkplain Step#HOLD holds} the container thread until reading resumes, as returning with
 *   data left in the container would stall the connection (no further call may come) or, on Tomcat, have
 *   it called again at once. A held thread gives way, within {@link #GIVE_WAY_NANOS}, to a write that
 *   waits for {@code onWritePossible} (the container runs one callback of a connection at a time), and
 *   reading is taken up again at the end of that {@code onWritePossible} ({@link #writePossibleHandled}).</li>
 * </ul>
 * A connection starts with its container's strategy and switches to REDISPATCH when a container call
 * arrives that a specification-keeping container would not have made.
 *
 * <p>Chunks go back to the pool as they are consumed, so an idle connection holds none.
 */
final class UpgradeReader implements ReadListener, UpgradeWriter.ReadSide {
    /** Chunks a paused connection reads ahead on a container thread before holding it (REDISPATCH). */
    static final int READ_AHEAD_CHUNKS = 4;
    /**
     * How long a held container thread stays while a write is parked. It must return for the write's
     * {@code onWritePossible} to run, but that comes only once the peer reads; returning at once would
     * have Tomcat call again at once, as long as the peer sends and does not read. So it returns at this
     * pace: about a hundred callbacks a second at most, and a write waits at most this long for it.
     */
    static final long GIVE_WAY_NANOS = TimeUnit.MILLISECONDS.toNanos(10);

    /** What the thread at hand does next; decided under the lock, done outside it. */
    private enum Step {
        /** Give the first queued chunk to the engine (the owner). */
        FEED,
        /** Ask {@code isReady()} and read one chunk into the queue. */
        READ,
        /** Report the end of the input, after the last chunk (the owner, once). */
        END_OF_INPUT,
        /** Wait on this container thread for reading to resume (REDISPATCH, read-ahead full). */
        HOLD,
        /** As {@link #HOLD}, but a write is parked: give the thread back after {@link #GIVE_WAY_NANOS}. */
        HOLD_BRIEFLY,
        /** Return. */
        LEAVE
    }

    private final ServletInputStream input;
    private final BufferPool pool;
    private final int chunkSize;
    private final Executor executor;
    private final ReadDispatch dispatch;
    private final BooleanSupplier writeParked;
    private final Runnable executorRun = () -> run(false);
    private volatile WebSocketConnection connection;

    // guarded by this
    private Strategy strategy;
    /** The thread that feeds the engine, or null. */
    private Thread owner;
    private boolean ownerIsContainer;
    /** resumeReading() gave the loop to the executor, which has not run yet. */
    private boolean handedToExecutor;
    private boolean paused;
    /** setReadListener has returned: from now on the stream may be asked, also from resume(). */
    private boolean listening;
    private boolean closed;
    /** SPEC: data was announced, or reading resumed, while the owner was busy: it must not leave yet. */
    private boolean signalled;
    /** A specification-keeping container may call onDataAvailable now (no isReady() true since). */
    private boolean callbackExpected = true;
    /** A thread is inside isReady() or read(): no other may touch the stream. */
    private boolean streamBusy;
    /** REDISPATCH: a container callback gave way to a parked write before it saw isReady() false. */
    private boolean inputOwed;
    /** Container threads waiting in {@link Step#HOLD}. */
    private int holding;
    /** The input ended; reported to the engine after the queued chunks, once. */
    private boolean ended;
    private boolean endReported;
    private long dataAvailableCalls;
    /** Read and not yet consumed, in order; the first may be partly consumed. */
    private final ArrayDeque<ByteBuffer> chunks = new ArrayDeque<>(READ_AHEAD_CHUNKS + 2);

    /**
     * @param writeParked whether a write of this connection waits for {@code onWritePossible}
     */
    UpgradeReader(ServletInputStream input, UpgradeResources resources, BooleanSupplier writeParked) {
        this.input = input;
        this.pool = resources.bufferPool();
        this.chunkSize = resources.readBufferSize();
        this.executor = resources.executor();
        this.dispatch = resources.readDispatch();
        this.strategy = dispatch.strategy();
        this.writeParked = writeParked;
    }

    /** Feeds {@code connection} from now on: registers with the container, which then calls back. */
    void start(WebSocketConnection connection) {
        synchronized (this) {
            this.connection = connection;
        }
        input.setReadListener(this);
        synchronized (this) {
            listening = true;
        }
    }

    @Override
    public void onDataAvailable() {
        synchronized (this) {
            dataAvailableCalls++;
            if (strategy == Strategy.SPEC && !callbackExpected) {
                strategy = Strategy.REDISPATCH;
                dispatch.redispatchObserved();
            }
            callbackExpected = false;
        }
        run(true);
    }

    @Override
    public void onAllDataRead() {
        synchronized (this) {
            ended = true;
        }
        run(true);
    }

    @Override
    public void onError(Throwable failure) {
        connection.onTransportFailure(failure);
    }

    @Override
    public synchronized void writeParked() {
        notifyAll(); // a held container thread gives way
    }

    @Override
    public void writePossibleHandled() {
        boolean owed;
        synchronized (this) {
            owed = inputOwed;
        }
        if (owed) {
            run(true);
        }
    }

    /** Stops feeding the engine after the current {@code onRead}. Any thread. */
    synchronized void pause() {
        paused = true;
    }

    /** Feeds the engine again, first what it left unread; never on the calling thread. Any thread. */
    void resume() {
        synchronized (this) {
            paused = false;
            notifyAll(); // a held container thread takes the loop
            if (!listening || closed || holding > 0) {
                // not started yet (a session resumes after onOpen, maybe before setReadListener returned:
                // Jetty refuses the listener once isReady() was asked): the container will call
                return;
            }
            if (owner != null || handedToExecutor) {
                signalled = true;
                return;
            }
            if (strategy == Strategy.REDISPATCH && chunks.isEmpty() && !ended) {
                return; // nothing read is waiting; the container calls when data comes
            }
            handedToExecutor = true;
        }
        try {
            executor.execute(executorRun);
        } catch (RejectedExecutionException e) {
            synchronized (this) {
                handedToExecutor = false;
            }
            connection.onTransportFailure(e);
        }
    }

    /** Stops reading for good; the owner, if any, stops after its current step. */
    synchronized void close() {
        closed = true;
        notifyAll();
        releaseIfIdle();
    }

    /** Container calls of {@code onDataAvailable} so far (for tests and diagnostics). */
    synchronized long dataAvailableCalls() {
        return dataAvailableCalls;
    }

    /** Runs steps on the calling thread until one says {@link Step#LEAVE}. */
    private void run(boolean container) {
        if (container && !enterFromContainer()) {
            return;
        }
        WebSocketConnection engine = connection;
        ByteBuffer spare = null; // a chunk this thread consumed or read nothing into, kept for its next read
        boolean reading = false;
        try {
            while (true) {
                Step step;
                ByteBuffer head = null;
                synchronized (this) {
                    step = hold(nextStep(container), container);
                    head = step == Step.FEED ? chunks.peekFirst() : null;
                }
                if (step == Step.FEED) {
                    engine.onRead(head);
                    spare = consumed(head, spare);
                } else if (step == Step.READ) {
                    reading = true;
                    boolean ready = input.isReady();
                    ByteBuffer chunk = null;
                    int count = 0;
                    if (ready) {
                        chunk = spare != null ? spare : pool.acquire(chunkSize);
                        spare = null;
                        count = input.read(chunk.array(), chunk.arrayOffset(), chunk.capacity());
                    }
                    reading = false;
                    if (!queue(ready, chunk, count)) {
                        return;
                    }
                    if (chunk != null && count <= 0) {
                        spare = chunk; // nothing went into it
                    }
                } else {
                    if (step == Step.END_OF_INPUT) {
                        engine.onReadEof();
                    }
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // the container is shutting down: give its thread back
            leave(reading);
        } catch (IOException | RuntimeException e) {
            leave(reading);
            engine.onTransportFailure(e);
        } finally {
            if (spare != null) {
                pool.release(spare);
            }
        }
    }

    /** Waits while {@code step} says to hold; the step to take once it no longer does. */
    private Step hold(Step step, boolean container) throws InterruptedException {
        boolean briefly = false;
        long giveWayAt = 0;
        while (step == Step.HOLD || step == Step.HOLD_BRIEFLY) {
            holding++;
            try {
                if (step == Step.HOLD) {
                    briefly = false;
                    wait(); // until notified: resumed, closed, a chunk consumed, a write parked...
                } else {
                    long now = System.nanoTime();
                    if (!briefly) {
                        briefly = true;
                        giveWayAt = now + GIVE_WAY_NANOS;
                    } else if (now - giveWayAt >= 0) {
                        inputOwed = true; // the parked write's onWritePossible brings a container thread back
                        return Step.LEAVE;
                    }
                    TimeUnit.NANOSECONDS.timedWait(this, giveWayAt - now);
                }
            } finally {
                holding--;
            }
            step = nextStep(container);
        }
        return step;
    }

    /**
     * A container thread arrives. False when it is the thread that owns the loop, called back from inside
     * one of its own steps (from within {@code isReady()}, say): that run goes on and reads again.
     */
    private synchronized boolean enterFromContainer() {
        inputOwed = false;
        if (owner == Thread.currentThread()) {
            signalled = true;
            return false;
        }
        return true;
    }

    /** The state machine: what the calling thread does next. */
    private Step nextStep(boolean container) {
        Thread me = Thread.currentThread();
        if (!container && handedToExecutor) {
            handedToExecutor = false;
            claim(me, false);
        }
        if (closed) {
            release();
            return Step.LEAVE;
        }
        if (owner == null && !handedToExecutor && !paused && container) {
            claim(me, true);
        }
        if (owner == me) {
            if (!paused) {
                if (!chunks.isEmpty()) {
                    return Step.FEED;
                }
                if (ended) {
                    release();
                    if (endReported) {
                        return Step.LEAVE;
                    }
                    endReported = true;
                    return Step.END_OF_INPUT;
                }
                if (container || strategy == Strategy.SPEC) {
                    return startRead();
                }
                release(); // REDISPATCH executor: the container calls when there is more
                return Step.LEAVE;
            }
            release();
            if (!container || strategy == Strategy.SPEC) {
                callbackExpected = false; // left without isReady() false: a SPEC container will not call
                return Step.LEAVE;        // resume() goes on
            }
        }
        if (strategy == Strategy.SPEC || !container) {
            if (owner != null || handedToExecutor) {
                signalled = true;
            }
            return Step.LEAVE;
        }
        // REDISPATCH, a container thread, and the loop is paused or fed by the executor: read ahead
        if ((owner != null && ownerIsContainer) || ended) {
            return Step.LEAVE;
        }
        if (!streamBusy && chunks.size() < READ_AHEAD_CHUNKS) {
            return startRead();
        }
        return !streamBusy && writeParked.getAsBoolean() ? Step.HOLD_BRIEFLY : Step.HOLD;
    }

    private void claim(Thread thread, boolean container) {
        owner = thread;
        ownerIsContainer = container;
    }

    private Step startRead() {
        streamBusy = true;
        callbackExpected = true; // if isReady() says false, the container will call
        return Step.READ;
    }

    /**
     * After a {@link Step#READ}: queues the {@code count} bytes read into {@code chunk}, or notes the end
     * of the input. Returns false when the stream was not ready and the thread leaves.
     */
    private synchronized boolean queue(boolean ready, ByteBuffer chunk, int count) {
        streamBusy = false;
        notifyAll(); // a held container thread may read now
        if (!ready) {
            if (owner == Thread.currentThread() && (signalled || ended)) {
                signalled = false; // SPEC: data, or the end, was announced while isReady() was asked
                return true;
            }
            release();
            return false;
        }
        if (count > 0) {
            chunk.position(0).limit(count);
            chunks.addLast(chunk);
        } else if (count < 0) {
            ended = true;
        }
        return true;
    }

    /** The engine returned from {@code onRead(head)}: drops the chunk if it consumed it all. */
    private ByteBuffer consumed(ByteBuffer head, ByteBuffer spare) {
        synchronized (this) {
            if (head.hasRemaining() || chunks.peekFirst() != head) {
                return spare;
            }
            chunks.removeFirst();
            notifyAll(); // room to read ahead
        }
        if (spare == null) {
            return head;
        }
        pool.release(head);
        return spare;
    }

    /** The calling thread lets go of the loop, if it had it. */
    private void release() {
        if (owner == Thread.currentThread()) {
            owner = null;
            ownerIsContainer = false;
            signalled = false;
            notifyAll(); // a held container thread may take over
        }
        releaseIfIdle();
    }

    /** After a failure: lets go of the stream, if this thread was in it, and of the loop. */
    private synchronized void leave(boolean reading) {
        if (reading) {
            streamBusy = false;
            notifyAll();
        }
        release();
    }

    /** Once closed and no thread uses them, the queued chunks go back to the pool. */
    private void releaseIfIdle() {
        if (closed && owner == null && !handedToExecutor && !streamBusy) {
            ByteBuffer chunk;
            while ((chunk = chunks.pollFirst()) != null) {
                pool.release(chunk);
            }
        }
    }
}
