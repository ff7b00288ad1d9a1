package dev.tideway.websocket.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tideway.websocket.protocol.CloseStatus;
import dev.tideway.websocket.protocol.handshake.HandshakeKeys;
import jakarta.websocket.ClientEndpointConfig;
import jakarta.websocket.CloseReason;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.Session;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Connects that fail: a server refusing the upgrade is a DeploymentException, a network failure an
 * IOException, each with the message that says why.
 */
class ContainerConnectFailureTest {
    private final TidewayClientContainer container = new TidewayClientContainer();
    private TestServer server;

    @AfterEach
    void stopServer() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aServerAnswering200IsADeploymentExceptionSayingSo() throws Exception {
        server = TestServer.start(request -> TestServer.Answer.raw("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n"));

        DeploymentException e = assertThrows(DeploymentException.class, () -> connect(server.uri("/")));

        assertEquals("Server answered 200 OK instead of 101 Switching Protocols", e.getMessage());
        assertEquals(200, assertInstanceOf(ClientHandshakeException.class, e.getCause()).statusCode());
    }

    @Test
    void aWrongAcceptIsADeploymentExceptionNamingBothValues() throws Exception {
        server = TestServer.start(request -> TestServer.Answer.upgrade().accept("d3JvbmcgYWNjZXB0IHZhbHVlIQ=="));

        DeploymentException e = assertThrows(DeploymentException.class, () -> connect(server.uri("/")));

        String expected = HandshakeKeys.acceptFor(server.takeRequest().header("Sec-WebSocket-Key"));
        assertEquals("Sec-WebSocket-Accept mismatch: expected " + expected + ", got d3JvbmcgYWNjZXB0IHZhbHVlIQ==",
                e.getMessage());
    }

    @Test
    void aSubprotocolThatWasNotOfferedIsADeploymentException() throws Exception {
        server = TestServer.start(request -> TestServer.Answer.upgrade().subprotocol("other"));

        DeploymentException e = assertThrows(DeploymentException.class, () -> container.connectToServer(
                new RecordingEndpoint(), ClientEndpointConfig.Builder.create().preferredSubprotocols(List.of("mine"))
                        .build(), server.uri("/")));

        assertEquals("Server selected subprotocol 'other' which was not offered [mine]", e.getMessage());
    }

    @Test
    void aServerThatNeverAnswersFailsWithinTheConnectTimeoutOfTheUserProperty() throws Exception {
        server = TestServer.start(request -> TestServer.Answer.silence());
        URI uri = server.uri("/silent");
        ClientEndpointConfig config = ClientEndpointConfig.Builder.create().build();
        config.getUserProperties().put("dev.tideway.websocket.client.connectTimeout", 300);
        RecordingEndpoint endpoint = new RecordingEndpoint();
        long start = System.nanoTime();

        IOException e = assertThrows(IOException.class, () -> container.connectToServer(endpoint, config, uri));

        long elapsedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertEquals("Connect to " + uri + " timed out after 300 ms", e.getMessage());
        assertTrue(elapsedMillis >= 290 && elapsedMillis < 3000, "took " + elapsedMillis + " ms");
        assertFalse(endpoint.opened);
    }

    @Test
    void aServerThatIsNotThereIsAnIOExceptionConnectionRefused() throws Exception {
        int port;
        try (ServerSocket closed = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            port = closed.getLocalPort();
        }

        IOException e = assertThrows(IOException.class, () -> connect(URI.create("ws://127.0.0.1:" + port + "/")));

        assertEquals("Cannot connect to 127.0.0.1:" + port + ": Connection refused", e.getMessage());
    }

    @Test
    void aMalformedUserPropertyIsADeploymentExceptionNamingIt() throws Exception {
        server = TestServer.echo();
        ClientEndpointConfig config = ClientEndpointConfig.Builder.create().build();
        config.getUserProperties().put("dev.tideway.websocket.client.proxy", "no-port-here");

        DeploymentException e = assertThrows(DeploymentException.class,
                () -> container.connectToServer(new RecordingEndpoint(), config, server.uri("/")));

        assertEquals("Cannot connect to " + server.uri("/") + ": dev.tideway.websocket.client.proxy must be"
                + " host:port, not no-port-here", e.getMessage());
    }

    /** Blocks in onOpen until released (at most 10 s). */
    static class BlockingOnOpen extends RecordingEndpoint {
        final CountDownLatch entered = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);

        @Override
        public void onOpen(Session session, EndpointConfig config) {
            entered.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Test
    void anInterruptedConnectThrowsInterruptedIOExceptionAndClosesTheSessionItOpened() throws Exception {
        server = TestServer.echo();
        BlockingOnOpen endpoint = new BlockingOnOpen();
        CompletableFuture<Throwable> outcome = new CompletableFuture<>();
        Thread caller = new Thread(() -> {
            try {
                container.connectToServer(endpoint, ClientEndpointConfig.Builder.create().build(), server.uri("/"));
                outcome.complete(null);
            } catch (Throwable e) {
                outcome.complete(e);
            }
        }, "interrupted-caller");
        caller.start();
        try {
            assertTrue(endpoint.entered.await(5, TimeUnit.SECONDS), "onOpen was not called");

            caller.interrupt();

            InterruptedIOException e = assertInstanceOf(InterruptedIOException.class, outcome.get(5, TimeUnit.SECONDS));
            assertEquals("Interrupted while connecting to " + server.uri("/"), e.getMessage());
            assertEquals(new CloseStatus(1001, "The client gave up connecting"), server.takeClose());
        } finally {
            endpoint.release.countDown();
            caller.join(5000);
        }
        CloseReason reason = endpoint.awaitClosed(); // after onOpen returned
        assertEquals(CloseReason.CloseCodes.GOING_AWAY, reason.getCloseCode());
    }

    private void connect(URI uri) throws Exception {
        container.connectToServer(new RecordingEndpoint(), ClientEndpointConfig.Builder.create().build(), uri);
    }
}
