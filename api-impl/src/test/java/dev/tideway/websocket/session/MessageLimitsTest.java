package dev.tideway.websocket.session;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tideway.websocket.endpoint.AnnotatedEndpoint;
import dev.tideway.websocket.endpoint.AnnotatedEndpointScanner;
import jakarta.websocket.ClientEndpoint;
import jakarta.websocket.CloseReason;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnMessage;
import java.nio.ByteBuffer;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import org.junit.jupiter.api.Test;

/**
 * Size limits of whole messages: the session's buffer sizes and {@code @OnMessage(maxMessageSize)} close
 * the session with 1009 when passed, counting every fragment; partial handlers are not limited by them.
 */
class MessageLimitsTest {
    /** TestContainer's default buffer sizes. */
    private static final int BUFFER = 64 * 1024;

    @Test
    void aWholeTextMessageOfExactlyTheBufferSizeArrives() throws Exception {
        RecordingEndpoint server = textReceiver();
        try (SessionPair pair = SessionPair.open(server, new RecordingEndpoint())) {
            Await.get(server.opened);
            pair.client.getBasicRemote().sendText("a".repeat(BUFFER));
            assertEquals(BUFFER, ((String) server.nextReceived()).length());
        }
    }

    @Test
    void aWholeTextMessageOverTheBufferSizeClosesWith1009() throws Exception {
        RecordingEndpoint server = textReceiver();
        RecordingEndpoint client = new RecordingEndpoint();
        try (SessionPair pair = SessionPair.open(server, client)) {
            Await.get(server.opened);
            pair.client.getBasicRemote().sendText("a".repeat(BUFFER + 1));

            String phrase = "Message of at least " + (BUFFER + 1) + " bytes is larger than the limit of " + BUFFER;
            SessionDeliveryTest.assertReason(1009, phrase, server.awaitClose());
            SessionDeliveryTest.assertReason(1009, phrase, client.awaitClose());
            assertTrue(server.received.isEmpty(), "nothing of the message was delivered");
        }
    }

    @Test
    void theLimitCountsAllFragmentsOfAMessage() throws Exception {
        RecordingEndpoint server = textReceiver();
        RecordingEndpoint client = new RecordingEndpoint();
        try (SessionPair pair = SessionPair.open(server, client)) {
            Await.get(server.opened);
            String part = "b".repeat(30_000);
            pair.client.getBasicRemote().sendText(part, false);
            pair.client.getBasicRemote().sendText(part, false);
            pair.client.getBasicRemote().sendText(part, true); // 90,000 bytes in all

            assertEquals(1009, server.awaitClose().getCloseCode().getCode());
            assertEquals(1009, client.awaitClose().getCloseCode().getCode());
        }
    }

    @Test
    void aWholeBinaryMessageOverTheSessionsBinaryBufferSizeClosesWith1009() throws Exception {
        RecordingEndpoint server = new RecordingEndpoint((session, config) -> {
            session.setMaxBinaryMessageBufferSize(1000);
            session.addMessageHandler(byte[].class, RecordingEndpoint.of(session).received::add);
        });
        RecordingEndpoint client = new RecordingEndpoint();
        try (SessionPair pair = SessionPair.open(server, client)) {
            Await.get(server.opened);
            pair.client.getBasicRemote().sendBinary(ByteBuffer.allocate(1000));
            assertEquals(1000, ((byte[]) server.nextReceived()).length);

            pair.client.getBasicRemote().sendBinary(ByteBuffer.allocate(1001));
            assertEquals(1009, server.awaitClose().getCloseCode().getCode());
            assertEquals(1009, client.awaitClose().getCloseCode().getCode());
        }
    }

    @Test
    void aPartialHandlerGetsAMessageLargerThanTheBufferInParts() throws Exception {
        byte[] message = new byte[5 * BUFFER];
        for (int i = 0; i < message.length; i++) {
            message[i] = (byte) (i % 251);
        }
        CompletableFuture<byte[]> assembled = new CompletableFuture<>();
        BlockingQueue<Boolean> lastFlags = new LinkedBlockingQueue<>();
        RecordingEndpoint server = new RecordingEndpoint((session, config) ->
                session.addMessageHandler(ByteBuffer.class, new MessageHandler.Partial<ByteBuffer>() {
                    private final ByteBuffer all = ByteBuffer.allocate(message.length);

                    @Override
                    public void onMessage(ByteBuffer part, boolean last) {
                        all.put(part);
                        lastFlags.add(last);
                        if (last) {
                            assembled.complete(all.array());
                        }
                    }
                }));
        try (SessionPair pair = SessionPair.open(server, new RecordingEndpoint())) {
            Await.get(server.opened);
            pair.client.getBasicRemote().sendBinary(ByteBuffer.wrap(message));

            assertArrayEquals(message, Await.get(assembled));
            assertTrue(lastFlags.size() > 1, "delivered in parts, not whole: " + lastFlags.size());
            assertEquals(lastFlags.size() - 1, lastFlags.stream().filter(last -> !last).count());
            assertTrue(pair.server.isOpen());
        }
    }

    /** An annotated endpoint whose text method takes at most 100 bytes. */
    @ClientEndpoint
    public static class SmallMessages {
        final BlockingQueue<String> received = new LinkedBlockingQueue<>();
        final CompletableFuture<CloseReason> closed = new CompletableFuture<>();

        @OnMessage(maxMessageSize = 100)
        public void onMessage(String message) {
            received.add(message);
        }

        @OnClose
        public void onClose(CloseReason reason) {
            closed.complete(reason);
        }
    }

    @Test
    void onMessageMaxMessageSizeIsHonoured() throws Exception {
        SmallMessages endpoint = new SmallMessages();
        RecordingEndpoint client = new RecordingEndpoint();
        try (SessionPair pair = SessionPair.open(annotated(endpoint), client)) {
            Await.get(client.opened);
            pair.client.getBasicRemote().sendText("x".repeat(100));
            assertEquals(100, Await.poll(endpoint.received).length());

            pair.client.getBasicRemote().sendText("x".repeat(101));
            assertEquals(1009, Await.get(endpoint.closed).getCloseCode().getCode());
            assertEquals(1009, client.awaitClose().getCloseCode().getCode());
        }
    }

    /** An annotated endpoint whose text method takes more than the session's buffer size. */
    @ClientEndpoint
    public static class LargeMessages {
        final BlockingQueue<String> received = new LinkedBlockingQueue<>();

        @OnMessage(maxMessageSize = 4 * BUFFER)
        public void onMessage(String message) {
            received.add(message);
        }
    }

    @Test
    void onMessageMaxMessageSizeMayExceedTheSessionsBufferSize() throws Exception {
        LargeMessages endpoint = new LargeMessages();
        RecordingEndpoint client = new RecordingEndpoint();
        try (SessionPair pair = SessionPair.open(annotated(endpoint), client)) {
            Await.get(client.opened);
            pair.client.getBasicRemote().sendText("y".repeat(3 * BUFFER));
            assertEquals(3 * BUFFER, Await.poll(endpoint.received).length());
            assertTrue(pair.server.isOpen());
        }
    }

    private static RecordingEndpoint textReceiver() {
        return new RecordingEndpoint((session, config) ->
                session.addMessageHandler(String.class, RecordingEndpoint.of(session).received::add));
    }

    static AnnotatedEndpoint annotated(Object endpoint) throws Exception {
        return new AnnotatedEndpoint(AnnotatedEndpointScanner.scan(endpoint.getClass()), endpoint);
    }
}
