package dev.tideway.websocket.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tideway.websocket.protocol.CloseStatus;
import dev.tideway.websocket.protocol.handshake.HandshakeKeys;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Connects that fail, end to end: each with the message that says why. */
class ClientConnectFailureTest {
    private final WebSocketConnector connector = new WebSocketConnector();
    private TestServer server;

    @AfterEach
    void tearDown() throws Exception {
        connector.close();
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aServerAnswering200FailsWithItsStatusAndHeaders() throws Exception {
        server = TestServer.start(request -> TestServer.Answer.raw(
                "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 0\r\n\r\n"));

        ClientHandshakeException failure = failure(ClientHandshakeRequest.builder(server.uri("/")).build());

        assertEquals("Server answered 200 OK instead of 101 Switching Protocols", failure.getMessage());
        assertEquals(200, failure.statusCode());
        assertEquals(List.of("text/html"), failure.responseHeaders().get("content-type"));
    }

    @Test
    void aWrongAcceptFailsNamingBothValues() throws Exception {
        server = TestServer.start(request -> TestServer.Answer.upgrade().accept("d3JvbmcgYWNjZXB0IHZhbHVlIQ=="));

        ClientHandshakeException failure = failure(ClientHandshakeRequest.builder(server.uri("/")).build());

        String expected = HandshakeKeys.acceptFor(server.takeRequest().header("Sec-WebSocket-Key"));
        assertEquals("Sec-WebSocket-Accept mismatch: expected " + expected + ", got d3JvbmcgYWNjZXB0IHZhbHVlIQ==",
                failure.getMessage());
        assertEquals(101, failure.statusCode());
    }

    @Test
    void aSubprotocolThatWasNotOfferedFailsTheConnect() throws Exception {
        server = TestServer.start(request -> TestServer.Answer.upgrade().subprotocol("c"));

        ClientHandshakeException failure = failure(ClientHandshakeRequest.builder(server.uri("/"))
                .subprotocols(List.of("a", "b")).build());

        assertEquals("Server selected subprotocol 'c' which was not offered [a, b]", failure.getMessage());
    }

    @Test
    void aServerThatNeverAnswersTimesOut() throws Exception {
        server = TestServer.start(request -> TestServer.Answer.silence());
        URI uri = server.uri("/silent");
        long start = System.nanoTime();

        ClientHandshakeException failure = failure(ClientHandshakeRequest.builder(uri)
                .connectTimeout(Duration.ofMillis(300)).build());

        long elapsedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertEquals("Connect to " + uri + " timed out after 300 ms", failure.getMessage());
        assertTrue(elapsedMillis >= 290 && elapsedMillis < 3000, "took " + elapsedMillis + " ms");
    }

    @Test
    void aServerThatClosesWithoutAnsweringFailsSayingSo() throws Exception {
        server = TestServer.start(request -> TestServer.Answer.raw(""));

        ClientHandshakeException failure = failure(ClientHandshakeRequest.builder(server.uri("/")).build());

        assertEquals("Server 127.0.0.1:" + server.port() + " closed the connection without answering the"
                + " WebSocket handshake", failure.getMessage());
    }

    @Test
    void aServerThatIsNotThereFailsWithConnectionRefused() throws Exception {
        int port;
        try (ServerSocket closed = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            port = closed.getLocalPort();
        }

        ClientHandshakeException failure = failure(ClientHandshakeRequest.builder(
                URI.create("ws://127.0.0.1:" + port + "/")).build());

        assertEquals("Cannot connect to 127.0.0.1:" + port + ": Connection refused", failure.getMessage());
    }

    @Test
    void whatTheListenerFactoryThrowsFailsTheConnectAndClosesTheConnection() throws Exception {
        server = TestServer.echo();
        IllegalStateException thrown = new IllegalStateException("no session for you");

        ExecutionException e = assertThrows(ExecutionException.class, () -> connector.connect(
                ClientHandshakeRequest.builder(server.uri("/")).build(), result -> {
                    throw thrown;
                }).get(5, TimeUnit.SECONDS));

        assertSame(thrown, e.getCause());
        assertEquals(CloseStatus.ABNORMAL, server.takeClose()); // the TCP connection ended without a close frame
    }

    @Test
    void theBeforeRequestHookChangesTheRequestThatIsSent() throws Exception {
        server = TestServer.echo();

        connector.connect(ClientHandshakeRequest.builder(server.uri("/"))
                .header("X-Configured", "1")
                .beforeRequest(headers -> headers.put("X-Hooked", List.of("yes", headers.get("x-configured").get(0))))
                .build(), result -> new RecordingListener()).get(5, TimeUnit.SECONDS);

        TestServer.Request request = server.takeRequest();
        assertEquals("1", request.header("X-Configured"));
        assertEquals("yes, 1", request.header("X-Hooked"));
    }

    @Test
    void closingTheConnectorEndsItsConnectionsAndRefusesNewOnes() throws Exception {
        server = TestServer.echo();
        RecordingListener listener = new RecordingListener();
        connector.connect(ClientHandshakeRequest.builder(server.uri("/")).build(), result -> listener)
                .get(5, TimeUnit.SECONDS);

        connector.close();

        assertEquals(CloseStatus.ABNORMAL, listener.awaitClosed());
        assertEquals("The WebSocket client was closed", listener.errors.get(0).getMessage());
        ExecutionException e = assertThrows(ExecutionException.class, () -> connector.connect(
                ClientHandshakeRequest.builder(server.uri("/")).build(), result -> listener).get(5, TimeUnit.SECONDS));
        assertInstanceOf(IllegalStateException.class, e.getCause());
    }

    private ClientHandshakeException failure(ClientHandshakeRequest request) {
        ExecutionException e = assertThrows(ExecutionException.class,
                () -> connector.connect(request, result -> new RecordingListener()).get(5, TimeUnit.SECONDS));
        return assertInstanceOf(ClientHandshakeException.class, e.getCause());
    }
}
