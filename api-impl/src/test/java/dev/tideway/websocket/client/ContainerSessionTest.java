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
import java.nio.charset.StandardCharsets;
import java.util.Map;
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
    void theContainersIdleTimeoutClosesAnIdleSessionWith1001() throws Exception {
        server = TestServer.echo();
        container.setDefaultMaxSessionIdleTimeout(300);
        RecordingEndpoint endpoint = new RecordingEndpoint();
        long start = System.nanoTime();
        Session session = connect(endpoint, ClientEndpointConfig.Builder.create().build());

        CloseReason reason = endpoint.awaitClosed();

        long elapsedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertEquals(CloseReason.CloseCodes.GOING_AWAY, reason.getCloseCode());
        assertEquals("Idle for longer than 300 ms", reason.getReasonPhrase());
        assertTrue(elapsedMillis >= 290, "closed after " + elapsedMillis + " ms");
        assertEquals(new CloseStatus(1001, "Idle for longer than 300 ms"), server.takeClose());
        assertFalse(session.isOpen());
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

        assertEquals(1, endpoint.errors.size());
        assertEquals("onOpen failed", assertInstanceOf(IllegalStateException.class, endpoint.errors.get(0)).getMessage());
        assertTrue(session.isOpen());
    }

    private Session connect(RecordingEndpoint endpoint, ClientEndpointConfig config) throws Exception {
        return container.connectToServer(endpoint, config, server.uri("/"));
    }
}
