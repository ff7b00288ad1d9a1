package dev.tideway.websocket.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tideway.websocket.protocol.EngineTranscript.MessageDecoder;
import dev.tideway.websocket.protocol.EngineTranscript.Sent;
import dev.tideway.websocket.protocol.extension.Extension;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/**
 * Drives one {@link WebSocketConnection} as the Autobahn TestSuite's fuzzer drives a testee: the test plays
 * the peer and feeds raw frame bytes ({@link #peer()}), in one read, frame by frame, in chops of a fixed
 * size or split at random; the engine runs Autobahn's echo endpoint (every text or binary message sent back
 * whole, as the same type). What the engine writes is read back, and checked frame by frame, by an
 * {@link EngineTranscript}.
 *
 * <p>The {@code assert...} methods check the "strict" outcome of a session: the exact close code, the close
 * frame written (and its write completed) before the TCP connection was closed, nothing written after, the
 * listener told exactly once, no timer left running, and, for the client, the server left to close the
 * TCP connection first (RFC 6455 §7.1.1).
 */
final class EngineHarness {

    private final Role role;
    private final RecordingTransport transport = new RecordingTransport();
    private final ManualScheduler scheduler = new ManualScheduler();
    private final RecordingListener listener = new RecordingListener();
    private final WebSocketConnection connection;
    private final EngineTranscript transcript;
    private final List<Throwable> echoFailures = new ArrayList<>();
    private final WriteCallback echoCallback = new WriteCallback() {
        @Override
        public void completed() {
        }

        @Override
        public void failed(Throwable cause) {
            echoFailures.add(cause);
        }
    };

    private EngineHarness(Builder b) {
        this.role = b.role;
        int extensionRsv = 0;
        for (Extension extension : b.extensions) {
            extensionRsv |= extension.rsvBits();
        }
        this.transcript = new EngineTranscript(role, extensionRsv, b.decoder);
        this.connection = WebSocketConnection.builder(role, transport, listener)
                .settings(b.settings)
                .extensions(b.extensions)
                .scheduler(scheduler)
                .bufferPool(BufferPool.newDefault())
                .build();
        if (b.echo) {
            listener.onMessage = this::echo;
        }
    }

    /** An echo endpoint with default settings and no extensions. */
    static EngineHarness echo(Role role) {
        return builder(role).build();
    }

    static Builder builder(Role role) {
        return new Builder(role);
    }

    /** The rows of a parameterized conformance test, each once per role: arguments (case, role). */
    static Stream<Arguments> inBothRoles(List<?> cases) {
        return Stream.of(Role.values()).flatMap(role -> cases.stream().map(c -> Arguments.of(c, role)));
    }

    private void echo(RecordingListener.Message message) {
        ByteBuffer payload = ByteBuffer.wrap(message.payload());
        if (message.text()) {
            connection.sendText(payload, true, echoCallback);
        } else {
            connection.sendBinary(payload, true, echoCallback);
        }
    }

    WebSocketConnection connection() {
        return connection;
    }

    RecordingListener listener() {
        return listener;
    }

    RecordingTransport transport() {
        return transport;
    }

    ManualScheduler scheduler() {
        return scheduler;
    }

    /** A builder for the peer's frames: masked when the engine is the server, unmasked when it is the client. */
    TestFrames peer() {
        return role == Role.SERVER ? TestFrames.fromClient() : TestFrames.fromServer();
    }

    // ---------------------------------------------------------------- feeding the peer's bytes

    /** How the peer's bytes are cut into reads: Autobahn sends in one chop, frame-wise or octet-wise. */
    enum Delivery {
        ONE_READ,
        FRAME_PER_READ,
        BYTE_PER_READ
    }

    EngineHarness feed(TestFrames frames, Delivery delivery) {
        return switch (delivery) {
            case ONE_READ -> feed(frames);
            case FRAME_PER_READ -> feedFramewise(frames);
            case BYTE_PER_READ -> feedBytewise(frames);
        };
    }

    /**
     * Delivers a session that breaks the protocol at byte {@code failingByte}. Delivered one byte per read,
     * the engine's close frame must appear right when that byte is read, not later (fail fast) and not
     * earlier; the rest is delivered all the same, to show that it is ignored.
     */
    EngineHarness feedFailingAt(TestFrames session, Delivery delivery, int failingByte) {
        return feedFailingWithin(session, delivery, failingByte, failingByte);
    }

    /**
     * Like {@link #feedFailingAt}, for a violation the engine may notice anywhere within a frame (say, once
     * its header is complete): the close frame must appear after a byte in {@code [first, last]}.
     */
    EngineHarness feedFailingWithin(TestFrames session, Delivery delivery, int first, int last) {
        if (delivery != Delivery.BYTE_PER_READ) {
            return feed(session, delivery);
        }
        byte[] wire = session.bytes();
        int closedAfter = -1;
        for (int i = 0; i < wire.length; i++) {
            feed(new byte[] {wire[i]});
            if (closedAfter < 0 && closeSent()) {
                closedAfter = i;
            }
        }
        int at = closedAfter;
        assertTrue(at >= first && at <= last,
                () -> "the engine sent its close frame after byte " + at + ", expected within [" + first + ", "
                        + last + "]");
        return this;
    }

    private boolean closeSent() {
        return transcript().closeSent();
    }

    /** Delivers the bytes in one read. */
    EngineHarness feed(TestFrames frames) {
        return feed(frames.bytes());
    }

    EngineHarness feed(byte[] wire) {
        return feedInChops(wire, Math.max(1, wire.length));
    }

    /** Delivers each frame in a read of its own (Autobahn's "frame-wise chops", {@code sync=True}). */
    EngineHarness feedFramewise(TestFrames frames) {
        for (byte[] frame : frames.frames()) {
            feed(frame);
        }
        return this;
    }

    /** Delivers one byte per read (Autobahn's "octet-wise chops"). */
    EngineHarness feedBytewise(byte[] wire) {
        return feedInChops(wire, 1);
    }

    EngineHarness feedBytewise(TestFrames frames) {
        return feedBytewise(frames.bytes());
    }

    /** Delivers the bytes in reads of {@code chopSize} bytes (the last may be shorter). */
    EngineHarness feedInChops(byte[] wire, int chopSize) {
        byte[] copy = wire.clone(); // the engine unmasks in place
        for (int start = 0; start < copy.length; start += chopSize) {
            read(ByteBuffer.wrap(copy, start, Math.min(chopSize, copy.length - start)).slice());
        }
        return this;
    }

    /** Delivers the bytes in reads that end at the given ascending offsets (and at the end). */
    EngineHarness feedSplitAt(byte[] wire, int... boundaries) {
        byte[] copy = wire.clone();
        int start = 0;
        for (int b = 0; b <= boundaries.length; b++) {
            int end = b < boundaries.length ? boundaries[b] : copy.length;
            read(ByteBuffer.wrap(copy, start, end - start).slice());
            start = end;
        }
        return this;
    }

    /** Up to {@code maxSplits} distinct random split points within {@code length} bytes, ascending. */
    static int[] randomSplits(int length, Random random, int maxSplits) {
        return random.ints(1, Math.max(2, length)).distinct().limit(Math.max(0, Math.min(maxSplits, length - 1L)))
                .sorted().toArray();
    }

    private void read(ByteBuffer buffer) {
        connection.onRead(buffer);
        assertFalse(buffer.hasRemaining(), "the engine left input unread although reading was not paused");
    }

    /** The peer closes its side of the TCP connection. */
    void peerClosesTcp() {
        connection.onReadEof();
    }

    // ---------------------------------------------------------------- what the engine wrote

    /** What the engine has written, read back and checked so far. */
    private EngineTranscript transcript() {
        transcript.read(transport.takeWritten());
        return transcript;
    }

    /** Every frame the engine has written, checked as {@link EngineTranscript} describes. */
    List<WireFrames.Frame> frames() {
        return transcript().frames();
    }

    /** The last thing the engine sent. */
    Sent lastSent() {
        List<Sent> all = sent();
        assertFalse(all.isEmpty(), "the engine sent nothing");
        return all.get(all.size() - 1);
    }

    /** Every message and control frame the engine has sent. */
    List<Sent> sent() {
        return transcript().sent();
    }

    /** What the engine sent since the last call (for long sessions, whose echoes are checked one by one). */
    List<Sent> takeSent() {
        return transcript().takeSent();
    }

    List<String> described() {
        return sent().stream().map(Sent::describe).toList();
    }

    // ---------------------------------------------------------------- outcomes

    void assertSent(String... expected) {
        assertEquals(List.of(expected), described());
    }

    /** Nothing ended: no close frame, transport open, no outcome reported, no timer running. */
    void assertOpen() {
        assertFalse(closeSent(), "a close frame was sent");
        assertFalse(transport.closed(), "the transport was closed");
        assertNull(listener.closed, "the outcome was reported");
        assertTrue(listener.errors.isEmpty(), () -> "errors: " + listener.errors);
        assertEquals(0, scheduler.pending(), "a timer is running");
    }

    /**
     * The engine failed the connection (RFC 6455 §7.1.7): its last frame is a close frame with {@code code},
     * written before the TCP connection was closed, the listener got the matching {@link ProtocolException}
     * and the outcome, once.
     */
    void assertFailed(int code) {
        assertEndedWith(code);
        assertTcpClosedAfterEverything();
        assertEquals(1, listener.errors.size(), () -> "errors: " + listener.errors);
        ProtocolException error = (ProtocolException) listener.errors.get(0);
        assertEquals(code, error.closeCode(), "the error's close code");
        assertEquals(0, scheduler.pending(), "a timer is still running");
    }

    /** Autobahn's normal ending: the peer starts the closing handshake with 1000 and it completes cleanly. */
    void closeByPeer() {
        feed(peer().close(CloseCodes.NORMAL_CLOSURE, ""));
        assertPeerCloseAnswered(CloseCodes.NORMAL_CLOSURE);
    }

    /**
     * The peer's close frame (with {@code code}, or empty for {@link CloseCodes#NO_STATUS_RECEIVED}) was
     * answered with the same code and the handshake completes cleanly: the server closes the TCP connection
     * at once; the client waits for the server to close it (here it does).
     */
    void assertPeerCloseAnswered(int code) {
        assertEndedWith(code);
        assertTrue(listener.errors.isEmpty(), () -> "errors: " + listener.errors);
        assertTrue(echoFailures.isEmpty(), () -> "echoes failed: " + echoFailures);
        if (role == Role.CLIENT) {
            assertFalse(transport.closed(), "a client leaves the server to close the TCP connection first");
            assertEquals(1, scheduler.pending(), "the client waits for the server's TCP close, with a timeout");
            peerClosesTcp();
        }
        assertTcpClosedAfterEverything();
        assertEquals(code, listener.closed.code(), "the outcome did not change");
        assertEquals(1, listener.closedCalls, "outcome reported once");
        assertEquals(0, scheduler.pending(), "a timer is still running");
    }

    /** The engine's last frame is a close frame with {@code code}, and the outcome, reported once, has it. */
    private void assertEndedWith(int code) {
        assertEquals(EngineTranscript.close(code), lastSent().describe(), "the engine's last frame");
        assertEquals(code, listener.closed == null ? -1 : listener.closed.code(), "outcome reported");
        assertEquals(1, listener.closedCalls, "outcome reported once");
    }

    /** The TCP connection is closed, after every byte the engine wrote, and nothing was written after. */
    void assertTcpClosedAfterEverything() {
        transcript(); // reads and checks what was written last
        assertTrue(transport.closed(), "the transport is still open");
        assertEquals(transport.totalWritten(), transport.writtenAtClose(),
                "bytes were written after the TCP connection was closed");
        assertEquals(0, transport.writesAfterClose(), "writes after the TCP connection was closed");
        assertFalse(transport.closedWithWritePending(), "the TCP connection was closed before a write completed");
    }

    /** Settings of one harness. */
    static final class Builder {
        private final Role role;
        private ProtocolSettings settings = ProtocolSettings.DEFAULTS;
        private List<Extension> extensions = List.of();
        private MessageDecoder decoder = EngineTranscript.PLAIN;
        private boolean echo = true;

        private Builder(Role role) {
            this.role = role;
        }

        Builder settings(ProtocolSettings settings) {
            this.settings = settings;
            return this;
        }

        /** Negotiated extensions, and how to decode the messages the engine sends through them. */
        Builder extensions(List<Extension> extensions, MessageDecoder decoder) {
            this.extensions = List.copyOf(extensions);
            this.decoder = decoder;
            return this;
        }

        /** Without echo, the endpoint only records what it receives. */
        Builder echo(boolean echo) {
            this.echo = echo;
            return this;
        }

        EngineHarness build() {
            return new EngineHarness(this);
        }
    }
}
