package dev.tideway.websocket.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Redirects: followed to another server or path, mapped from http, and bounded. */
class ClientRedirectTest {
    private final WebSocketConnector connector = new WebSocketConnector();
    private TestServer first;
    private TestServer second;

    @AfterEach
    void tearDown() throws Exception {
        connector.close();
        for (TestServer server : new TestServer[] {first, second}) {
            if (server != null) {
                server.close();
            }
        }
    }

    @Test
    void followsARedirectToAnotherServerGivenAsHttp() throws Exception {
        second = TestServer.echo();
        first = TestServer.start(request -> TestServer.Answer.raw("HTTP/1.1 307 Temporary Redirect\r\nLocation: http://127.0.0.1:"
                + second.port() + "/moved?x=1\r\n\r\n"));

        ClientConnection client = connector.connect(ClientHandshakeRequest.builder(first.uri("/start")).build(),
                result -> new RecordingListener()).get(5, TimeUnit.SECONDS);

        assertEquals(URI.create("ws://127.0.0.1:" + second.port() + "/moved?x=1"), client.uri());
        TestServer.Request request = second.takeRequest();
        assertEquals("GET /moved?x=1 HTTP/1.1", request.requestLine());
        assertEquals("127.0.0.1:" + second.port(), request.header("Host"));
    }

    @Test
    void followsARelativeRedirectOnTheSameServer() throws Exception {
        first = TestServer.start(request -> request.requestLine().startsWith("GET /old ")
                ? TestServer.Answer.raw("HTTP/1.1 301 Moved Permanently\r\nLocation: /new\r\n\r\n")
                : TestServer.Answer.upgrade());

        ClientConnection client = connector.connect(ClientHandshakeRequest.builder(first.uri("/old")).build(),
                result -> new RecordingListener()).get(5, TimeUnit.SECONDS);

        assertEquals(first.uri("/new"), client.uri());
    }

    @Test
    void aRedirectLoopFailsAfterTheLimitNamingTheChain() throws Exception {
        first = TestServer.start(request -> TestServer.Answer.raw("HTTP/1.1 302 Found\r\nLocation: /loop\r\n\r\n"));
        URI loop = first.uri("/loop");

        ClientHandshakeException failure = failure(ClientHandshakeRequest.builder(loop).build());

        assertEquals("Server answered 302 Found, but the limit of 3 redirects is reached: " + loop + " -> " + loop
                + " -> " + loop + " -> " + loop + " -> " + loop, failure.getMessage());
        assertEquals(302, failure.statusCode());
        for (int i = 0; i < 4; i++) {
            first.takeRequest(); // the first request and three redirects, no more
        }
    }

    @Test
    void noRedirectIsFollowedWhenTheLimitIsZero() throws Exception {
        first = TestServer.start(request -> TestServer.Answer.raw("HTTP/1.1 302 Found\r\nLocation: /elsewhere\r\n\r\n"));
        URI start = first.uri("/");

        ClientHandshakeException failure = failure(ClientHandshakeRequest.builder(start).maxRedirects(0).build());

        assertEquals("Server answered 302 Found, but the limit of 0 redirects is reached: " + start + " -> "
                + first.uri("/elsewhere"), failure.getMessage());
    }

    private ClientHandshakeException failure(ClientHandshakeRequest request) {
        ExecutionException e = assertThrows(ExecutionException.class,
                () -> connector.connect(request, result -> new RecordingListener()).get(5, TimeUnit.SECONDS));
        return assertInstanceOf(ClientHandshakeException.class, e.getCause());
    }
}
