package dev.tideway.websocket.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tideway.websocket.protocol.CloseStatus;
import jakarta.websocket.ClientEndpointConfig;
import jakarta.websocket.CloseReason;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.Session;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A client session's life on the container: its first messages, its limits and timeouts, its failures. */
class ContainerSessionTest {
    private final TidewayClientContainer container = new TidewayClientContainer();
    private TestServer server;

    @AfterEach
    void stopServer() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    /** Registers its handlers only after a pause in onOpen. */
    static class SlowToOpen extends RecordingEndpoint {
        @Override
        public void onOpen(Session session, EndpointConfig config) {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            super.onOpen(session, config);
        }
    }

    @Test
    void aMessageThatCameWithTheUpgradeResponseWaitsForTheHandlersOnOpenRegisters() throws Exception {
        byte[] early = "early".getBytes(StandardCharsets.UTF_8);
        byte[] frame = new byte[2 + early.length];
        frame[0] = (byte) 0x81; // FIN, text
        frame[1] = (byte) early.length;
        System.arraycopy(early, 0, frame, 2, early.length);
        server = TestServer.start(request -> TestServer.Answer.upgrade().withoutCompression().trailing(frame));
        SlowToOpen endpoint = new SlowToOpen();

        Session session = connect(endpoint, ClientEndpointConfig.Builder.create().build());

        assertEquals("early", endpoint.nextText());
        assertTrue(session.isOpen());
        assertTrue(endpoint.errors.isEmpty(), "errors: " + endpoint.errors);
    }

    @Test
    void theConfigsUserPropertiesAreTheSessionsAndItsDefaultsTheContainers() throws Exception {
        server = TestServer.echo();
        container.setDefaultMaxTextMessageBufferSize(1234);
        container.setDefaultMaxBinaryMessageBufferSize(5678);
        ClientEndpointConfig config = ClientEndpointConfig.Builder.create().build();
        config.getUserProperties().put("app.key", "app value");

        Session session = connect(new RecordingEndpoint(), config);

        assertEquals("app value", session.getUserProperties().get("app.key"));
        assertEquals(1234, session.getMaxTextMessageBufferSize());
        assertEquals(5678, session.getMaxBinaryMessageBufferSize());
        assertEquals(Map.of(), session.getPathParameters());
        assertEquals("13", session.getProtocolVersion());
    }

    @Test
    void aMessageLargerThanTheBufferSizeClosesTheSessionWith1009() throws Exception {
        server = TestServer.echo();
        container.setDefaultMaxTextMessageBufferSize(100);
        RecordingEndpoint endpoint = new RecordingEndpoint();
        Session session = connect(endpoint, ClientEndpointConfig.Builder.create().build());

        session.getBasicRemote().sendText("x".repeat(101));

        CloseReason reason = endpoint.awaitClosed();
        assertEquals(CloseReason.CloseCodes.TOO_BIG, reason.getCloseCode());
        assertEquals(1009, server.takeClose().code());
    }

    @Test
    void theContainersIdleTimeoutClosesAnIdleSessionWith1001AndReports1006() throws Exception {
        server = TestServer.echo();
        container.setDefaultMaxSessionIdleTimeout(300);
        RecordingEndpoint endpoint = new RecordingEndpoint();
        long start = System.nanoTime();
        Session session = connect(endpoint, ClientEndpointConfig.Builder.create().build());

        CloseReason reason = endpoint.awaitClosed();

        long elapsedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertEquals(CloseReason.CloseCodes.CLOSED_ABNORMALLY, reason.getCloseCode(), "JSR 356 §2.1.5");
        assertEquals("Idle for longer than 300 ms", reason.getReasonPhrase());
        assertTrue(elapsedMillis >= 290, "closed after " + elapsedMillis + " ms");
        assertEquals(new CloseStatus(1001, "Idle for longer than 300 ms"), server.takeClose());
        assertFalse(session.isOpen());
    }

    /**
     * Sends from its callbacks and waits there for the sends: "3" from onOpen, then each echo n answered
     * with n-1 (Basic, then Async with a wait on its future), down to 0. Records the callback threads.
     */
    static class CountingDown extends RecordingEndpoint {
        final List<String> threads = new CopyOnWriteArrayList<>();

        @Override
        public void onOpen(Session session, EndpointConfig config) {
            threads.add(Thread.currentThread().getName());
            session.addMessageHandler(String.class, text -> {
                threads.add(Thread.currentThread().getName());
                messages.add(text);
                int next = Integer.parseInt(text) - 1;
                try {
                    if (next % 2 == 1) {
                        session.getBasicRemote().sendText(Integer.toString(next));
                    } else if (next >= 0) {
                        session.getAsyncRemote().sendText(Integer.toString(next)).get(5, TimeUnit.SECONDS);
                    }
                } catch (Exception e) {
                    errors.add(e);
                }
            });
            try {
                session.getBasicRemote().sendText("3");
            } catch (IOException e) {
                errors.add(e);
            }
        }
    }

    @Test
    void sendsInsideCallbacksCompleteWhileTheCallbackWaitsAndCallbacksRunOnTheContainersThreads() throws Exception {
        server = TestServer.echo();
        CountingDown endpoint = new CountingDown();

        connect(endpoint, ClientEndpointConfig.Builder.create().build());

        for (String expected : List.of("3", "2", "1", "0")) {
            assertEquals(expected, endpoint.nextText());
        }
        assertTrue(endpoint.errors.isEmpty(), "errors: " + endpoint.errors);
        assertTrue(endpoint.threads.stream().allMatch(t -> t.startsWith("tideway-ws-" + container.name() + "-")),
                "callback threads: " + endpoint.threads);
    }

    /** Fails in onOpen. */
    static class FailingOnOpen extends RecordingEndpoint {
        @Override
        public void onOpen(Session session, EndpointConfig config) {
            throw new IllegalStateException("onOpen failed");
        }
    }

    @Test
    void whatOnOpenThrowsGoesToOnErrorAndConnectStillReturnsTheSession() throws Exception {
        server = TestServer.echo();
        FailingOnOpen endpoint = new FailingOnOpen();

        Session session = connect(endpoint, ClientEndpointConfig.Builder.create().build());

        // onError runs on the session's thread right after onOpen; connect may return in between
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (endpoint.errors.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertEquals(1, endpoint.errors.size());
        assertEquals("onOpen failed", assertInstanceOf(IllegalStateException.class, endpoint.errors.get(0)).getMessage());
        assertTrue(session.isOpen());
    }

    private Session connect(RecordingEndpoint endpoint, ClientEndpointConfig config) throws Exception {
        return container.connectToServer(endpoint, config, server.uri("/"));
    }
}
