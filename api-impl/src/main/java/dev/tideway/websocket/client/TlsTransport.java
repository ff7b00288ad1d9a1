package dev.tideway.websocket.client;

import dev.tideway.websocket.protocol.BufferPool;
import dev.tideway.websocket.protocol.WriteCallback;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;

/**
 * TLS over a {@link NioTransport}, with an {@link SSLEngine} in client mode: the transport of wss
 * connections. It reads what the socket delivers (TLS records, possibly cut anywhere) and passes the
 * plaintext to its own reader; it encrypts what is written to it before handing it to the socket.
 *
 * <p>Records: a partial record is left with the socket transport, which delivers it again with the
 * next bytes. Plaintext the reader leaves (it paused) is kept here and delivered first on resume, which
 * the socket transport signals by delivering, on the loop thread, whatever it kept (possibly nothing).
 *
 * <p>Writes: the socket takes one write at a time, but TLS has more to write than the engine's frames:
 * handshake messages, post-handshake messages (a TLS 1.3 key update) and close_notify. So encrypted
 * writes wait in a short queue, in the order the SSLEngine produced them, which is the order the peer
 * must receive them in.
 */
final class TlsTransport implements ClientTransport, ReadHandler {
    private static final ByteBuffer NO_DATA = ByteBuffer.allocate(0).asReadOnlyBuffer();

    private final NioTransport socket;
    private final SSLEngine engine;
    private final BufferPool pool;

    // loop thread only
    private ReadHandler handler;
    /** Plaintext from the engine: written into while unwrapping, read from while {@link #appPending}. */
    private ByteBuffer appIn;
    private boolean appPending;
    private boolean inboundDone;
    private Runnable onEstablished;

    private volatile boolean paused;

    private final Object writeLock = new Object();
    // guarded by writeLock
    private final ArrayDeque<EncryptedWrite> queue = new ArrayDeque<>();
    private boolean socketWriting;
    /** Also read by the loop without the lock, to stop reading. */
    private volatile boolean closed;

    TlsTransport(NioTransport socket, SSLEngine engine, BufferPool pool) {
        this.socket = socket;
        this.engine = engine;
        this.pool = pool;
        socket.minReadBufferSize(engine.getSession().getPacketBufferSize());
    }

    /**
     * An SSLEngine in client mode for {@code target}: SNI set to its host name (not for an IP literal,
     * RFC 6066 §3), and the certificate checked against that name when {@code verifyHostname}.
     */
    static SSLEngine clientEngine(SSLContext context, WebSocketUri target, boolean verifyHostname)
            throws NoSuchAlgorithmException {
        SSLContext chosen = context != null ? context : SSLContext.getDefault();
        SSLEngine engine = chosen.createSSLEngine(target.host(), target.port());
        engine.setUseClientMode(true);
        SSLParameters parameters = engine.getSSLParameters();
        if (verifyHostname) {
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
        }
        if (!isIpLiteral(target.host())) {
            try {
                parameters.setServerNames(List.of(new SNIHostName(target.host())));
            } catch (IllegalArgumentException notADnsName) {
                // a host the resolver accepts but SNI cannot name: connect without SNI
            }
        }
        engine.setSSLParameters(parameters);
        return engine;
    }

    /** Starts the TLS handshake; loop thread only. {@code established} runs on the loop once it is done. */
    void handshake(Runnable established) {
        this.onEstablished = established;
        try {
            engine.beginHandshake();
            advanceHandshake();
        } catch (SSLException e) {
            handler.onTransportFailure(e);
        }
    }

    @Override
    public void readHandler(ReadHandler reader) {
        this.handler = reader;
    }

    // ---------------------------------------------------------------- reading (loop thread)

    @Override
    public void onRead(ByteBuffer records) {
        if (closed || inboundDone) {
            records.position(records.limit());
            return;
        }
        try {
            if (appPending && !deliver()) {
                return;
            }
            while (!paused && records.hasRemaining() && !closed) {
                if (!unwrapOne(records)) {
                    break;
                }
            }
        } catch (SSLException e) {
            records.position(records.limit());
            handler.onTransportFailure(e);
        }
        if (!appPending && appIn != null) {
            pool.release(appIn); // an idle connection holds no buffer
            appIn = null;
        }
    }

    /** Unwraps one record and delivers its plaintext; false when no more can be done with these bytes. */
    private boolean unwrapOne(ByteBuffer records) throws SSLException {
        if (appIn == null) {
            appIn = pool.acquire(engine.getSession().getApplicationBufferSize());
        }
        SSLEngineResult result = engine.unwrap(records, appIn);
        switch (result.getStatus()) {
            case BUFFER_UNDERFLOW -> {
                return false; // a partial record: the socket keeps it and comes back with more
            }
            case BUFFER_OVERFLOW -> {
                if (appIn.position() == 0) { // the session wants a larger buffer than it first said
                    int larger = Math.max(engine.getSession().getApplicationBufferSize(), appIn.capacity() * 2);
                    pool.release(appIn);
                    appIn = pool.acquire(larger);
                }
            }
            case CLOSED -> {
                inboundDone = true; // the server's close_notify: as good as the end of the stream
                records.position(records.limit());
            }
            case OK -> {
            }
        }
        if (result.getHandshakeStatus() != SSLEngineResult.HandshakeStatus.NOT_HANDSHAKING) {
            advanceHandshake();
        }
        if (appIn.position() > 0) {
            appIn.flip();
            appPending = true;
            if (!deliver()) {
                return false;
            }
        }
        if (inboundDone && !closed) {
            handler.onReadEof();
            return false;
        }
        return true;
    }

    /** Gives the pending plaintext to the reader; true when it took all of it. */
    private boolean deliver() {
        handler.onRead(appIn);
        if (appIn.hasRemaining()) {
            return false;
        }
        appPending = false;
        appIn.clear();
        return true;
    }

    @Override
    public void onReadEof() {
        try {
            engine.closeInbound();
        } catch (SSLException truncated) {
            // the server closed without close_notify; the reader learns of the end all the same
        }
        handler.onReadEof();
    }

    @Override
    public void onTransportFailure(Throwable cause) {
        handler.onTransportFailure(cause);
    }

    @Override
    public void pauseReading() {
        paused = true;
        socket.pauseReading();
    }

    @Override
    public void resumeReading() {
        paused = false;
        socket.resumeReading(); // delivers to onRead on the loop, which delivers the kept plaintext first
    }

    // ---------------------------------------------------------------- handshake

    /** Does what the engine needs until it waits for the peer or is done. */
    private void advanceHandshake() throws SSLException {
        for (;;) {
            switch (engine.getHandshakeStatus()) {
                case NEED_TASK -> runDelegatedTasks();
                case NEED_WRAP -> {
                    if (!wrapHandshakeMessages()) {
                        return;
                    }
                }
                case NOT_HANDSHAKING, FINISHED -> {
                    established();
                    return;
                }
                default -> {
                    return; // NEED_UNWRAP: the peer's turn
                }
            }
        }
    }

    /**
     * Certificate checks and key computations: run here, on the loop thread. A client has few
     * connections per loop and these take milliseconds, so handing them to another thread would cost more
     * than it saves.
     */
    private void runDelegatedTasks() {
        Runnable task;
        while ((task = engine.getDelegatedTask()) != null) {
            task.run();
        }
    }

    private void established() {
        Runnable callback = onEstablished;
        if (callback != null) {
            onEstablished = null;
            callback.run();
        }
    }

    /** Queues what the engine has to send on its own; false when the transport is closed. */
    private boolean wrapHandshakeMessages() throws SSLException {
        synchronized (writeLock) {
            if (closed) {
                return false;
            }
            ByteBuffer out = pool.acquire(engine.getSession().getPacketBufferSize());
            SSLEngineResult result;
            do {
                result = engine.wrap(NO_DATA, out);
            } while (result.getStatus() == SSLEngineResult.Status.OK && result.bytesProduced() > 0
                    && result.getHandshakeStatus() == SSLEngineResult.HandshakeStatus.NEED_WRAP);
            if (out.position() == 0) {
                pool.release(out);
                throw new SSLException("The TLS engine wants to write but produced nothing (" + result + ")");
            }
            queue.add(new EncryptedWrite(new ByteBuffer[] {out.flip()}, WriteCallback.NOOP));
        }
        writeQueued();
        return true;
    }

    // ---------------------------------------------------------------- writing (any thread)

    @Override
    public void write(ByteBuffer[] buffers, WriteCallback callback) {
        Throwable refused = null;
        synchronized (writeLock) {
            if (closed) {
                refused = new ClosedChannelException();
            } else {
                try {
                    queue.add(new EncryptedWrite(encrypt(buffers), callback));
                } catch (SSLException e) {
                    refused = e;
                }
            }
        }
        if (refused != null) {
            callback.failed(refused);
            return;
        }
        writeQueued();
    }

    /** Wraps all of {@code plaintext} into as few pooled buffers as the records fit in. Under the lock. */
    private ByteBuffer[] encrypt(ByteBuffer[] plaintext) throws SSLException {
        List<ByteBuffer> records = new ArrayList<>(2);
        int size = engine.getSession().getPacketBufferSize();
        ByteBuffer out = pool.acquire(size);
        try {
            while (hasRemaining(plaintext)) {
                SSLEngineResult result = engine.wrap(plaintext, out);
                if (result.getStatus() == SSLEngineResult.Status.CLOSED) {
                    throw new SSLException("TLS is closed for writing");
                }
                if (result.getStatus() == SSLEngineResult.Status.BUFFER_OVERFLOW) { // full: start another
                    if (out.position() == 0) {
                        throw new SSLException("A TLS record does not fit in " + out.capacity() + " bytes");
                    }
                    records.add(out.flip());
                    out = pool.acquire(size);
                }
            }
        } catch (SSLException e) {
            pool.release(out);
            records.forEach(pool::release);
            throw e;
        }
        records.add(out.flip());
        return records.toArray(new ByteBuffer[0]);
    }

    /** Hands the next queued write to the socket unless one is there already. */
    private void writeQueued() {
        EncryptedWrite next;
        synchronized (writeLock) {
            if (socketWriting || queue.isEmpty()) {
                return;
            }
            next = queue.poll();
            socketWriting = true;
        }
        socket.write(next.records, next);
    }

    // ---------------------------------------------------------------- closing

    /** Sends close_notify when the socket is free to take it at once, then closes the socket. */
    @Override
    public void close() {
        List<EncryptedWrite> dropped;
        ByteBuffer closeNotify = null;
        synchronized (writeLock) {
            if (closed) {
                return;
            }
            closed = true;
            dropped = new ArrayList<>(queue);
            queue.clear();
            engine.closeOutbound();
            if (!socketWriting) {
                closeNotify = wrapCloseNotify();
            }
        }
        ClosedChannelException cause = new ClosedChannelException();
        for (EncryptedWrite write : dropped) {
            write.release();
            write.callback.failed(cause);
        }
        if (closeNotify != null) {
            ByteBuffer sent = closeNotify;
            // best effort: a socket that cannot take it at once is closed below all the same
            socket.write(new ByteBuffer[] {sent}, new WriteCallback() {
                @Override
                public void completed() {
                    pool.release(sent);
                }

                @Override
                public void failed(Throwable ignored) {
                    pool.release(sent);
                }
            });
        }
        socket.close();
    }

    private ByteBuffer wrapCloseNotify() {
        ByteBuffer out = pool.acquire(engine.getSession().getPacketBufferSize());
        try {
            engine.wrap(NO_DATA, out);
        } catch (SSLException e) {
            out.clear(); // no alert then: the socket closes anyway
        }
        if (out.position() == 0) {
            pool.release(out);
            return null;
        }
        return out.flip();
    }

    private static boolean hasRemaining(ByteBuffer[] buffers) {
        for (ByteBuffer buffer : buffers) {
            if (buffer.hasRemaining()) {
                return true;
            }
        }
        return false;
    }

    private static boolean isIpLiteral(String host) {
        return host.indexOf(':') >= 0 || host.chars().allMatch(c -> c == '.' || (c >= '0' && c <= '9'));
    }

    /** Encrypted records on their way to the socket, and whom to tell when they are there. */
    private final class EncryptedWrite implements WriteCallback {
        final ByteBuffer[] records;
        final WriteCallback callback;

        EncryptedWrite(ByteBuffer[] records, WriteCallback callback) {
            this.records = records;
            this.callback = callback;
        }

        void release() {
            for (ByteBuffer record : records) {
                pool.release(record);
            }
        }

        @Override
        public void completed() {
            release();
            socketDone();
            callback.completed();
            writeQueued();
        }

        @Override
        public void failed(Throwable cause) {
            release();
            socketDone();
            callback.failed(cause);
            writeQueued(); // fails at once too: the socket is broken, and each waiting write learns of it
        }

        private void socketDone() {
            synchronized (writeLock) {
                socketWriting = false;
            }
        }
    }
}
