package dev.tideway.websocket.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tideway.websocket.protocol.FrameFlusherTest.RecordingCallback;
import dev.tideway.websocket.protocol.extension.Extension;
import dev.tideway.websocket.protocol.extension.ExtensionOffer;
import dev.tideway.websocket.protocol.extension.OutboundPayload;
import dev.tideway.websocket.protocol.extension.PayloadSink;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Behaviour of the coordinator beyond the wire rules (those are in the Conformance* suites). */
class WebSocketConnectionTest {
    private final RecordingTransport transport = new RecordingTransport();
    private final RecordingListener listener = new RecordingListener();
    private final ManualScheduler scheduler = new ManualScheduler();

    private WebSocketConnection connection(Role role, ProtocolSettings settings, List<Extension> extensions) {
        return WebSocketConnection.builder(role, transport, listener)
                .settings(settings)
                .extensions(extensions)
                .scheduler(scheduler)
                .bufferPool(BufferPool.newDefault())
                .build();
    }

    private WebSocketConnection server() {
        return connection(Role.SERVER, ProtocolSettings.DEFAULTS, List.of());
    }

    @Test
    void pausingInsideACallbackLeavesTheRestForLater() {
        WebSocketConnection server = server();
        listener.onChunk = chunk -> server.pauseReading();
        ByteBuffer input = TestFrames.fromClient().text("one").text("two").buffer();
        server.onRead(input);
        assertEquals(List.of("one"), listener.texts());
        assertTrue(transport.paused());
        assertTrue(input.hasRemaining(), "second frame still unread");

        listener.onChunk = chunk -> { };
        server.resumeReading();
        server.onRead(input);
        assertEquals(List.of("one", "two"), listener.texts());
        assertFalse(input.hasRemaining());
    }

    @Test
    void repliesToOneReadLeaveInOneWrite() {
        WebSocketConnection server = server();
        TestFrames pings = TestFrames.fromClient();
        for (int i = 0; i < 5; i++) {
            pings.ping(new byte[] {(byte) i});
        }
        server.onRead(pings.buffer());
        assertEquals(1, transport.writeCalls());
        List<WireFrames.Frame> pongs = WireFrames.parse(transport.takeWritten());
        assertEquals(5, pongs.size());
        for (int i = 0; i < 5; i++) {
            assertEquals(OpCode.PONG, pongs.get(i).opcode());
            assertArrayEquals(new byte[] {(byte) i}, pongs.get(i).payload());
        }
    }

    @Test
    void noDataIsSentAfterOurCloseFrame() {
        WebSocketConnection server = server();
        server.close(new CloseStatus(1000, "bye"));
        RecordingCallback text = new RecordingCallback();
        server.sendText(ByteBuffer.wrap("late".getBytes()), true, text);
        server.onRead(TestFrames.fromClient().ping(new byte[] {1}).buffer());
        assertInstanceOf(ClosedChannelException.class, text.failures.get(0));
        List<WireFrames.Frame> frames = WireFrames.parse(transport.takeWritten());
        assertEquals(2, frames.size(), "the close frame, no text, and the pong RFC 6455 §5.5.2 still asks for");
        assertEquals(OpCode.CLOSE, frames.get(0).opcode());
        assertEquals(1000, frames.get(0).closeCode());
        assertEquals("bye", frames.get(0).closeReason());
        assertEquals(OpCode.PONG, frames.get(1).opcode());
    }

    @Test
    void aPeerThatNeverAnswersOurCloseIsCutOffAfterTheTimeout() {
        ProtocolSettings settings = ProtocolSettings.builder().closeTimeout(Duration.ofMillis(1234)).build();
        WebSocketConnection server = connection(Role.SERVER, settings, List.of());
        server.close(CloseStatus.NORMAL);
        assertEquals(1234, scheduler.pendingDelayMillis());
        assertFalse(transport.closed());
        scheduler.fireAll();
        assertTrue(transport.closed());
        assertEquals(CloseCodes.ABNORMAL_CLOSURE, listener.closed.code());
        assertEquals(1, listener.closedCalls);
    }

    @Test
    void theServerClosesTcpWhenThePeerAnswersItsClose() {
        WebSocketConnection server = server();
        server.close(CloseStatus.NORMAL);
        server.onRead(TestFrames.fromClient().close(1000, "ok").buffer());
        assertTrue(transport.closed());
        assertEquals(0, scheduler.pending(), "close timer cancelled");
        assertEquals(new CloseStatus(1000, "ok"), listener.closed);
    }

    @Test
    void aClientEchoesTheServersCloseThenWaitsForTheServerToCloseTcp() {
        WebSocketConnection client = connection(Role.CLIENT, ProtocolSettings.DEFAULTS, List.of());
        client.onRead(TestFrames.fromServer().close(1001, "restart").buffer());
        WireFrames.Frame echo = WireFrames.parse(transport.takeWritten()).get(0);
        assertTrue(echo.masked());
        assertEquals(1001, echo.closeCode());
        assertEquals(new CloseStatus(1001, "restart"), listener.closed);
        assertFalse(transport.closed(), "the server closes TCP first");
        assertEquals(1, scheduler.pending());
        client.onReadEof();
        assertTrue(transport.closed());
        assertEquals(0, scheduler.pending());
        assertEquals(1, listener.closedCalls);
    }

    @Test
    void aSlowPeerMakesSendsFailOnceTheQueueIsFull() {
        ProtocolSettings settings = ProtocolSettings.builder().maxQueuedBytes(16 * 1024).build();
        WebSocketConnection server = connection(Role.SERVER, settings, List.of());
        transport.holdWrites(true);
        RecordingCallback first = new RecordingCallback();
        RecordingCallback second = new RecordingCallback();
        RecordingCallback third = new RecordingCallback();
        server.sendBinary(ByteBuffer.allocate(10 * 1024), true, first);
        server.sendBinary(ByteBuffer.allocate(5 * 1024), true, second);
        server.sendBinary(ByteBuffer.allocate(5 * 1024), true, third);
        assertInstanceOf(SendQueueFullException.class, third.failures.get(0));
        assertEquals(15 * 1024, server.queuedBytes());
        transport.completeWrites();
        transport.completeWrites();
        assertEquals(1, first.completed);
        assertEquals(1, second.completed);
        assertTrue(server.isOpen(), "a refused send does not close the connection");
    }

    @Test
    void aMessageLargerThanTheQueueLimitIsAcceptedWhenNothingWaits() {
        ProtocolSettings settings = ProtocolSettings.builder().maxQueuedBytes(1024).build();
        WebSocketConnection server = connection(Role.SERVER, settings, List.of());
        RecordingCallback callback = new RecordingCallback();
        server.sendBinary(ByteBuffer.allocate(100_000), true, callback);
        assertEquals(1, callback.completed);
    }

    @Test
    void startingAMessageWhileAnotherIsSentInPartsIsAnError() {
        WebSocketConnection server = server();
        server.sendText(ByteBuffer.wrap("part".getBytes()), false, WriteCallback.NOOP);
        assertThrows(IllegalStateException.class,
                () -> server.sendBinary(ByteBuffer.allocate(1), true, WriteCallback.NOOP));
        server.sendText(ByteBuffer.wrap("end".getBytes()), true, WriteCallback.NOOP);
        List<WireFrames.Frame> frames = WireFrames.parse(transport.takeWritten());
        assertEquals(OpCode.TEXT, frames.get(0).opcode());
        assertFalse(frames.get(0).fin());
        assertEquals(OpCode.CONTINUATION, frames.get(1).opcode());
        assertTrue(frames.get(1).fin());
    }

    @Test
    void preparedFramesGoOutVerbatimFromAServerOnly() {
        byte[] frame = {(byte) 0x81, 0x02, 'h', 'i'};
        WebSocketConnection server = server();
        server.sendEncoded(ByteBuffer.wrap(frame), WriteCallback.NOOP);
        assertArrayEquals(frame, transport.takeWritten());

        WebSocketConnection client = connection(Role.CLIENT, ProtocolSettings.DEFAULTS, List.of());
        assertThrows(IllegalStateException.class, () -> client.sendEncoded(ByteBuffer.wrap(frame), WriteCallback.NOOP));
    }

    @Test
    void extensionsAreReleasedOnceWhenTheConnectionEnds() {
        CountingExtension extension = new CountingExtension();
        WebSocketConnection server = connection(Role.SERVER, ProtocolSettings.DEFAULTS, List.of(extension));
        server.onRead(TestFrames.fromClient().close(1000, "").buffer());
        server.onReadEof();
        assertEquals(1, extension.releases);
        assertEquals(1, listener.closedCalls);
    }

    @Test
    void aListenerThatThrowsFailsTheConnectionWithInternalError() {
        WebSocketConnection server = server();
        listener.onChunk = chunk -> {
            throw new IllegalArgumentException("boom");
        };
        server.onRead(TestFrames.fromClient().text("x").buffer());
        WireFrames.Frame close = WireFrames.parse(transport.takeWritten()).get(0);
        assertEquals(CloseCodes.INTERNAL_ERROR, close.closeCode());
        assertTrue(transport.closed());
        assertEquals(CloseCodes.INTERNAL_ERROR, listener.closed.code());
        assertInstanceOf(IllegalArgumentException.class, listener.errors.get(0).getCause());
    }

    @Test
    void theTextLimitCanBeLoweredWhileOpen() {
        WebSocketConnection server = server();
        server.maxTextMessageSize(4);
        server.onRead(TestFrames.fromClient().text("1234").text("12345").buffer());
        assertEquals(List.of("1234"), listener.texts());
        assertEquals(CloseCodes.MESSAGE_TOO_BIG, WireFrames.parse(transport.takeWritten()).get(0).closeCode());
        assertEquals(CloseCodes.MESSAGE_TOO_BIG, listener.closed.code());
    }

    @Test
    void eofWithoutAClosingHandshakeIsAbnormal() {
        WebSocketConnection server = server();
        server.onReadEof();
        assertEquals(CloseStatus.ABNORMAL, listener.closed);
        assertTrue(transport.closed());
        assertTrue(listener.errors.isEmpty());
    }

    /** An extension that owns no bits and changes nothing, counting its releases. */
    private static final class CountingExtension implements Extension {
        int releases;

        @Override
        public ExtensionOffer negotiated() {
            return ExtensionOffer.of("x-counting");
        }

        @Override
        public int rsvBits() {
            return 0;
        }

        @Override
        public void decode(int messageRsv, ByteBuffer chunk, boolean messageEnd, PayloadSink next)
                throws ProtocolException {
            next.onPayload(chunk, messageEnd);
        }

        @Override
        public void encode(OutboundPayload fragment, boolean messageStart, boolean messageEnd) {
        }

        @Override
        public void release() {
            releases++;
        }
    }
}
