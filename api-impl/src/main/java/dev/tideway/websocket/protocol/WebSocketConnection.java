package dev.tideway.websocket.protocol;

import dev.tideway.websocket.protocol.extension.Extension;
import dev.tideway.websocket.protocol.extension.ExtensionChain;
import dev.tideway.websocket.protocol.extension.OutboundPayload;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One WebSocket connection after its handshake: the engine's coordinator. It joins the parts that each do
 * one job — {@link FrameParser}, {@link InboundSequence}, the {@link ExtensionChain},
 * {@link InboundMessageSink}, {@link OutboundSequence}, {@link FrameFlusher} and {@link CloseHandshake} —
 * between a {@link Transport} below and a {@link ConnectionListener} above.
 *
 * <p>Inbound: the transport calls {@link #onRead} from one thread at a time. Frames are parsed, checked,
 * decoded and delivered as they arrive; a ping is answered, a close is echoed. Replies queued while a read
 * is processed leave together when it ends. A protocol violation fails the connection with the close code
 * it carries (RFC 6455 §7.1.7).
 *
 * <p>Outbound: the send methods may be called from any thread; a send lock keeps frames, and the state of
 * stateful extensions, in wire order. Whole messages larger than the configured frame size are
 * fragmented. Sends are refused, through their callback, once the closing handshake has begun or when the
 * peer is too slow and the queue holds {@link ProtocolSettings#maxQueuedBytes()}.
 */
public final class WebSocketConnection {
    private final Role role;
    private final Transport transport;
    private final ConnectionListener listener;
    private final ProtocolSettings settings;
    private final Scheduler scheduler;

    private final FrameParser parser;
    private final InboundSequence inbound = new InboundSequence();
    private final InboundMessageSink messageSink;
    private final ExtensionChain extensions;

    private final Object sendLock = new Object();
    private final OutboundSequence outbound = new OutboundSequence();
    private final OutboundPayload outboundPayload = new OutboundPayload();
    private final FrameFlusher flusher;

    private final CloseHandshake closeHandshake = new CloseHandshake();
    private final AtomicBoolean finished = new AtomicBoolean();
    private final Object timerLock = new Object();
    private Scheduler.Cancellable closeTimer;

    private volatile boolean readPaused;
    /** Set once nothing more is to be read: a close frame arrived, or the connection failed or ended. */
    private volatile boolean inputDone;

    private WebSocketConnection(Builder b) {
        this.role = b.role;
        this.transport = b.transport;
        this.listener = b.listener;
        this.settings = b.settings;
        this.scheduler = b.scheduler;
        this.messageSink = new InboundMessageSink(listener, settings);
        this.extensions = new ExtensionChain(b.extensions, messageSink);
        this.parser = new FrameParser(role, new ParsedFrames());
        parser.allowRsv(extensions.rsvBits());
        parser.maxFramePayloadLength(settings.maxFramePayloadLength());
        MaskKeyGenerator keys = role.masksOutbound() ? MaskKeyGenerator.newSeeded() : null;
        this.flusher = new FrameFlusher(transport, new FrameGenerator(role, keys), b.bufferPool, role);
    }

    public static Builder builder(Role role, Transport transport, ConnectionListener listener) {
        return new Builder(role, transport, listener);
    }

    public Role role() {
        return role;
    }

    public List<Extension> extensions() {
        return extensions.extensions();
    }

    /** Whether messages may still be sent: the closing handshake has not begun. */
    public boolean isOpen() {
        return closeHandshake.isOpen();
    }

    /** Outbound payload bytes not yet accepted by the transport. */
    public long queuedBytes() {
        return flusher.queuedBytes();
    }

    public void maxTextMessageSize(long bytes) {
        messageSink.maxTextMessageSize(bytes);
    }

    public void maxBinaryMessageSize(long bytes) {
        messageSink.maxBinaryMessageSize(bytes);
    }

    // ---------------------------------------------------------------- inbound, from the transport

    /**
     * Processes received bytes, unmasking them in place. Returns when all are consumed, or earlier when
     * reading was paused: the transport then keeps the rest of {@code data} for after
     * {@link #resumeReading()}.
     */
    public void onRead(ByteBuffer data) {
        flusher.hold(); // replies to this read (pongs, echoes, answers) leave in one write
        try {
            while (data.hasRemaining() && !readPaused && !inputDone) {
                parser.parse(data);
            }
            if (inputDone) {
                data.position(data.limit()); // whatever follows a close frame or a failure is dropped
            }
        } catch (ProtocolException e) {
            data.position(data.limit());
            fail(e);
        } catch (RuntimeException e) {
            data.position(data.limit());
            if (!finished.get()) {
                failInternally(e);
            }
        } finally {
            flusher.release();
        }
    }

    /** The peer closed its side of the TCP connection. */
    public void onReadEof() {
        transportEnded(null);
    }

    /** Reading or writing failed below the engine. */
    public void onTransportFailure(Throwable cause) {
        transportEnded(cause);
    }

    /** Stops the flow of inbound messages after the current callback (backpressure). */
    public void pauseReading() {
        readPaused = true;
        transport.pauseReading();
    }

    public void resumeReading() {
        readPaused = false;
        transport.resumeReading();
    }

    // ---------------------------------------------------------------- outbound, from the session

    /**
     * Sends one part of a text message (the whole message when {@code last} and no part came before).
     * The engine consumes {@code utf8} (its position moves as it is written): pass a duplicate of a
     * buffer that something else still reads.
     *
     * @throws IllegalStateException when a binary message is being sent in parts
     */
    public void sendText(ByteBuffer utf8, boolean last, WriteCallback callback) {
        sendData(OpCode.TEXT, utf8, last, callback);
    }

    /** Sends one part of a binary message; see {@link #sendText}. */
    public void sendBinary(ByteBuffer data, boolean last, WriteCallback callback) {
        sendData(OpCode.BINARY, data, last, callback);
    }

    /** Sends a ping with at most 125 bytes of application data. */
    public void sendPing(ByteBuffer payload, WriteCallback callback) {
        sendControl(OpCode.PING, payload, callback);
    }

    /** Sends an unsolicited pong (a heartbeat) with at most 125 bytes of application data. */
    public void sendPong(ByteBuffer payload, WriteCallback callback) {
        sendControl(OpCode.PONG, payload, callback);
    }

    /**
     * Sends bytes that already are whole frames, as prepared once for many connections (a broadcast).
     * Only a server sends unmasked frames, so only a server may do this; the frames must not use RSV
     * bits, and no message may be half-sent.
     */
    public void sendEncoded(ByteBuffer frames, WriteCallback callback) {
        if (role != Role.SERVER) {
            throw new IllegalStateException("Only a server sends prepared frames; a client must mask each frame");
        }
        IOException refused;
        synchronized (sendLock) {
            if (outbound.inMessage()) {
                throw new IllegalStateException("Cannot send a prepared message while a message is being sent in parts");
            }
            refused = refusal(frames.remaining());
            if (refused == null) {
                flusher.enqueueEncoded(frames, callback);
            }
        }
        completeSend(refused, callback);
    }

    /** Starts the closing handshake (RFC 6455 §7.1.2); does nothing when it has already begun. */
    public void close(CloseStatus status) {
        close(status, WriteCallback.NOOP);
    }

    /**
     * Starts the closing handshake, and tells {@code sent} when our close frame has been written (or
     * could not be). Returns false, without calling {@code sent}, when the handshake had already begun.
     *
     * @throws IllegalArgumentException when the code may not be sent in a close frame (RFC 6455 §7.4),
     *                                  such as 1006 or 1015; 1005 sends a close frame without a code
     */
    public boolean close(CloseStatus status, WriteCallback sent) {
        if (status.code() != CloseCodes.NO_STATUS_RECEIVED && !CloseCodes.isValidOnWire(status.code())) {
            throw new IllegalArgumentException("Close code " + status.code() + " may not be sent in a close frame");
        }
        boolean started = sendClose(status, new WriteCallback() {
            @Override
            public void completed() {
                sent.completed();
            }

            @Override
            public void failed(Throwable cause) {
                transportEnded(cause);
                sent.failed(cause);
            }
        });
        if (started && closeHandshake.state() == CloseHandshake.State.CLOSE_SENT) {
            // the close timeout runs from now, not from when our close frame is written: behind a peer
            // that stopped reading it never would be, and the connection would wait forever
            awaitPeer();
        }
        return started;
    }

    /**
     * Drops the connection without a closing handshake (what a close with 1006 means): the transport is
     * closed and the listener told {@code onClosed} with 1006.
     */
    public void abort() {
        transportEnded(null);
    }

    /** Holds outbound frames back until {@link #releaseFlush()}, so that they leave in one write. */
    public void holdFlush() {
        flusher.hold();
    }

    public void releaseFlush() {
        flusher.release();
    }

    /** Writes whatever is queued now, even while held (before a caller blocks on a send). */
    public void flush() {
        flusher.flush(true);
    }

    private void sendData(int opcode, ByteBuffer payload, boolean last, WriteCallback callback) {
        IOException refused;
        synchronized (sendLock) {
            refused = refusal(payload.remaining());
            if (refused == null) {
                boolean messageStart = !outbound.inMessage();
                int wireOpcode = outbound.nextPart(opcode, last);
                outboundPayload.reset(payload);
                extensions.encode(outboundPayload, messageStart, last);
                enqueueFragmented(wireOpcode, outboundPayload.rsv(), outboundPayload.payload(), last, callback);
            }
        }
        completeSend(refused, callback);
    }

    /** Why a data send of this size cannot be queued now, or null. Called under the send lock. */
    private IOException refusal(long size) {
        if (!closeHandshake.isOpen()) {
            return new ClosedChannelException();
        }
        long queued = flusher.queuedBytes();
        // an empty queue takes any message: the limit is on bytes kept waiting, not on message size
        if (queued > 0 && queued + size > settings.maxQueuedBytes()) {
            return new SendQueueFullException(queued, size, settings.maxQueuedBytes());
        }
        return null;
    }

    /** Queues a message part as frames of at most the configured size; only the first keeps the RSV bits. */
    private void enqueueFragmented(int opcode, int rsv, ByteBuffer payload, boolean last, WriteCallback callback) {
        int frameSize = settings.outboundFrameSize();
        int frameOpcode = opcode;
        int frameRsv = rsv;
        while (payload.remaining() > frameSize) {
            ByteBuffer frame = payload.slice(payload.position(), frameSize);
            payload.position(payload.position() + frameSize);
            flusher.enqueue(false, frameRsv, frameOpcode, frame, WriteCallback.NOOP);
            frameOpcode = OpCode.CONTINUATION;
            frameRsv = 0;
        }
        flusher.enqueue(last, frameRsv, frameOpcode, payload, callback);
    }

    private void sendControl(int opcode, ByteBuffer payload, WriteCallback callback) {
        if (payload.remaining() > 125) {
            throw new IllegalArgumentException(OpCode.name(opcode) + " payload of " + payload.remaining()
                    + " bytes; control frames carry at most 125");
        }
        IOException refused = null;
        synchronized (sendLock) {
            if (closeHandshake.isOpen()) {
                flusher.enqueue(true, 0, opcode, payload, callback);
            } else {
                refused = new ClosedChannelException();
            }
        }
        completeSend(refused, callback);
    }

    /**
     * Queues the pong that answers a ping. Unlike the sends above, it still goes after our close frame:
     * a ping must be answered unless the peer's close frame has arrived (RFC 6455 §5.5.2), and §5.5.1
     * forbids only data frames after a close frame.
     */
    private void answerPing(ByteBuffer payload) {
        synchronized (sendLock) {
            CloseHandshake.State state = closeHandshake.state();
            if (state != CloseHandshake.State.OPEN && state != CloseHandshake.State.CLOSE_SENT) {
                return;
            }
            flusher.enqueue(true, 0, OpCode.PONG, payload, WriteCallback.NOOP);
        }
        flusher.flush(false);
    }

    private void completeSend(IOException refused, WriteCallback callback) {
        if (refused != null) {
            callback.failed(refused);
        } else {
            flusher.flush(false);
        }
    }

    /** Queues our close frame unless one went already; returns whether it did. */
    private boolean sendClose(CloseStatus status, WriteCallback afterWritten) {
        synchronized (sendLock) {
            if (!closeHandshake.onSendClose()) {
                return false;
            }
            flusher.enqueue(true, 0, OpCode.CLOSE, status.toPayload(), afterWritten);
        }
        flusher.flush(true);
        return true;
    }

    // ---------------------------------------------------------------- closing

    private void onCloseFrame(CloseStatus status) {
        inputDone = true; // nothing may follow a close frame (RFC 6455 §5.5.1)
        switch (closeHandshake.onReceiveClose(status)) {
            case ECHO -> sendClose(status, new WriteCallback() { // the echo repeats code and reason (§5.5.1)
                @Override
                public void completed() {
                    handshakeComplete();
                }

                @Override
                public void failed(Throwable cause) {
                    transportEnded(cause);
                }
            });
            case COMPLETE -> handshakeComplete();
            case IGNORE -> {
            }
        }
    }

    /**
     * Both close frames have crossed. The server closes the TCP connection first (RFC 6455 §7.1.1); a
     * client gives the server the close timeout to do so, then closes it itself.
     */
    private void handshakeComplete() {
        cancelCloseTimer();
        finish();
        if (role == Role.SERVER) {
            transport.close();
        } else {
            startCloseTimer(transport::close);
        }
    }

    /** Our close frame is out: the peer has the close timeout to answer it. */
    private void awaitPeer() {
        startCloseTimer(() -> transportEnded(null));
    }

    /** Fails the connection with the violation's close code (RFC 6455 §7.1.7). */
    private void fail(ProtocolException violation) {
        inputDone = true;
        CloseStatus status = new CloseStatus(violation.closeCode(), violation.getMessage());
        closeHandshake.onFail(status);
        if (!finished.get()) {
            listener.onError(violation);
        }
        boolean sent = sendClose(status, new WriteCallback() {
            @Override
            public void completed() {
                transportEnded(null);
            }

            @Override
            public void failed(Throwable cause) {
                transportEnded(null);
            }
        });
        if (!sent) {
            transportEnded(null);
        }
    }

    /** A bug below the listener, or a listener that threw: fail with 1011 rather than hang. */
    private void failInternally(RuntimeException e) {
        fail(new ProtocolException(CloseCodes.INTERNAL_ERROR, "Internal error: " + e, e));
    }

    /** The TCP connection is gone or must go now; reports the outcome if not reported yet. */
    private void transportEnded(Throwable cause) {
        inputDone = true;
        cancelCloseTimer();
        boolean firstTime = !finished.get();
        if (cause != null && firstTime) {
            listener.onError(cause);
        }
        closeHandshake.terminate();
        transport.close();
        finish();
    }

    /** Reports the outcome once and frees what the connection holds. */
    private void finish() {
        if (!finished.compareAndSet(false, true)) {
            return;
        }
        flusher.fail(new ClosedChannelException());
        synchronized (sendLock) { // the outbound side of the extensions is used under this lock
            extensions.release();
        }
        listener.onClosed(closeHandshake.outcome());
    }

    private void startCloseTimer(Runnable onTimeout) {
        synchronized (timerLock) {
            if (closeTimer == null) {
                closeTimer = scheduler.schedule(onTimeout, settings.closeTimeout().toMillis(), TimeUnit.MILLISECONDS);
            }
        }
    }

    private void cancelCloseTimer() {
        synchronized (timerLock) {
            if (closeTimer != null) {
                closeTimer.cancel();
                closeTimer = null;
            }
        }
    }

    // ---------------------------------------------------------------- parser callbacks

    /** Receives frames from the parser; a separate class so that its callbacks stay out of the public API. */
    private final class ParsedFrames implements FrameParser.Listener {
        @Override
        public void onDataFrame(FrameHeader header, ByteBuffer payload, boolean frameStart, boolean frameEnd)
                throws ProtocolException {
            if (frameStart && inbound.onFrameStart(header)) {
                extensions.startMessage(header.rsv());
                // after our close, messages are still checked but no longer delivered (RFC 6455 §1.4)
                messageSink.startMessage(header.opcode(), closeHandshake.isOpen());
            }
            boolean messageEnd = frameEnd && header.fin();
            if (payload.hasRemaining() || messageEnd) {
                extensions.decode(payload, messageEnd);
            }
            if (messageEnd) {
                inbound.onMessageEnd();
            }
        }

        @Override
        public void onControlFrame(FrameHeader header, ByteBuffer payload) throws ProtocolException {
            switch (header.opcode()) {
                case OpCode.PING -> {
                    answerPing(copyOf(payload));
                    listener.onPing(payload);
                }
                case OpCode.PONG -> listener.onPong(payload);
                case OpCode.CLOSE -> onCloseFrame(CloseStatus.parse(payload));
                default -> throw new IllegalStateException("Parser passed a non-control opcode " + header.opcode());
            }
        }

        /** A pong outlives the ping's buffer, which belongs to the transport. */
        private ByteBuffer copyOf(ByteBuffer payload) {
            ByteBuffer copy = ByteBuffer.allocate(payload.remaining());
            copy.put(payload.duplicate()).flip();
            return copy;
        }
    }

    /** Settings of one connection; role, transport and listener are required, the rest have defaults. */
    public static final class Builder {
        private final Role role;
        private final Transport transport;
        private final ConnectionListener listener;
        private List<Extension> extensions = List.of();
        private ProtocolSettings settings = ProtocolSettings.DEFAULTS;
        private Scheduler scheduler;
        private BufferPool bufferPool;

        private Builder(Role role, Transport transport, ConnectionListener listener) {
            this.role = Objects.requireNonNull(role, "role");
            this.transport = Objects.requireNonNull(transport, "transport");
            this.listener = Objects.requireNonNull(listener, "listener");
        }

        /** The extensions the handshake negotiated, in the order of the response header. */
        public Builder extensions(List<Extension> extensions) {
            this.extensions = List.copyOf(extensions);
            return this;
        }

        public Builder settings(ProtocolSettings settings) {
            this.settings = Objects.requireNonNull(settings, "settings");
            return this;
        }

        /** Required: runs the close timeout. */
        public Builder scheduler(Scheduler scheduler) {
            this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
            return this;
        }

        /** Required: lends the buffers outbound frames are gathered in. Share one per container. */
        public Builder bufferPool(BufferPool bufferPool) {
            this.bufferPool = Objects.requireNonNull(bufferPool, "bufferPool");
            return this;
        }

        public WebSocketConnection build() {
            Objects.requireNonNull(scheduler, "scheduler");
            Objects.requireNonNull(bufferPool, "bufferPool");
            return new WebSocketConnection(this);
        }
    }
}
