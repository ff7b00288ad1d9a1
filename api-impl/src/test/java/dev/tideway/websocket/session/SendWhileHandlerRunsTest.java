package dev.tideway.websocket.session;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.websocket.PongMessage;
import java.nio.ByteBuffer;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Outbound traffic does not wait for the session's callbacks: while a handler is busy (here: blocked), a
 * message another thread sends and the pong the engine owes the peer still leave at once.
 */
class SendWhileHandlerRunsTest {

    @Test
    void anAsyncSendFromAnotherThreadLeavesWhileAHandlerIsBusy() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch inHandler = new CountDownLatch(1);
        RecordingEndpoint server = blockingServer(inHandler, release);
        RecordingEndpoint client = new RecordingEndpoint((session, config) ->
                session.addMessageHandler(String.class, RecordingEndpoint.of(session).received::add));
        try (SessionPair pair = SessionPair.open(server, client)) {
            Await.get(server.opened);
            Await.get(client.opened);
            pair.client.getBasicRemote().sendText("block");
            Await.await(inHandler);

            Await.get(pair.server.getAsyncRemote().sendText("from another thread"));
            assertEquals("from another thread", client.nextReceived());
            release.countDown();
        }
    }

    @Test
    void aPingIsAnsweredWhileAHandlerIsBusy() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch inHandler = new CountDownLatch(1);
        RecordingEndpoint server = blockingServer(inHandler, release);
        RecordingEndpoint client = new RecordingEndpoint((session, config) ->
                session.addMessageHandler(PongMessage.class, RecordingEndpoint.of(session).received::add));
        try (SessionPair pair = SessionPair.open(server, client)) {
            Await.get(server.opened);
            Await.get(client.opened);
            pair.client.getBasicRemote().sendText("block");
            Await.await(inHandler);

            pair.client.getBasicRemote().sendPing(ByteBuffer.wrap(new byte[] {1}));
            assertEquals(ByteBuffer.wrap(new byte[] {1}), ((PongMessage) client.nextReceived()).getApplicationData());
            release.countDown();
        }
    }

    @Test
    void aHandlerMayWaitForItsOwnAsyncSend() throws Exception {
        RecordingEndpoint server = new RecordingEndpoint((session, config) ->
                session.addMessageHandler(String.class, message -> {
                    try {
                        session.getAsyncRemote().sendText("reply to " + message).get(2, TimeUnit.SECONDS);
                        RecordingEndpoint.of(session).received.add("sent");
                    } catch (Exception e) {
                        RecordingEndpoint.of(session).received.add(e);
                    }
                }));
        RecordingEndpoint client = new RecordingEndpoint((session, config) ->
                session.addMessageHandler(String.class, RecordingEndpoint.of(session).received::add));
        try (SessionPair pair = SessionPair.open(server, client)) {
            Await.get(server.opened);
            Await.get(client.opened);
            pair.client.getBasicRemote().sendText("question");

            assertEquals("sent", server.nextReceived(), "the handler's wait for its own send must not deadlock");
            assertEquals("reply to question", client.nextReceived());
        }
    }

    @Test
    void aHandlerMayWaitForItsOwnSendHandler() throws Exception {
        RecordingEndpoint server = new RecordingEndpoint((session, config) ->
                session.addMessageHandler(String.class, message -> {
                    CountDownLatch sent = new CountDownLatch(1);
                    session.getAsyncRemote().sendText("reply to " + message, result -> sent.countDown());
                    try {
                        RecordingEndpoint.of(session).received.add(sent.await(2, TimeUnit.SECONDS));
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }));
        try (SessionPair pair = SessionPair.open(server, new RecordingEndpoint((session, config) ->
                session.addMessageHandler(String.class, message -> { })))) {
            Await.get(server.opened);
            pair.client.getBasicRemote().sendText("question");
            assertEquals(true, server.nextReceived(), "the SendHandler was told while the handler waited");
        }
    }

    /** A server whose text handler blocks until released. */
    private static RecordingEndpoint blockingServer(CountDownLatch inHandler, CountDownLatch release) {
        return new RecordingEndpoint((session, config) -> session.addMessageHandler(String.class, message -> {
            inHandler.countDown();
            Await.await(release);
        }));
    }
}
