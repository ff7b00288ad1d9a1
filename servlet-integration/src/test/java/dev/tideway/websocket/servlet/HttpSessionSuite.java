package dev.tideway.websocket.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tideway.websocket.servlet.JakartaEndpoints.Echo;
import dev.tideway.websocket.servlet.JakartaEndpoints.UserFromHeader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * WebSocket sessions and the HTTP session of their upgrade request: an authenticated WebSocket closes
 * with 1008 when its HTTP session is invalidated or expires, and inbound messages keep the HTTP session
 * alive (Servlet 6.1 {@code HttpSession.Accessor}; both containers under test are 6.1). The harnesses
 * expire sessions within about a second of their timeout. Subclasses name the container, and say whether
 * it holds the HTTP session of an upgrade request until the WebSocket closes (Jetty does).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(30)
abstract class HttpSessionSuite {
    private static final JdkPeer.Close HTTP_SESSION_ENDED =
            new JdkPeer.Close(1008, "The HTTP session of this connection has ended");

    private AppHarness app;
    private HttpClient client;

    protected abstract AppHarness newHarness();

    /**
     * Whether the container holds the HTTP session of an upgrade request in use until the WebSocket closes:
     * it then destroys an expired one only when a request asks for it.
     */
    protected boolean holdsHttpSessionWhileUpgraded() {
        return false;
    }

    @BeforeAll
    void startApplication() throws Exception {
        client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10))
                .build();
        app = newHarness();
        app.start(WebApp.of(Echo.class)
                .withFilter("user-from-header", new UserFromHeader())
                .withFilter("session-control", new HttpSessionControl()), TlsMaterial.get());
        assertTrue(app.applicationAvailable(), "the application started");
    }

    @AfterAll
    void stopApplication() throws Exception {
        if (app != null) {
            app.stop();
        }
    }

    @Test
    void invalidatingTheHttpSessionClosesItsAuthenticatedWebSocketWith1008() throws Exception {
        String alice = login(0);
        String bob = login(0);
        JdkPeer aliceSocket = connect(alice, "alice");
        JdkPeer anonymousSocket = connect(alice, null);
        JdkPeer bobSocket = connect(bob, "bob");
        assertEquals("before", ask(aliceSocket, "before"));

        assertEquals("invalidated", get("/session/logout", alice));

        assertEquals(HTTP_SESSION_ENDED, aliceSocket.closed.get(10, TimeUnit.SECONDS));
        assertEquals("after", ask(bobSocket, "after"), "another HTTP session's WebSocket stays open");
        assertEquals("anonymous", ask(anonymousSocket, "anonymous"),
                "an anonymous WebSocket has nothing the HTTP session's end revokes");
        close(bobSocket);
        close(anonymousSocket);
        assertNothingBound();
    }

    @Test
    void aWebSocketFollowsItsHttpSessionToANewId() throws Exception {
        String before = login(0);
        JdkPeer socket = connect(before, "carol");

        String after = cookieOf(send("/session/rotate", before));
        assertFalse(after.equals(before), "the session id changed: " + after);
        assertEquals("invalidated", get("/session/logout", after));

        assertEquals(HTTP_SESSION_ENDED, socket.closed.get(10, TimeUnit.SECONDS));
        assertNothingBound();
    }

    @Test
    void messagesKeepTheHttpSessionAliveWhileAnIdleOneExpires() throws Exception {
        String active = login(2);
        String idle = login(2);
        JdkPeer activeSocket = connect(active, "alice");
        JdkPeer idleSocket = connect(idle, "bob");

        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        for (int i = 0; System.nanoTime() < end; i++) {
            assertEquals("tick " + i, ask(activeSocket, "tick " + i));
            Thread.sleep(500);
        }

        assertFalse(activeSocket.closed.isDone(), "the active WebSocket is open");
        assertEquals("valid", get("/session/check", active), "5 s of messages kept a 2 s HTTP session alive");
        close(activeSocket);
        if (holdsHttpSessionWhileUpgraded()) {
            // not destroyed while the upgrade holds it, until a request finds it expired
            assertFalse(idleSocket.closed.isDone(), "the container has not destroyed the idle HTTP session yet");
            assertEquals("none", get("/session/check", idle));
            assertEquals(HTTP_SESSION_ENDED, idleSocket.closed.get(3, TimeUnit.SECONDS),
                    "the idle HTTP session, destroyed, ended its WebSocket");
        } else {
            // expired after 2 s, within the harness's one-second expiry check
            assertEquals(HTTP_SESSION_ENDED, idleSocket.closed.get(3, TimeUnit.SECONDS),
                    "the idle HTTP session ended its WebSocket");
            assertEquals("none", get("/session/check", idle));
        }
    }

    // ---------------------------------------------------------------- helpers

    /** Creates an HTTP session with the timeout in seconds (0: the container's); returns its cookie. */
    private String login(int timeoutSeconds) throws Exception {
        HttpResponse<String> response = send("/session/login" + (timeoutSeconds > 0 ? "?timeout=" + timeoutSeconds : ""), null);
        assertEquals("created", response.body());
        return cookieOf(response);
    }

    /** The {@code name=value} of the session cookie the response sets. */
    private static String cookieOf(HttpResponse<String> response) {
        String setCookie = response.headers().firstValue("Set-Cookie").orElse(null);
        assertNotNull(setCookie, "the response sets a session cookie: " + response.headers().map());
        return setCookie.split(";", 2)[0];
    }

    private String get(String path, String cookie) throws Exception {
        HttpResponse<String> response = send(path, cookie);
        assertEquals(200, response.statusCode(), response.body());
        return response.body();
    }

    private HttpResponse<String> send(String path, String cookie) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port(Scheme.PLAIN)
                + app.contextPath() + path)).timeout(Duration.ofSeconds(10));
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A WebSocket to the echo endpoint under the session {@code cookie}, as {@code user} (null: anonymous). */
    private JdkPeer connect(String cookie, String user) throws Exception {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Cookie", cookie);
        if (user != null) {
            headers.put("X-Test-User", user);
        }
        return JdkPeer.connect(client, app.uri(Scheme.PLAIN, "/echo"), headers);
    }

    private static String ask(JdkPeer peer, String message) throws Exception {
        peer.webSocket().sendText(message, true).get(10, TimeUnit.SECONDS);
        return peer.nextText();
    }

    private static void close(JdkPeer peer) throws Exception {
        peer.webSocket().sendClose(1000, "done").get(10, TimeUnit.SECONDS);
        assertEquals(new JdkPeer.Close(1000, "done"), peer.closed.get(10, TimeUnit.SECONDS));
    }

    /** Closed WebSockets leave nothing tied to an HTTP session: no HTTP session is kept by them. */
    private void assertNothingBound() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        String bound = get("/session/bound", null);
        while (!"0".equals(bound) && System.nanoTime() < deadline) {
            Thread.sleep(20);
            bound = get("/session/bound", null);
        }
        assertEquals("0", bound, "WebSocket sessions still tied to HTTP sessions");
    }
}
