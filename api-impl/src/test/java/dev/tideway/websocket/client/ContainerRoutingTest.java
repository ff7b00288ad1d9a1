package dev.tideway.websocket.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.websocket.ClientEndpointConfig;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.Session;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** How the container gets to the server, set by user properties: redirects, an HTTP proxy, Basic auth. */
class ContainerRoutingTest {
    /** base64("bob:secret") */
    private static final String GOOD = "Basic Ym9iOnNlY3JldA==";
    private static final String CHALLENGE = "HTTP/1.1 401 Unauthorized\r\nWWW-Authenticate: Basic realm=\"tideway\"\r\n"
            + "Content-Length: 0\r\n\r\n";

    private final TidewayClientContainer container = new TidewayClientContainer();
    private TestServer server;
    private TestServer redirecting;
    private TestProxy proxy;

    @AfterEach
    void tearDown() throws Exception {
        for (AutoCloseable closeable : new AutoCloseable[] {server, redirecting, proxy}) {
            if (closeable != null) {
                closeable.close();
            }
        }
    }

    @Test
    void aRedirectIsFollowedAndTheSessionKnowsWhereItEnded() throws Exception {
        server = TestServer.echo();
        redirecting = TestServer.start(request -> TestServer.Answer.raw("HTTP/1.1 307 Temporary Redirect\r\nLocation: "
                + "http://127.0.0.1:" + server.port() + "/moved?x=1\r\n\r\n"));
        RecordingEndpoint endpoint = new RecordingEndpoint();

        Session session = connect(endpoint, redirecting.uri("/start"), Map.of());

        assertEquals(URI.create("ws://127.0.0.1:" + server.port() + "/moved?x=1"), session.getRequestURI());
        assertEquals("GET /moved?x=1 HTTP/1.1", server.takeRequest().requestLine());
        session.getBasicRemote().sendText("redirected");
        assertEquals("redirected", endpoint.nextText());
    }

    @Test
    void theMaxRedirectsPropertyBoundsTheRedirects() throws Exception {
        redirecting = TestServer.start(request -> TestServer.Answer.raw("HTTP/1.1 302 Found\r\nLocation: /loop\r\n\r\n"));
        URI loop = redirecting.uri("/loop");

        DeploymentException e = assertThrows(DeploymentException.class, () -> connect(new RecordingEndpoint(), loop,
                Map.of("dev.tideway.websocket.client.maxRedirects", "1")));

        assertEquals("Server answered 302 Found, but the limit of 1 redirects is reached: " + loop + " -> " + loop
                + " -> " + loop, e.getMessage());
    }

    @Test
    void theProxyPropertyTunnelsThroughThatProxy() throws Exception {
        server = TestServer.echo();
        proxy = TestProxy.open();
        RecordingEndpoint endpoint = new RecordingEndpoint();

        Session session = connect(endpoint, server.uri("/via-proxy"),
                Map.of("dev.tideway.websocket.client.proxy", "127.0.0.1:" + proxy.port()));

        assertEquals("127.0.0.1:" + server.port(), proxy.takeTarget());
        assertEquals("GET /via-proxy HTTP/1.1", server.takeRequest().requestLine());
        session.getBasicRemote().sendText("tunnelled");
        assertEquals("tunnelled", endpoint.nextText());
    }

    @Test
    void theUserAndPasswordPropertiesAnswerABasicChallenge() throws Exception {
        server = basicAuthServer();
        RecordingEndpoint endpoint = new RecordingEndpoint();

        Session session = connect(endpoint, server.uri("/private"), Map.of(
                "dev.tideway.websocket.client.user", "bob", "dev.tideway.websocket.client.password", "secret"));

        assertNull(server.takeRequest().header("Authorization"), "credentials were sent before the challenge");
        assertEquals(GOOD, server.takeRequest().header("Authorization"));
        session.getBasicRemote().sendText("authenticated");
        assertEquals("authenticated", endpoint.nextText());
    }

    @Test
    void rejectedCredentialsAreADeploymentExceptionSayingSo() throws Exception {
        server = basicAuthServer();

        DeploymentException e = assertThrows(DeploymentException.class, () -> connect(new RecordingEndpoint(),
                server.uri("/"), Map.of("dev.tideway.websocket.client.user", "bob",
                        "dev.tideway.websocket.client.password", "wrong")));

        assertEquals("Server answered 401 Unauthorized to the credentials of user 'bob' (WWW-Authenticate: Basic"
                + " realm=\"tideway\")", e.getMessage());
    }

    private static TestServer basicAuthServer() throws Exception {
        return TestServer.start(request -> GOOD.equals(request.header("Authorization"))
                ? TestServer.Answer.upgrade() : TestServer.Answer.raw(CHALLENGE));
    }

    private Session connect(RecordingEndpoint endpoint, URI uri, Map<String, Object> properties) throws Exception {
        ClientEndpointConfig config = ClientEndpointConfig.Builder.create().build();
        config.getUserProperties().putAll(properties);
        return container.connectToServer(endpoint, config, uri);
    }
}
