package dev.tideway.websocket.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Basic authentication: credentials go only after a challenge, and only once. */
class ClientAuthenticationTest {
    /** base64("bob:secret") */
    private static final String GOOD = "Basic Ym9iOnNlY3JldA==";
    private static final String CHALLENGE = "HTTP/1.1 401 Unauthorized\r\nWWW-Authenticate: Basic realm=\"tideway\"\r\n"
            + "Content-Length: 0\r\n\r\n";

    private final WebSocketConnector connector = new WebSocketConnector();
    private TestServer server;

    @BeforeEach
    void startServer() throws Exception {
        server = TestServer.start(request -> GOOD.equals(request.header("Authorization"))
                ? TestServer.Answer.upgrade() : TestServer.Answer.raw(CHALLENGE));
    }

    @AfterEach
    void tearDown() throws Exception {
        connector.close();
        server.close();
    }

    @Test
    void answersABasicChallengeWithTheCredentials() throws Exception {
        connector.connect(ClientHandshakeRequest.builder(server.uri("/private"))
                .credentials(new BasicCredentials("bob", "secret")).build(), result -> new RecordingListener())
                .get(5, TimeUnit.SECONDS);

        assertNull(server.takeRequest().header("Authorization"), "credentials were sent before the challenge");
        assertEquals(GOOD, server.takeRequest().header("Authorization"));
    }

    @Test
    void rejectedCredentialsFailTheConnectAfterOneRetry() throws Exception {
        ClientHandshakeException failure = failure(ClientHandshakeRequest.builder(server.uri("/"))
                .credentials(new BasicCredentials("bob", "wrong")).build());

        assertEquals("Server answered 401 Unauthorized to the credentials of user 'bob' (WWW-Authenticate: Basic"
                + " realm=\"tideway\")", failure.getMessage());
        assertEquals(401, failure.statusCode());
    }

    @Test
    void aChallengeWithoutCredentialsFailsSayingNoneAreConfigured() throws Exception {
        ClientHandshakeException failure = failure(ClientHandshakeRequest.builder(server.uri("/")).build());

        assertEquals("Server answered 401 Unauthorized and no credentials are configured (WWW-Authenticate: Basic"
                + " realm=\"tideway\")", failure.getMessage());
    }

    private ClientHandshakeException failure(ClientHandshakeRequest request) {
        ExecutionException e = assertThrows(ExecutionException.class,
                () -> connector.connect(request, result -> new RecordingListener()).get(5, TimeUnit.SECONDS));
        return assertInstanceOf(ClientHandshakeException.class, e.getCause());
    }
}
