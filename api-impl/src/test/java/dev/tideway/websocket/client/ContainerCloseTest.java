package dev.tideway.websocket.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tideway.websocket.protocol.CloseStatus;
import jakarta.websocket.ClientEndpointConfig;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Closing handshakes started by either side, with codes and reasons seen by both. */
class ContainerCloseTest {
    private final TidewayClientContainer container = new TidewayClientContainer();
    private TestServer server;

    @BeforeEach
    void startServer() throws Exception {
        server = TestServer.echo();
    }

    @AfterEach
    void stopServer() throws Exception {
        server.close();
    }

    @Test
    void theClientClosesWithACodeAndReasonThatTheServerReceives() throws Exception {
        RecordingEndpoint endpoint = new RecordingEndpoint();
        Session session = connect(endpoint);

        session.close(new CloseReason(CloseReason.CloseCodes.GOING_AWAY, "client leaves"));

        assertEquals(new CloseStatus(1001, "client leaves"), server.takeClose());
        CloseReason reason = endpoint.awaitClosed();
        assertEquals(CloseReason.CloseCodes.GOING_AWAY, reason.getCloseCode());
        assertEquals("client leaves", reason.getReasonPhrase());
        assertFalse(session.isOpen());
        assertThrows(IllegalStateException.class, session::getBasicRemote);
        assertTrue(endpoint.errors.isEmpty(), "errors: " + endpoint.errors);
    }

    @Test
    void theServerClosesWith4001AndOnCloseSeesItsCodeAndReason() throws Exception {
        RecordingEndpoint endpoint = new RecordingEndpoint();
        Session session = connect(endpoint);

        session.getBasicRemote().sendText("close:4001:server says bye");

        CloseReason reason = endpoint.awaitClosed();
        assertEquals(4001, reason.getCloseCode().getCode());
        assertEquals("server says bye", reason.getReasonPhrase());
        assertEquals(new CloseStatus(4001, "server says bye"), server.takeClose());
        assertFalse(session.isOpen());
        assertTrue(endpoint.errors.isEmpty(), "errors: " + endpoint.errors);
    }

    @Test
    void aServerThatDropsTheConnectionIsA1006Close() throws Exception {
        RecordingEndpoint endpoint = new RecordingEndpoint();
        Session session = connect(endpoint);

        server.close(); // closes the TCP connection without a closing handshake

        assertEquals(CloseReason.CloseCodes.CLOSED_ABNORMALLY, endpoint.awaitClosed().getCloseCode());
        assertFalse(session.isOpen());
    }

    private Session connect(RecordingEndpoint endpoint) throws Exception {
        return container.connectToServer(endpoint, ClientEndpointConfig.Builder.create().build(), server.uri("/"));
    }
}
