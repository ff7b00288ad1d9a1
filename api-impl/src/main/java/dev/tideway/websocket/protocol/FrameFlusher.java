package dev.tideway.websocket.protocol;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * The outbound queue of one connection: frames wait here in wire order and leave in gathering writes, at
 * most one write outstanding at a time.
 *
 * <p>Coalescing: every frame queued while a write is outstanding, or while the queue is {@linkplain #hold()
 * held}, leaves in the next write. Headers and small payloads are copied side by side into one pooled
 * buffer, so a burst of small messages costs one buffer and one system call; a large payload is written
 * from its own buffer, next to its header (a client's is first copied masked, since a caller's bytes must
 * not change).
 *
 * <p>Thread-safe: frames may be queued from any thread. Write callbacks run outside the lock, on the thread
 * that completes the write.
 */
final class FrameFlusher {
    /** Payloads up to this size are copied next to their header; larger ones are written in place. */
    static final int COPY_THRESHOLD = 4096;
    /** Upper bound on the pooled buffer one write gathers small frames into. */
    static final int MAX_GATHER_BUFFER = 64 * 1024;

    private final Transport transport;
    private final FrameGenerator generator;
    private final BufferPool pool;
    private final boolean masking;
    private final WriteCallback batchCallback = new BatchCallback();

    private final ArrayDeque<Entry> queue = new ArrayDeque<>();
    private final ArrayDeque<Entry> spareEntries = new ArrayDeque<>();
    /** What the outstanding write carries: the frames, and the pooled buffers to give back after. */
    private List<Entry> inFlight = new ArrayList<>();
    /** The other half of {@link #inFlight}'s double buffer; null while its frames are being reported. */
    private List<Entry> spareInFlight = new ArrayList<>();
    private final List<ByteBuffer> inFlightPooled = new ArrayList<>();
    /** The pieces of the write being prepared, and the array the last write handed over (reused). */
    private final List<ByteBuffer> pieces = new ArrayList<>(4);
    private ByteBuffer[] writeArray;

    private long queuedBytes;
    private int holds;
    private boolean writing;
    private boolean inWriteCall;
    private boolean completedDuringWriteCall;
    private boolean forcePending;
    private Throwable failure;

    FrameFlusher(Transport transport, FrameGenerator generator, BufferPool pool, Role role) {
        this.transport = transport;
        this.generator = generator;
        this.pool = pool;
        this.masking = role.masksOutbound();
    }

    /**
     * Queues one frame. The flusher takes over {@code payload}'s position and limit (pass a duplicate of a
     * buffer that others still read). Fails the callback at once when the flusher has failed.
     */
    void enqueue(boolean fin, int rsv, int opcode, ByteBuffer payload, WriteCallback callback) {
        enqueue(fin, rsv, opcode, payload, false, callback);
    }

    /** Queues bytes that already form whole frames (a prepared broadcast message): written as they are. */
    void enqueueEncoded(ByteBuffer frames, WriteCallback callback) {
        enqueue(false, 0, 0, frames, true, callback);
    }

    private void enqueue(boolean fin, int rsv, int opcode, ByteBuffer payload, boolean encoded,
                         WriteCallback callback) {
        Throwable failedWith;
        synchronized (this) {
            failedWith = failure;
            if (failedWith == null) {
                Entry entry = spareEntries.isEmpty() ? new Entry() : spareEntries.poll();
                entry.set(fin, rsv, opcode, payload, encoded, callback);
                queue.add(entry);
                queuedBytes += payload.remaining();
            }
        }
        if (failedWith != null) {
            callback.failed(asIOException(failedWith));
        }
    }

    /** Payload bytes queued or being written. */
    synchronized long queuedBytes() {
        return queuedBytes;
    }

    /** Holds writes back until as many {@link #release()} calls, so that frames queued meanwhile coalesce. */
    synchronized void hold() {
        holds++;
    }

    /** Ends one {@link #hold()} and writes what was queued under it, if no other hold remains. */
    void release() {
        synchronized (this) {
            if (holds == 0) {
                throw new IllegalStateException("release() without hold()");
            }
            holds--;
        }
        flush(false);
    }

    /** Starts writing what is queued, unless a write is outstanding or, when not forced, writes are held. */
    void flush(boolean evenIfHeld) {
        for (;;) {
            ByteBuffer[] buffers;
            synchronized (this) {
                if (failure != null || queue.isEmpty()) {
                    return;
                }
                // inWriteCall: a thread is inside transport.write and will loop over what is queued
                if (writing || inWriteCall) {
                    forcePending |= evenIfHeld; // the write after this one must not wait for the hold
                    return;
                }
                if (holds > 0 && !evenIfHeld && !forcePending) {
                    return;
                }
                forcePending = false;
                writing = true;
                inWriteCall = true;
                completedDuringWriteCall = false;
                buffers = prepareWrite();
            }
            transport.write(buffers, batchCallback);
            synchronized (this) {
                inWriteCall = false;
                if (!completedDuringWriteCall) {
                    return; // the callback will flush what queued meanwhile
                }
            }
            // the write completed inside transport.write: loop instead of recursing
        }
    }

    /** Fails every queued and outstanding frame, and every later one. Idempotent. */
    void fail(Throwable cause) {
        List<Entry> failed = new ArrayList<>();
        synchronized (this) {
            if (failure != null) {
                return;
            }
            failure = cause;
            // frames of an outstanding write are reported when it completes (the transport always calls back)
            failed.addAll(queue);
            queue.clear();
            queuedBytes = 0;
        }
        IOException exception = asIOException(cause);
        for (Entry entry : failed) {
            entry.callback.failed(exception);
        }
    }

    /** Moves queued frames into one gathering write. Called under the lock. */
    private ByteBuffer[] prepareWrite() {
        pieces.clear();
        ByteBuffer gather = acquire(gatherSizeWanted());
        int pieceStart = 0;
        while (!queue.isEmpty() && queue.peek().gatherBytes() <= gather.remaining()) {
            Entry entry = queue.poll();
            inFlight.add(entry);
            pieceStart = addFrame(entry, gather, pieceStart, pieces);
        }
        if (pieceStart == 0 && pieces.isEmpty()) {
            pieces.add(gather.flip()); // the common case: everything fitted in one buffer, no view needed
        } else {
            closePiece(pieces, gather, pieceStart);
        }
        if (writeArray == null || writeArray.length != pieces.size()) {
            writeArray = new ByteBuffer[pieces.size()]; // one write at a time: the last array is free again
        }
        return pieces.toArray(writeArray);
    }

    /**
     * Writes one frame into the write: its header (and, when small, its payload) into {@code gather};
     * a large payload becomes a piece of its own. Returns where the gather buffer's next piece starts.
     */
    private int addFrame(Entry entry, ByteBuffer gather, int gatherStart, List<ByteBuffer> pieces) {
        ByteBuffer payload = entry.payload;
        int length = payload.remaining();
        if (entry.encoded) {
            if (length <= COPY_THRESHOLD) {
                gather.put(payload);
                return gatherStart;
            }
            int next = closePiece(pieces, gather, gatherStart);
            pieces.add(payload);
            return next;
        }
        int key = generator.writeHeader(gather, entry.fin, entry.rsv, entry.opcode, length);
        if (length <= COPY_THRESHOLD) {
            if (masking) {
                Masker.maskCopy(payload, gather, key, 0);
            } else {
                gather.put(payload);
            }
            return gatherStart;
        }
        int next = closePiece(pieces, gather, gatherStart);
        if (masking) {
            ByteBuffer masked = acquire(length);
            Masker.maskCopy(payload, masked, key, 0);
            pieces.add(masked.flip());
        } else {
            pieces.add(payload);
        }
        return next;
    }

    /** Adds the gather buffer's bytes from {@code start} on as a piece; returns the new start. */
    private static int closePiece(List<ByteBuffer> pieces, ByteBuffer gather, int start) {
        if (gather == null || gather.position() == start) {
            return start;
        }
        ByteBuffer piece = gather.duplicate();
        piece.position(start).limit(gather.position());
        pieces.add(piece);
        return gather.position();
    }

    /** Gather space for the queued frames, at least enough for the first, at most {@link #MAX_GATHER_BUFFER}. */
    private int gatherSizeWanted() {
        long total = 0;
        for (Entry entry : queue) {
            total += entry.gatherBytes();
            if (total >= MAX_GATHER_BUFFER) {
                return MAX_GATHER_BUFFER;
            }
        }
        return (int) total;
    }

    private ByteBuffer acquire(int size) {
        ByteBuffer buffer = pool.acquire(size);
        inFlightPooled.add(buffer);
        return buffer;
    }

    private void releasePooled() {
        for (ByteBuffer buffer : inFlightPooled) {
            pool.release(buffer);
        }
        inFlightPooled.clear();
    }

    private void writeCompleted(Throwable writeFailure) {
        List<Entry> done;
        boolean flushAgain;
        synchronized (this) {
            writing = false;
            done = inFlight;
            inFlight = spareInFlight != null ? spareInFlight : new ArrayList<>();
            spareInFlight = null;
            java.util.Arrays.fill(writeArray, null); // an idle connection keeps no payload reachable
            releasePooled();
            if (failure == null) {
                for (Entry entry : done) {
                    queuedBytes -= entry.length;
                }
            }
            flushAgain = !inWriteCall;
            completedDuringWriteCall = inWriteCall;
        }
        if (writeFailure != null) {
            IOException exception = asIOException(writeFailure);
            for (Entry entry : done) {
                entry.callback.failed(exception);
            }
            fail(writeFailure);
        } else {
            for (Entry entry : done) {
                entry.callback.completed();
            }
            if (flushAgain) {
                flush(false);
            }
        }
        recycle(done);
    }

    private synchronized void recycle(List<Entry> entries) {
        for (Entry entry : entries) {
            entry.clear();
            if (spareEntries.size() < 64) {
                spareEntries.add(entry);
            }
        }
        entries.clear();
        if (spareInFlight == null) {
            spareInFlight = entries;
        }
    }

    private static IOException asIOException(Throwable cause) {
        if (cause instanceof IOException io) {
            return io;
        }
        IOException closed = new ClosedChannelException();
        closed.initCause(cause);
        return closed;
    }

    private final class BatchCallback implements WriteCallback {
        @Override
        public void completed() {
            writeCompleted(null);
        }

        @Override
        public void failed(Throwable cause) {
            writeCompleted(cause);
        }
    }

    /** One queued frame; recycled, so that queuing allocates nothing in steady state. */
    private static final class Entry {
        boolean fin;
        int rsv;
        int opcode;
        ByteBuffer payload;
        int length;
        boolean encoded;
        WriteCallback callback;

        void set(boolean fin, int rsv, int opcode, ByteBuffer payload, boolean encoded, WriteCallback callback) {
            this.fin = fin;
            this.rsv = rsv;
            this.opcode = opcode;
            this.payload = payload;
            this.length = payload.remaining();
            this.encoded = encoded;
            this.callback = callback;
        }

        /** Bytes this frame takes in the shared gather buffer: its header, and its payload when copied. */
        int gatherBytes() {
            boolean small = length <= COPY_THRESHOLD;
            if (encoded) {
                return small ? length : 0;
            }
            return FrameGenerator.MAX_HEADER_LENGTH + (small ? length : 0);
        }

        void clear() {
            payload = null;
            callback = null;
        }
    }
}
