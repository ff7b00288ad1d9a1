package dev.tideway.websocket.session;

import dev.tideway.websocket.protocol.Transport;
import dev.tideway.websocket.protocol.WebSocketConnection;
import dev.tideway.websocket.protocol.WriteCallback;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * One end of an in-memory connection: what this end writes is read by the other end's engine on a wire
 * thread of its own, in order, as a socket would deliver it. Like TCP, the wire holds only so much: while
 * more than {@value #WINDOW} bytes wait unread at the receiver (because it paused reading), the sender's
 * write callbacks wait too, so a slow reader pushes back on the writer.
 */
final class LoopbackTransport implements Transport {
    static final int WINDOW = 64 * 1024;

    private final ExecutorService wire;
    private final ArrayDeque<ByteBuffer> inbox = new ArrayDeque<>();
    private final ArrayDeque<WriteCallback> blockedWrites = new ArrayDeque<>();
    private LoopbackTransport peer;
    private WebSocketConnection connection;
    private long unread;
    private boolean paused;
    private boolean closed;
    private boolean peerGone;
    private boolean eofDelivered;

    private LoopbackTransport(String name) {
        this.wire = Executors.newSingleThreadExecutor(r -> {
            Thread thread = new Thread(r, "loopback-" + name);
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Two ends joined to each other. */
    static LoopbackTransport[] pair() {
        LoopbackTransport server = new LoopbackTransport("server");
        LoopbackTransport client = new LoopbackTransport("client");
        server.peer = client;
        client.peer = server;
        return new LoopbackTransport[] {server, client};
    }

    /** The engine that reads what the peer writes; set once the session has built it. */
    synchronized void attach(WebSocketConnection connection) {
        this.connection = connection;
    }

    @Override
    public void write(ByteBuffer[] buffers, WriteCallback callback) {
        int total = 0;
        for (ByteBuffer buffer : buffers) {
            total += buffer.remaining();
        }
        ByteBuffer copy = ByteBuffer.allocate(total);
        for (ByteBuffer buffer : buffers) {
            copy.put(buffer);
        }
        copy.flip();
        if (!peer.receive(copy, callback)) {
            callback.failed(new java.nio.channels.ClosedChannelException());
        }
    }

    /** Bytes from the peer; false when this end is closed. */
    private boolean receive(ByteBuffer bytes, WriteCallback writerCallback) {
        boolean completeNow;
        synchronized (this) {
            if (closed) {
                return false;
            }
            inbox.add(bytes);
            unread += bytes.remaining();
            completeNow = unread <= WINDOW;
            if (!completeNow) {
                blockedWrites.add(writerCallback);
            }
        }
        if (completeNow) {
            writerCallback.completed();
        }
        onWire(this::deliver);
        return true;
    }

    /** Feeds the engine on the wire thread until the inbox is empty or the engine paused. */
    private void deliver() {
        for (;;) {
            ByteBuffer next;
            WebSocketConnection engine;
            boolean eof = false;
            synchronized (this) {
                next = inbox.peek();
                engine = connection;
                if (paused || engine == null || closed) {
                    return;
                }
                if (next == null) {
                    eof = peerGone && !eofDelivered;
                    eofDelivered |= eof;
                }
            }
            if (next == null) {
                if (eof) {
                    engine.onReadEof();
                }
                return;
            }
            int before = next.remaining();
            engine.onRead(next);
            releaseWindow(before - next.remaining());
            synchronized (this) {
                if (!next.hasRemaining()) {
                    inbox.poll();
                }
            }
        }
    }

    private void releaseWindow(int consumed) {
        ArrayDeque<WriteCallback> release = new ArrayDeque<>();
        synchronized (this) {
            unread -= consumed;
            while (unread <= WINDOW && !blockedWrites.isEmpty()) {
                release.add(blockedWrites.poll());
            }
        }
        release.forEach(WriteCallback::completed);
    }

    /** Whether the engine above asked this end to stop reading. */
    synchronized boolean isPaused() {
        return paused;
    }

    /** Bytes the peer wrote that this end's engine has not consumed yet. */
    synchronized long unreadBytes() {
        return unread;
    }

    /**
     * Simulates a connection reset seen by this end: its engine is told the transport failed (on the wire
     * thread, like a real read failure), after which it closes the transport, and the peer sees EOF.
     */
    void reset() {
        onWire(() -> {
            WebSocketConnection engine;
            synchronized (this) {
                engine = connection;
            }
            engine.onTransportFailure(new java.io.IOException("Connection reset"));
        });
    }

    @Override
    public synchronized void pauseReading() {
        paused = true;
    }

    @Override
    public void resumeReading() {
        synchronized (this) {
            paused = false;
        }
        onWire(this::deliver); // never on the caller's thread (Transport contract)
    }

    @Override
    public void close() {
        ArrayDeque<WriteCallback> failed;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            failed = new ArrayDeque<>(blockedWrites);
            blockedWrites.clear();
        }
        failed.forEach(callback -> callback.failed(new java.nio.channels.ClosedChannelException()));
        peer.peerClosed();
        wire.shutdown();
    }

    /** Stops this end's wire thread without telling anyone: the end of a test. */
    void stopWire() {
        wire.shutdownNow();
    }

    /**
     * The other end closed: what it sent is still read, then EOF. Its writes still waiting for window
     * fail, as a closed socket's pending writes do.
     */
    private void peerClosed() {
        ArrayDeque<WriteCallback> failed;
        synchronized (this) {
            peerGone = true;
            failed = new ArrayDeque<>(blockedWrites);
            blockedWrites.clear();
        }
        failed.forEach(callback -> callback.failed(new java.nio.channels.ClosedChannelException()));
        onWire(this::deliver);
    }

    /** Runs on this end's wire thread, unless this end is closed (then nothing is read any more). */
    private void onWire(Runnable task) {
        try {
            wire.execute(task);
        } catch (java.util.concurrent.RejectedExecutionException closedAlready) {
            // this end was closed: nothing more to read
        }
    }
}
