package dev.tideway.websocket.client;

import dev.tideway.websocket.protocol.BufferPool;
import dev.tideway.websocket.protocol.WriteCallback;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.AsynchronousCloseException;
import java.nio.channels.CancelledKeyException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A non-blocking TCP connection on a {@link SelectorLoop}: the bottom {@link ClientTransport} of every
 * client connection.
 *
 * <p>Reading happens on the loop thread, into a pooled buffer that is handed back as soon as the reader
 * has taken every byte, so an idle connection holds no buffer. Bytes the reader leaves are kept and
 * delivered again, in front of the next ones. {@link #pauseReading()} stops reading after the current
 * delivery; {@link #resumeReading()} hands the kept bytes to the reader first, on the loop thread.
 *
 * <p>Writing happens on the caller's thread while the socket takes the bytes (most writes complete
 * inside {@link #write}); when it is full, the loop finishes the write when the socket can take more.
 */
final class NioTransport implements ClientTransport, SelectorLoop.IoHandler {
    static final int DEFAULT_READ_BUFFER = 16 * 1024;
    /** A reader that needs more than this in one piece is broken: no TLS record or header comes near it. */
    private static final int MAX_READ_BUFFER = 1024 * 1024;
    /** What a resumed reader gets when nothing was kept: it then delivers what it kept itself. */
    private static final ByteBuffer NOTHING = ByteBuffer.allocate(0).asReadOnlyBuffer();

    private final SelectorLoop loop;
    private final BufferPool pool;
    private final SocketChannel channel;
    private final AtomicReference<Runnable> closeHook = new AtomicReference<>();

    // loop thread only
    private SelectionKey key;
    private ReadHandler handler;
    private Runnable onConnected;
    /** Bytes the reader left, in read mode; null when none are kept. */
    private ByteBuffer readBuffer;
    private int readBufferSize = DEFAULT_READ_BUFFER;
    private boolean eof;

    private volatile boolean paused;

    private final Object writeLock = new Object();
    // guarded by writeLock; closed is also read without it
    private ByteBuffer[] pendingWrite;
    private WriteCallback pendingCallback;
    private volatile boolean closed;

    NioTransport(SelectorLoop loop, BufferPool pool) throws IOException {
        this.loop = loop;
        this.pool = pool;
        this.channel = SocketChannel.open();
        try {
            channel.configureBlocking(false);
            // frames are coalesced above; Nagle would only delay the last one
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
        } catch (IOException e) {
            channel.close();
            throw e;
        }
    }

    /**
     * Starts connecting to {@code remote}; loop thread only. {@code onConnected} runs on the loop thread
     * once connected; a failure goes to {@code reader}, as every later read does.
     */
    void connect(InetSocketAddress remote, ReadHandler reader, Runnable onConnected) {
        this.handler = reader;
        this.onConnected = onConnected;
        try {
            boolean connected = channel.connect(remote);
            key = loop.register(channel, connected ? SelectionKey.OP_READ : SelectionKey.OP_CONNECT, this);
            if (connected) {
                connected();
            }
        } catch (IOException | RuntimeException e) { // RuntimeException: an unresolved or unsupported address
            reader.onTransportFailure(e);
        }
    }

    /** Reads at least {@code size} bytes at a time from now on (TLS needs room for a whole record). */
    void minReadBufferSize(int size) {
        readBufferSize = Math.max(readBufferSize, size);
    }

    /** Runs {@code hook} once when the transport is closed (at once if it already is). */
    void onClose(Runnable hook) {
        closeHook.set(hook);
        if (closed) {
            runCloseHook();
        }
    }

    @Override
    public void readHandler(ReadHandler reader) {
        this.handler = reader;
    }

    // ---------------------------------------------------------------- loop events

    @Override
    public void onReady(int readyOps) {
        if ((readyOps & SelectionKey.OP_CONNECT) != 0) {
            finishConnect();
            return;
        }
        if ((readyOps & SelectionKey.OP_WRITE) != 0) {
            continueWrite();
        }
        if ((readyOps & SelectionKey.OP_READ) != 0) {
            read();
        }
    }

    @Override
    public void onLoopClosed() {
        if (!closed) {
            handler.onTransportFailure(new IOException("The WebSocket client was closed"));
        }
        close();
    }

    private void finishConnect() {
        try {
            if (channel.finishConnect()) {
                key.interestOps(SelectionKey.OP_READ);
                connected();
            }
        } catch (IOException e) {
            handler.onTransportFailure(e);
        }
    }

    private void connected() {
        Runnable callback = onConnected;
        onConnected = null;
        callback.run();
    }

    // ---------------------------------------------------------------- reading

    private void read() {
        if (closed || paused || eof) {
            stopReadInterest();
            return;
        }
        int count;
        try {
            ByteBuffer buffer = bufferToReadInto();
            count = channel.read(buffer);
            buffer.flip();
        } catch (IOException e) {
            handler.onTransportFailure(e);
            return;
        }
        if (count < 0) {
            eof = true;
            stopReadInterest();
            releaseIfDrained();
            handler.onReadEof();
        } else if (count == 0) {
            releaseIfDrained();
        } else {
            deliver(readBuffer);
        }
    }

    /** The read buffer in write mode, behind the bytes kept from before; grown if they fill it. */
    private ByteBuffer bufferToReadInto() throws IOException {
        if (readBuffer == null) {
            readBuffer = pool.acquire(readBufferSize);
            return readBuffer;
        }
        if (readBuffer.remaining() == readBuffer.capacity()) { // kept bytes fill it: the reader needs more at once
            if (readBuffer.capacity() >= MAX_READ_BUFFER) {
                throw new IOException("The reader made no progress with " + readBuffer.capacity() + " bytes");
            }
            ByteBuffer larger = pool.acquire(readBuffer.capacity() * 2);
            larger.put(readBuffer);
            pool.release(readBuffer);
            readBuffer = larger;
            return larger;
        }
        return readBuffer.compact();
    }

    /** Hands {@code data} to the reader; keeps what it leaves. */
    private void deliver(ByteBuffer data) {
        handler.onRead(data);
        if (closed) {
            dropReadBuffer();
            return;
        }
        releaseIfDrained();
        if (paused) {
            stopReadInterest();
        }
    }

    @Override
    public void pauseReading() {
        paused = true; // the loop sees it after the current delivery, or at the next readiness
    }

    @Override
    public void resumeReading() {
        paused = false;
        loop.execute(this::resumeOnLoop);
    }

    private void resumeOnLoop() {
        if (closed || paused) {
            return; // closed meanwhile, or paused again before this ran
        }
        deliver(readBuffer != null ? readBuffer : NOTHING);
        if (!closed && !paused && !eof) {
            try {
                key.interestOpsOr(SelectionKey.OP_READ);
            } catch (CancelledKeyException closedMeanwhile) {
                // nothing more to read
            }
        }
    }

    private void stopReadInterest() {
        try {
            key.interestOpsAnd(~SelectionKey.OP_READ);
        } catch (CancelledKeyException closedMeanwhile) {
            // nothing more to read
        }
    }

    private void releaseIfDrained() {
        if (readBuffer != null && !readBuffer.hasRemaining()) {
            pool.release(readBuffer);
            readBuffer = null;
        }
    }

    private void dropReadBuffer() {
        if (readBuffer != null) {
            pool.release(readBuffer);
            readBuffer = null;
        }
    }

    // ---------------------------------------------------------------- writing

    @Override
    public void write(ByteBuffer[] buffers, WriteCallback callback) {
        Throwable failure = null;
        boolean completed = false;
        synchronized (writeLock) {
            if (pendingCallback != null) {
                throw new IllegalStateException("A write is already outstanding");
            }
            if (closed) {
                failure = new ClosedChannelException();
            } else {
                try {
                    completed = writeNow(buffers);
                    if (!completed) {
                        pendingWrite = buffers;
                        pendingCallback = callback;
                        key.interestOpsOr(SelectionKey.OP_WRITE);
                    }
                } catch (IOException e) {
                    failure = e;
                } catch (CancelledKeyException e) {
                    pendingWrite = null;
                    pendingCallback = null;
                    failure = new ClosedChannelException();
                }
            }
        }
        if (failure != null) {
            callback.failed(failure);
        } else if (completed) {
            callback.completed();
        } else if (!loop.inLoop()) {
            loop.wakeup(); // the selector picks up OP_WRITE at its next select
        }
    }

    /** The loop found the socket writable again. */
    private void continueWrite() {
        WriteCallback done;
        Throwable failure = null;
        synchronized (writeLock) {
            if (pendingCallback == null) {
                key.interestOpsAnd(~SelectionKey.OP_WRITE);
                return;
            }
            try {
                if (!writeNow(pendingWrite)) {
                    return;
                }
            } catch (IOException e) {
                failure = e;
            }
            done = pendingCallback;
            pendingCallback = null;
            pendingWrite = null;
            key.interestOpsAnd(~SelectionKey.OP_WRITE);
        }
        if (failure != null) {
            done.failed(failure);
        } else {
            done.completed();
        }
    }

    /** Writes while the socket takes bytes; true when all are written. Called under the write lock. */
    private boolean writeNow(ByteBuffer[] buffers) throws IOException {
        int first = 0;
        for (;;) {
            while (first < buffers.length && !buffers[first].hasRemaining()) {
                first++;
            }
            if (first == buffers.length) {
                return true;
            }
            if (channel.write(buffers, first, buffers.length - first) == 0) {
                return false;
            }
        }
    }

    // ---------------------------------------------------------------- closing

    @Override
    public void close() {
        WriteCallback orphan;
        synchronized (writeLock) {
            if (closed) {
                return;
            }
            closed = true;
            orphan = pendingCallback;
            pendingCallback = null;
            pendingWrite = null;
        }
        try {
            channel.close();
        } catch (IOException ignored) {
            // closing is all that is wanted; there is nobody to tell
        }
        if (!loop.inLoop()) {
            loop.wakeup(); // a registered channel's socket is released when the selector deregisters it
        }
        if (orphan != null) {
            orphan.failed(new AsynchronousCloseException());
        }
        runCloseHook();
    }

    boolean isClosed() {
        return closed;
    }

    private void runCloseHook() {
        Runnable hook = closeHook.getAndSet(null);
        if (hook != null) {
            hook.run();
        }
    }
}
