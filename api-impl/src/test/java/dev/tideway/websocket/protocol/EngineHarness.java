package dev.tideway.websocket.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.tideway.websocket.protocol.extension.Extension;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/**
 * Drives one {@link WebSocketConnection} as the Autobahn TestSuite's fuzzer drives a testee: the test plays
 * the peer and feeds raw frame bytes ({@link #peer()}), in one read, frame by frame, in chops of a fixed
 * size or split at random; the engine runs Autobahn's echo endpoint (every text or binary message sent back
 * whole, as the same type). What the engine writes is decoded with {@link WireFrames}, independently of
 * the engine's own parser, and kept as a list of {@link Sent} entries.
 *
 * <p>Every frame the engine writes is checked as it is read back: masked exactly when the engine is the
 * client, RSV bits only where a negotiated extension owns them and only on a message's first frame,
 * control frames final and at most 125 bytes, data frames in a valid fragment order, and nothing at all
 * after the engine's close frame.
 *
 * <p>The {@code assert...} methods check the "strict" outcome of a session: the exact close code, the close
 * frame written before the TCP connection was closed and nothing after it, the listener told exactly once,
 * and, for the client, the server left to close the TCP connection first (RFC 6455 §7.1.1).
 */
final class EngineHarness {

    /** Turns a message the engine sent back into its application payload (for example, inflates it). */
    @FunctionalInterface
    interface MessageDecoder {
        byte[] decode(int rsv, byte[] wirePayload);
    }

    /** A message without RSV bits is its own payload; any RSV bit means the test forgot a decoder. */
    private static final MessageDecoder PLAIN = (rsv, payload) -> {
        assertEquals(0, rsv, "RSV bits on a message although no extension is negotiated");
        return payload;
    };

    /**
     * One thing the engine sent: a whole data message (its frames joined and decoded) or a control frame.
     *
     * @param rsv         the RSV bits of the message's first frame
     * @param payload     the decoded payload
     * @param wireLength  payload bytes on the wire, over all frames (compressed, when compressed)
     * @param frameSizes  payload length of each frame
     */
    record Sent(int opcode, int rsv, byte[] payload, long wireLength, List<Integer> frameSizes) {
        int closeCode() {
            return payload.length < 2 ? CloseCodes.NO_STATUS_RECEIVED
                    : ((payload[0] & 0xFF) << 8) | (payload[1] & 0xFF);
        }

        String closeReason() {
            return payload.length < 2 ? "" : new String(payload, 2, payload.length - 2, StandardCharsets.UTF_8);
        }

        /** A short form to compare in assertions: see {@link #text}, {@link #pong}, {@link #close} and so on. */
        String describe() {
            return switch (opcode) {
                case OpCode.TEXT -> describeText(payload);
                case OpCode.BINARY -> "BINARY " + hex(payload);
                case OpCode.CLOSE -> close(closeCode());
                default -> OpCode.name(opcode) + " " + hex(payload);
            };
        }

        @Override
        public String toString() {
            return describe();
        }
    }

    private final Role role;
    private final RecordingTransport transport = new RecordingTransport();
    private final ManualScheduler scheduler = new ManualScheduler();
    private final RecordingListener listener = new RecordingListener();
    private final WebSocketConnection connection;
    private final int extensionRsv;
    private final MessageDecoder decoder;
    private final List<Throwable> echoFailures = new ArrayList<>();

    private final List<WireFrames.Frame> frames = new ArrayList<>();
    private final List<Sent> sent = new ArrayList<>();
    private int sentTaken;
    /** The data message being read back: its first frame's opcode and RSV, or -1 between messages. */
    private int messageOpcode = -1;
    private int messageRsv;
    private final ByteArrayOutputStream messagePayload = new ByteArrayOutputStream();
    private final List<Integer> messageFrameSizes = new ArrayList<>();
    private boolean closeSent;

    private EngineHarness(Builder b) {
        this.role = b.role;
        this.decoder = b.decoder;
        int rsv = 0;
        for (Extension extension : b.extensions) {
            rsv |= extension.rsvBits();
        }
        this.extensionRsv = rsv;
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
        WriteCallback callback = new WriteCallback() {
            @Override
            public void completed() {
            }

            @Override
            public void failed(Throwable cause) {
                echoFailures.add(cause);
            }
        };
        if (message.text()) {
            connection.sendText(payload, true, callback);
        } else {
            connection.sendBinary(payload, true, callback);
        }
    }

    Role role() {
        return role;
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
        readWritten();
        return closeSent;
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

    /** Every frame the engine has written, checked as described in the class comment. */
    List<WireFrames.Frame> frames() {
        readWritten();
        return frames;
    }

    /** The last thing the engine sent. */
    Sent lastSent() {
        List<Sent> all = sent();
        assertFalse(all.isEmpty(), "the engine sent nothing");
        return all.get(all.size() - 1);
    }

    /** Every message and control frame the engine has sent. */
    List<Sent> sent() {
        readWritten();
        return sent;
    }

    /** What the engine sent since the last call (for long sessions, whose echoes are checked one by one). */
    List<Sent> takeSent() {
        readWritten();
        List<Sent> taken = List.copyOf(sent.subList(sentTaken, sent.size()));
        sentTaken = sent.size();
        return taken;
    }

    List<String> described() {
        return sent().stream().map(Sent::describe).toList();
    }

    private void readWritten() {
        byte[] written = transport.takeWritten();
        if (written.length == 0) {
            return;
        }
        for (WireFrames.Frame frame : WireFrames.parse(written)) {
            check(frame);
            frames.add(frame);
            collect(frame);
        }
    }

    private void check(WireFrames.Frame frame) {
        String what = OpCode.name(frame.opcode()) + " frame #" + frames.size();
        if (closeSent) {
            fail(what + " written after the engine's close frame");
        }
        assertEquals(role.masksOutbound(), frame.masked(), what + ": masked must be " + role.masksOutbound());
        assertTrue(OpCode.isDefined(frame.opcode()), what + ": reserved opcode");
        if (OpCode.isControl(frame.opcode())) {
            assertTrue(frame.fin(), what + ": a control frame must not be fragmented");
            assertEquals(0, frame.rsv(), what + ": RSV bits on a control frame");
            assertTrue(frame.payload().length <= 125, what + ": control payload over 125 bytes");
            return;
        }
        boolean continuation = frame.opcode() == OpCode.CONTINUATION;
        assertEquals(messageOpcode >= 0, continuation,
                what + (continuation ? ": continuation without a message" : ": new message inside a message"));
        if (continuation) {
            assertEquals(0, frame.rsv(), what + ": RSV bits on a continuation frame");
        } else {
            assertEquals(0, frame.rsv() & ~extensionRsv, what + ": RSV bits no negotiated extension owns");
        }
    }

    private void collect(WireFrames.Frame frame) {
        int opcode = frame.opcode();
        if (OpCode.isControl(opcode)) {
            closeSent |= opcode == OpCode.CLOSE;
            byte[] payload = frame.payload();
            sent.add(new Sent(opcode, 0, payload, payload.length, List.of(payload.length)));
            return;
        }
        if (opcode != OpCode.CONTINUATION) {
            messageOpcode = opcode;
            messageRsv = frame.rsv();
        }
        messagePayload.writeBytes(frame.payload());
        messageFrameSizes.add(frame.payload().length);
        if (frame.fin()) {
            byte[] wirePayload = messagePayload.toByteArray();
            sent.add(new Sent(messageOpcode, messageRsv, decoder.decode(messageRsv, wirePayload),
                    wirePayload.length, List.copyOf(messageFrameSizes)));
            messageOpcode = -1;
            messagePayload.reset();
            messageFrameSizes.clear();
        }
    }

    // ---------------------------------------------------------------- expected entries, as described

    static String text(String text) {
        return describeText(text.getBytes(StandardCharsets.UTF_8));
    }

    static String text(byte[] utf8) {
        return describeText(utf8);
    }

    static String binary(byte[] data) {
        return "BINARY " + hex(data);
    }

    static String pong(byte[] data) {
        return "PONG " + hex(data);
    }

    static String pong(String data) {
        return pong(data.getBytes(StandardCharsets.UTF_8));
    }

    /** A close frame with this code; {@link CloseCodes#NO_STATUS_RECEIVED} stands for an empty close frame. */
    static String close(int code) {
        return code == CloseCodes.NO_STATUS_RECEIVED ? "CLOSE (no status)" : "CLOSE " + code;
    }

    private static String describeText(byte[] utf8) {
        return "TEXT " + new String(utf8, StandardCharsets.UTF_8);
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
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
        List<Sent> all = sent();
        assertFalse(all.isEmpty(), "nothing was sent; expected a close frame with " + code);
        Sent last = all.get(all.size() - 1);
        assertEquals(close(code), last.describe(), "the engine's last frame");
        assertTcpClosedAfterEverything();
        assertEquals(code, listener.closed == null ? -1 : listener.closed.code(), "outcome reported");
        assertEquals(1, listener.closedCalls, "outcome reported once");
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
        List<Sent> all = sent();
        assertFalse(all.isEmpty(), "no close frame was sent");
        assertEquals(close(code), all.get(all.size() - 1).describe(), "the engine's last frame");
        assertEquals(code, listener.closed == null ? -1 : listener.closed.code(), "outcome reported");
        assertEquals(1, listener.closedCalls, "outcome reported once");
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

    /** The TCP connection is closed, after every byte the engine wrote, and nothing was written after. */
    void assertTcpClosedAfterEverything() {
        sent();
        assertTrue(transport.closed(), "the transport is still open");
        assertEquals(transport.totalWritten(), transport.writtenAtClose(),
                "bytes were written after the TCP connection was closed");
        assertEquals(0, transport.writesAfterClose(), "writes after the TCP connection was closed");
    }

    /** Settings of one harness. */
    static final class Builder {
        private final Role role;
        private ProtocolSettings settings = ProtocolSettings.DEFAULTS;
        private List<Extension> extensions = List.of();
        private MessageDecoder decoder = PLAIN;
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
