package dev.tideway.websocket.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tideway.websocket.protocol.ProtocolException;
import dev.tideway.websocket.protocol.ProtocolSettings;
import dev.tideway.websocket.protocol.WriteCallback;
import jakarta.websocket.CloseReason;
import jakarta.websocket.CloseReason.CloseCodes;
import jakarta.websocket.MessageHandler;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * How a session delivers: messages in order and one at a time, never before {@code onOpen} has returned;
 * handler failures reported to {@code onError} without harm to the session; and {@code onClose} exactly
 * once, with the right reason on both ends, however the session ends.
 */
class SessionDeliveryTest {

    @Test
    void messagesOfOneSessionArriveInOrderAndNeverConcurrently() throws Exception {
        int count = 2000;
        List<String> seen = new ArrayList<>();
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger overlaps = new AtomicInteger();
        CountDownLatch all = new CountDownLatch(count);
        RecordingEndpoint server = new RecordingEndpoint((session, config) ->
                session.addMessageHandler(new MessageHandler.Whole<String>() {
                    @Override
                    public void onMessage(String message) {
                        if (inside.incrementAndGet() != 1) {
                            overlaps.incrementAndGet();
                        }
                        seen.add(message); // unsynchronized on purpose: a concurrent delivery may corrupt it
                        if (seen.size() % 100 == 0) {
                            Thread.yield(); // give a wrongly concurrent delivery a chance to show
                        }
                        inside.decrementAndGet();
                        all.countDown();
                    }
                }));
        try (SessionPair pair = SessionPair.open(server, new RecordingEndpoint())) {
            List<Future<Void>> sends = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                sends.add(pair.client.getAsyncRemote().sendText("m" + i));
            }
            sends.forEach(Await::get);
            Await.await(all);

            assertEquals(0, overlaps.get(), "deliveries overlapped");
            List<String> expected = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                expected.add("m" + i);
            }
            assertEquals(expected, seen);
        }
    }

    @Test
    void aSlowOnOpenThatRegistersItsHandlerLateStillGetsTheFirstMessage() throws Exception {
        RecordingEndpoint server = new RecordingEndpoint((session, config) -> {
            Thread.sleep(300);
            session.addMessageHandler(String.class, RecordingEndpoint.of(session).received::add);
        });
        RecordingEndpoint client = new RecordingEndpoint((session, config) ->
                session.getBasicRemote().sendText("message 1")); // sent while the server's onOpen sleeps
        try (SessionPair pair = SessionPair.open(server, client)) {
            assertEquals("message 1", server.nextReceived());
            assertTrue(pair.server.isOpen());
            assertTrue(server.errors.isEmpty(), () -> "errors: " + server.errors);
        }
    }

    @Test
    void anExceptionFromAHandlerGoesToOnErrorAndTheSessionStaysUsable() throws Exception {
        RecordingEndpoint server = new RecordingEndpoint((session, config) ->
                session.addMessageHandler(String.class, message -> {
                    if (message.equals("boom")) {
                        throw new IllegalArgumentException("handler failed on " + message);
                    }
                    try {
                        session.getBasicRemote().sendText("echo " + message);
                    } catch (IOException e) {
                        throw new IllegalStateException(e);
                    }
                }));
        RecordingEndpoint client = new RecordingEndpoint((session, config) ->
                session.addMessageHandler(String.class, RecordingEndpoint.of(session).received::add));
        try (SessionPair pair = SessionPair.open(server, client)) {
            Await.get(client.opened);
            pair.client.getBasicRemote().sendText("boom");
            pair.client.getBasicRemote().sendText("after");

            Throwable error = server.nextError();
            assertInstanceOf(IllegalArgumentException.class, error);
            assertEquals("handler failed on boom", error.getMessage());
            assertEquals("echo after", client.nextReceived());
            assertTrue(pair.server.isOpen());
            assertTrue(pair.client.isOpen());
        }
    }

    @Test
    void aCloseFromTheServerReachesBothEndsWithItsCodeAndReasonOnce() throws Exception {
        RecordingEndpoint server = new RecordingEndpoint();
        RecordingEndpoint client = new RecordingEndpoint();
        try (SessionPair pair = SessionPair.open(server, client)) {
            Await.get(server.opened);
            Await.get(client.opened);
            pair.server.close(new CloseReason(CloseCodes.getCloseCode(4001), "server done"));

            assertReason(4001, "server done", server.awaitClose());
            assertReason(4001, "server done", client.awaitClose());
            assertClosedOnce(pair, server, client);
        }
    }

    @Test
    void aCloseFromTheClientReachesBothEndsWithItsCodeAndReasonOnce() throws Exception {
        RecordingEndpoint server = new RecordingEndpoint();
        RecordingEndpoint client = new RecordingEndpoint();
        try (SessionPair pair = SessionPair.open(server, client)) {
            Await.get(server.opened);
            Await.get(client.opened);
            pair.client.close(new CloseReason(CloseCodes.NORMAL_CLOSURE, "client done"));

            assertReason(1000, "client done", client.awaitClose());
            assertReason(1000, "client done", server.awaitClose());
            assertClosedOnce(pair, server, client);
        }
    }

    @Test
    void aDroppedConnectionClosesBothEndsWith1006Once() throws Exception {
        RecordingEndpoint server = new RecordingEndpoint();
        RecordingEndpoint client = new RecordingEndpoint();
        try (SessionPair pair = SessionPair.open(server, client)) {
            Await.get(server.opened);
            Await.get(client.opened);
            pair.clientTransport().reset();

            assertEquals(1006, client.awaitClose().getCloseCode().getCode());
            assertEquals(1006, server.awaitClose().getCloseCode().getCode());
            Throwable error = client.nextError();
            assertInstanceOf(IOException.class, error);
            assertEquals("Connection reset", error.getMessage());
            assertClosedOnce(pair, server, client);
        }
    }

    @Test
    void anIdleSessionTellsThePeer1001AndItsOwnEndpoint1006AfterItsMaxIdleTimeout() throws Exception {
        RecordingEndpoint server = new RecordingEndpoint((session, config) -> session.setMaxIdleTimeout(200));
        RecordingEndpoint client = new RecordingEndpoint();
        try (SessionPair pair = SessionPair.open(server, client)) {
            Await.get(server.opened);
            long start = System.nanoTime();

            // JSR 356 §2.1.5: a close the container decides on is reported as 1006
            assertReason(1006, "Idle for longer than 200 ms", server.awaitClose());
            assertTrue(System.nanoTime() - start >= 150_000_000L, "closed before the idle time was over");
            assertReason(1001, "Idle for longer than 200 ms", client.awaitClose());
            assertClosedOnce(pair, server, client);
        }
    }

    @Test
    void sendingCountsAsActivityForTheIdleTimeout() throws Exception {
        RecordingEndpoint server = new RecordingEndpoint((session, config) -> session.setMaxIdleTimeout(300));
        RecordingEndpoint client = new RecordingEndpoint((session, config) ->
                session.addMessageHandler(String.class, RecordingEndpoint.of(session).received::add));
        try (SessionPair pair = SessionPair.open(server, client)) {
            Await.get(server.opened);
            for (int i = 0; i < 12; i++) { // 12 x 60 ms: twice the idle time, sending all along
                pair.server.getBasicRemote().sendText("still here " + i);
                Thread.sleep(60);
            }
            assertTrue(pair.server.isOpen(), "a session that sends is not idle (Session.setMaxIdleTimeout)");
            assertEquals(1006, server.awaitClose().getCloseCode().getCode()); // once it stops sending
            assertEquals(1001, client.awaitClose().getCloseCode().getCode());
        }
    }

    @Test
    void aMessageStillArrivingCountsAsActivityForTheIdleTimeout() throws Exception {
        RecordingEndpoint server = new RecordingEndpoint((session, config) -> {
            session.setMaxIdleTimeout(300);
            session.addMessageHandler(String.class, RecordingEndpoint.of(session).received::add);
        });
        try (SessionPair pair = SessionPair.open(server, new RecordingEndpoint())) {
            Await.get(server.opened);
            for (int i = 0; i < 12; i++) { // one message, its parts 60 ms apart: twice the idle time in all
                pair.client.getBasicRemote().sendText("part " + i + ", ", false);
                Thread.sleep(60);
            }
            pair.client.getBasicRemote().sendText("end", true);

            assertTrue(((String) server.nextReceived()).endsWith("part 11, end"));
            assertTrue(pair.server.isOpen(), "a session receiving a message is not idle");
        }
    }

    @Test
    void messagesSentBeforeACloseAreAllDeliveredBeforeOnClose() throws Exception {
        List<String> events = new java.util.concurrent.CopyOnWriteArrayList<>();
        RecordingEndpoint server = new RecordingEndpoint((session, config) ->
                session.addMessageHandler(String.class, (MessageHandler.Whole<String>) events::add))
                .whenClosed((session, reason) -> events.add("closed " + reason.getCloseCode().getCode()));
        try (SessionPair pair = SessionPair.open(server, new RecordingEndpoint())) {
            Await.get(server.opened);
            List<String> expected = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                pair.client.getAsyncRemote().sendText("before close " + i);
                expected.add("before close " + i);
            }
            pair.client.close();
            expected.add("closed 1000");

            server.awaitClose();
            assertEquals(expected, events);
        }
    }

    @Test
    void aProtocolErrorFromThePeerClosesBothEndsWith1002Once() throws Exception {
        RecordingEndpoint server = new RecordingEndpoint();
        RecordingEndpoint client = new RecordingEndpoint();
        try (SessionPair pair = SessionPair.open(server, client)) {
            Await.get(server.opened);
            Await.get(client.opened);
            // a masked frame with the reserved opcode 0x3, written under the client engine's feet
            byte[] reservedOpcode = {(byte) 0x83, (byte) 0x80, 0, 0, 0, 0};
            pair.clientTransport().write(new ByteBuffer[] {ByteBuffer.wrap(reservedOpcode)}, WriteCallback.NOOP);

            assertEquals(1002, server.awaitClose().getCloseCode().getCode());
            assertEquals(1002, client.awaitClose().getCloseCode().getCode());
            Throwable error = server.nextError();
            assertInstanceOf(ProtocolException.class, error);
            assertEquals("Reserved opcode 0x3", error.getMessage());
            assertClosedOnce(pair, server, client);
        }
    }

    @Test
    void aCloseStillEndsTheSessionWhenThePeerStoppedReading() throws Exception {
        RecordingEndpoint server = new RecordingEndpoint();
        RecordingEndpoint client = new RecordingEndpoint((session, config) ->
                session.addMessageHandler(ByteBuffer.class, message -> { }));
        SessionPair pair = new SessionPair().settings(ProtocolSettings.builder()
                .closeTimeout(Duration.ofMillis(300)).build());
        try (pair) {
            pair.open(server, SessionPair.config(), client, SessionPair.config());
            Await.get(server.opened);
            Await.until("the client reads", () -> !pair.clientTransport().isPaused());
            pair.client.connection().pauseReading(); // the client stops reading: its window fills up
            Future<Void> stuck = pair.server.getAsyncRemote().sendBinary(ByteBuffer.allocate(4 * LoopbackTransport.WINDOW));
            Thread.sleep(50);
            assertFalse(stuck.isDone(), "the write waits for the peer");

            pair.server.close(new CloseReason(CloseCodes.NORMAL_CLOSURE, "bye"));

            // ended by the close timeout rather than never; our close frame never left, hence 1006
            assertEquals(1006, server.awaitClose().getCloseCode().getCode());
            assertInstanceOf(IOException.class, Await.failure(stuck));
            Await.until("the server session finished closing", () -> pair.serverSessions.size() == 0);
        }
    }

    static void assertReason(int code, String phrase, CloseReason reason) {
        assertEquals(code, reason.getCloseCode().getCode(), () -> "close code of " + reason);
        assertEquals(phrase, reason.getReasonPhrase());
    }

    /** Both ends are closed and stay so, each {@code onClose} having run exactly once. */
    static void assertClosedOnce(SessionPair pair, RecordingEndpoint server, RecordingEndpoint client)
            throws InterruptedException {
        Await.until("both sessions closed", () -> pair.serverSessions.size() == 0 && pair.clientSessions.size() == 0);
        Thread.sleep(100); // a second onClose, if any, would come now
        assertEquals(1, server.closeCount.get(), "server onClose calls");
        assertEquals(1, client.closeCount.get(), "client onClose calls");
        assertFalse(pair.server.isOpen());
        assertFalse(pair.client.isOpen());
    }
}
