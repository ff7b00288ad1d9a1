package dev.tideway.websocket.session;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;

/**
 * Carries one streamed message from the reading thread to the handler reading it: the reading thread
 * {@link #offer}s copies of chunks, the handler reads them as an {@code InputStream}. Reading blocks until
 * bytes arrive or the message ends; the bytes waiting here count against the session's {@link FlowControl},
 * so a slow reader pauses the socket rather than growing the pipe.
 */
final class ChunkPipe extends InputStream {
    private final FlowControl flow;
    private final ArrayDeque<ByteBuffer> chunks = new ArrayDeque<>();
    private boolean complete;
    private boolean closed;
    private IOException failure;

    ChunkPipe(FlowControl flow) {
        this.flow = flow;
    }

    /** Adds a chunk (copied) from the reading thread; {@code last} ends the message. */
    void offer(ByteBuffer chunk, boolean last) {
        int size = chunk.remaining();
        synchronized (this) {
            if (!closed && size > 0) {
                ByteBuffer copy = ByteBuffer.allocate(size);
                copy.put(chunk).flip();
                chunks.add(copy);
                flow.queued(size);
            }
            complete |= last;
            notifyAll();
        }
    }

    /** The connection ended before the message did: a blocked reader gets this exception. */
    synchronized void fail(IOException cause) {
        if (!complete) {
            failure = cause;
            notifyAll();
        }
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] target, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        int n;
        synchronized (this) {
            ByteBuffer head = awaitChunk();
            if (head == null) {
                return -1;
            }
            n = Math.min(length, head.remaining());
            head.get(target, offset, n);
            if (!head.hasRemaining()) {
                chunks.poll();
            }
        }
        flow.delivered(n);
        return n;
    }

    private ByteBuffer awaitChunk() throws IOException {
        while (chunks.isEmpty()) {
            if (closed) {
                throw new IOException("Stream closed");
            }
            if (failure != null) {
                throw failure;
            }
            if (complete) {
                return null;
            }
            try {
                wait();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("Interrupted while waiting for the rest of the message", e);
            }
        }
        return chunks.peek();
    }

    @Override
    public synchronized int available() {
        return chunks.isEmpty() ? 0 : chunks.peek().remaining();
    }

    /** The handler is done with the message: what it did not read is dropped (and its credit returned). */
    @Override
    public void close() {
        long dropped = 0;
        synchronized (this) {
            closed = true;
            for (ByteBuffer chunk : chunks) {
                dropped += chunk.remaining();
            }
            chunks.clear();
            notifyAll();
        }
        if (dropped > 0) {
            flow.delivered(dropped);
        }
    }
}
