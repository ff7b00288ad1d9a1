package dev.tideway.websocket.session;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.websocket.MessageHandler;
import jakarta.websocket.PongMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code RemoteEndpoint.Basic}: whole and partial messages, a surrogate pair cut between parts, the send
 * stream and writer, and ping answered by the peer's pong.
 */
class BasicRemoteTest {

    @Test
    void wholeTextAndBinaryMessages() throws Exception {
        try (Receiver receiver = Receiver.whole()) {
            receiver.pair.server.getBasicRemote().sendText("text message");
            receiver.pair.server.getBasicRemote().sendBinary(ByteBuffer.wrap(new byte[] {1, 2, 3}));

            assertEquals("text message", receiver.next());
            assertEquals(ByteBuffer.wrap(new byte[] {1, 2, 3}), receiver.next());
        }
    }

    @Test
    void theCallersBufferIsNotConsumed() throws Exception {
        try (Receiver receiver = Receiver.whole()) {
            ByteBuffer data = ByteBuffer.wrap(new byte[] {4, 5, 6});
            receiver.pair.server.getBasicRemote().sendBinary(data);
            assertEquals(0, data.position());
            assertEquals(3, data.remaining());
            assertEquals(ByteBuffer.wrap(new byte[] {4, 5, 6}), receiver.next());
        }
    }

    @Test
    void partialTextAndBinaryMessagesArriveAsOneMessageEach() throws Exception {
        try (Receiver receiver = Receiver.whole()) {
            var remote = receiver.pair.server.getBasicRemote();
            remote.sendText("one, ", false);
            remote.sendText("two, ", false);
            remote.sendText("three", true);
            remote.sendBinary(ByteBuffer.wrap(new byte[] {1}), false);
            remote.sendBinary(ByteBuffer.wrap(new byte[] {2, 3}), true);

            assertEquals("one, two, three", receiver.next());
            assertEquals(ByteBuffer.wrap(new byte[] {1, 2, 3}), receiver.next());
        }
    }

    @Test
    void aSurrogatePairSplitAcrossPartsArrivesIntact() throws Exception {
        String clef = "\uD834\uDD1E"; // U+1D11E, one character, two chars in Java
        try (Receiver receiver = Receiver.whole()) {
            var remote = receiver.pair.server.getBasicRemote();
            remote.sendText("a" + clef.charAt(0), false);
            remote.sendText(clef.charAt(1) + "b" + clef.charAt(0), false);
            remote.sendText(String.valueOf(clef.charAt(1)), true);

            assertEquals("a" + clef + "b" + clef, receiver.next());
            assertTrue(receiver.server.errors.isEmpty() && receiver.client.errors.isEmpty());
        }
    }

    @Test
    void theSendStreamSendsOneMessageInPartsAndCloseEndsIt() throws Exception {
        byte[] data = new byte[20_000]; // more than two parts of the stream
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) (i * 13);
        }
        try (Receiver receiver = Receiver.partialBinary()) {
            OutputStream stream = receiver.pair.server.getBasicRemote().getSendStream();
            stream.write(data, 0, 10_000);
            stream.write(data[10_000]);
            stream.write(data, 10_001, data.length - 10_001);
            assertEquals(List.of(false, false), receiver.partsSoFar(), "full parts went; the rest waits for more");
            stream.close();

            ByteBuffer message = receiver.nextMessage();
            assertArrayEquals(data, Receiver.bytes(message));
            assertEquals(List.of(false, false, true), receiver.lastFlags());
            IOException closed = assertThrows(IOException.class, () -> stream.write(1));
            assertEquals("The send stream is closed", closed.getMessage());
        }
    }

    @Test
    void theSendWriterSendsOneTextMessageAndKeepsSurrogatePairsWhole() throws Exception {
        StringBuilder text = new StringBuilder();
        text.append("x".repeat(SendWriter.PART_SIZE - 1)).append("\uD834\uDD1E"); // a pair across the part boundary
        text.append("ü".repeat(10_000));
        try (Receiver receiver = Receiver.whole()) {
            receiver.pair.client.setMaxTextMessageBufferSize(1 << 20);
            Writer writer = receiver.pair.server.getBasicRemote().getSendWriter();
            writer.write(text.toString());
            writer.close();

            assertEquals(text.toString(), receiver.next());
            IOException closed = assertThrows(IOException.class, () -> writer.write("more"));
            assertEquals("The send writer is closed", closed.getMessage());
        }
    }

    @Test
    void aPingIsAnsweredWithAPongCarryingTheSameData() throws Exception {
        byte[] data = "are you there?".getBytes(StandardCharsets.UTF_8);
        RecordingEndpoint server = new RecordingEndpoint((session, config) ->
                session.addMessageHandler(PongMessage.class, RecordingEndpoint.of(session).received::add));
        try (SessionPair pair = SessionPair.open(server, new RecordingEndpoint())) {
            Await.get(server.opened);
            ByteBuffer ping = ByteBuffer.wrap(data);
            pair.server.getBasicRemote().sendPing(ping);

            PongMessage pong = (PongMessage) server.nextReceived();
            assertEquals(ByteBuffer.wrap(data), pong.getApplicationData());
            assertEquals(0, ping.position(), "the caller's buffer is not consumed");
            assertThrows(IllegalArgumentException.class,
                    () -> pair.server.getBasicRemote().sendPing(ByteBuffer.allocate(126)));
        }
    }

    @Test
    void aBlockingSendToAPeerThatNeverReadsTimesOutAndClosesTheSession() throws Exception {
        try (Receiver receiver = Receiver.whole()) {
            receiver.pair.server.getUserProperties().put(TidewaySession.BLOCKING_SEND_TIMEOUT_PROPERTY, 200);
            Await.until("the client reads", () -> !receiver.pair.clientTransport().isPaused());
            receiver.pair.client.connection().pauseReading();

            java.net.SocketTimeoutException timeout = assertThrows(java.net.SocketTimeoutException.class,
                    () -> receiver.pair.server.getBasicRemote().sendBinary(ByteBuffer.allocate(4 * LoopbackTransport.WINDOW)));
            assertEquals("The message was not sent within 200 ms", timeout.getMessage());
            SessionDeliveryTest.assertReason(1006, "Send timed out", receiver.server.awaitClose());
        }
    }

    /** A client that records what the server sends it. */
    static final class Receiver implements AutoCloseable {
        final RecordingEndpoint server = new RecordingEndpoint();
        final RecordingEndpoint client;
        final SessionPair pair;
        private final List<ByteBuffer> parts = new java.util.concurrent.CopyOnWriteArrayList<>();
        private final List<Boolean> lastFlags = new java.util.concurrent.CopyOnWriteArrayList<>();

        private Receiver(RecordingEndpoint.OpenAction clientOpen) throws Exception {
            client = new RecordingEndpoint(clientOpen);
            pair = SessionPair.open(server, client);
            Await.get(server.opened);
            Await.get(client.opened);
        }

        /** Records whole text and binary messages. */
        static Receiver whole() throws Exception {
            return new Receiver((session, config) -> {
                session.addMessageHandler(String.class, RecordingEndpoint.of(session).received::add);
                session.addMessageHandler(ByteBuffer.class, RecordingEndpoint.of(session).received::add);
            });
        }

        /** Records binary messages part by part; {@link #nextMessage()} joins them. */
        static Receiver partialBinary() throws Exception {
            Receiver[] self = new Receiver[1];
            Receiver receiver = new Receiver((session, config) ->
                    session.addMessageHandler(ByteBuffer.class, new MessageHandler.Partial<ByteBuffer>() {
                        @Override
                        public void onMessage(ByteBuffer part, boolean last) {
                            self[0].parts.add(part);
                            self[0].lastFlags.add(last);
                            if (last) {
                                RecordingEndpoint.of(session).received.add(join(self[0].parts));
                            }
                        }
                    }));
            self[0] = receiver;
            return receiver;
        }

        Object next() {
            return client.nextReceived();
        }

        ByteBuffer nextMessage() {
            return (ByteBuffer) client.nextReceived();
        }

        List<Boolean> lastFlags() {
            return List.copyOf(lastFlags);
        }

        /** The last flags of the parts that arrived by now, once the first one is in. */
        List<Boolean> partsSoFar() throws InterruptedException {
            Await.until("a first part", () -> !lastFlags.isEmpty());
            Thread.sleep(50);
            return List.copyOf(lastFlags);
        }

        static byte[] bytes(ByteBuffer buffer) {
            byte[] bytes = new byte[buffer.remaining()];
            buffer.duplicate().get(bytes);
            return bytes;
        }

        private static ByteBuffer join(List<ByteBuffer> parts) {
            List<ByteBuffer> copy = new ArrayList<>(parts);
            ByteBuffer all = ByteBuffer.allocate(copy.stream().mapToInt(ByteBuffer::remaining).sum());
            copy.forEach(part -> all.put(part.duplicate()));
            return all.flip();
        }

        @Override
        public void close() throws InterruptedException {
            pair.close();
        }
    }
}
