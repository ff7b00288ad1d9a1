package dev.tideway.websocket.servlet;

import java.util.concurrent.LinkedBlockingQueue;
import jakarta.websocket.WebSocketContainer;
import jakarta.websocket.Session;
import jakarta.websocket.Extension;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.Endpoint;
import jakarta.websocket.ContainerProvider;
import jakarta.websocket.ClientEndpointConfig;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tideway.websocket.protocol.Scheduler;
import dev.tideway.websocket.protocol.WriteCallback;
import dev.tideway.websocket.protocol.extension.PerMessageDeflateFactory;
import dev.tideway.websocket.servlet.JakartaEndpoints.AddsEndpointListener;
import dev.tideway.websocket.servlet.JakartaEndpoints.AppConfig;
import dev.tideway.websocket.servlet.JakartaEndpoints.Blast;
import dev.tideway.websocket.servlet.JakartaEndpoints.Chat;
import dev.tideway.websocket.servlet.JakartaEndpoints.Echo;
import dev.tideway.websocket.servlet.JakartaEndpoints.GoingAway;
import dev.tideway.websocket.servlet.JakartaEndpoints.Handshake;
import dev.tideway.websocket.servlet.JakartaEndpoints.Idle;
import dev.tideway.websocket.servlet.JakartaEndpoints.Info;
import dev.tideway.websocket.servlet.JakartaEndpoints.Length;
import dev.tideway.websocket.servlet.JakartaEndpoints.Many;
import dev.tideway.websocket.servlet.JakartaEndpoints.NoOrigin;
import dev.tideway.websocket.servlet.JakartaEndpoints.Programmatic;
import dev.tideway.websocket.servlet.JakartaEndpoints.Protocols;
import dev.tideway.websocket.servlet.JakartaEndpoints.TwoTextHandlers;
import dev.tideway.websocket.servlet.JakartaEndpoints.Uncompressed;
import dev.tideway.websocket.servlet.JakartaEndpoints.Router;
import dev.tideway.websocket.servlet.JakartaEndpoints.UserFromHeader;
import dev.tideway.websocket.servlet.JakartaEndpoints.Who;
import jakarta.websocket.CloseReason;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The Jakarta WebSocket layer in a real web application: Tideway's initializer deploys annotated and
 * programmatic endpoints, the upgrade filter runs the handshake with origin checks and the configurator,
 * and sessions serve the JDK's client and Tideway's engine client. Subclasses name the container.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(60)
abstract class JakartaSuite {
    private static final String ALLOWED_ORIGIN = "https://allowed.example";

    private AppHarness app;
    private TlsMaterial tls;
    private HttpClient client;
    private ScheduledExecutorService timers;

    protected abstract AppHarness newHarness();

    @BeforeAll
    void startApplication() throws Exception {
        tls = TlsMaterial.get();
        timers = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "jakarta-test-timer");
            thread.setDaemon(true);
            return thread;
        });
        client = HttpClient.newBuilder().sslContext(tls.clientContext()).connectTimeout(Duration.ofSeconds(10)).build();
        ServerEvents.clear("listener");
        app = newHarness();
        app.start(WebApp.of(Echo.class, Length.class, Chat.class, Info.class, Programmatic.class, AppConfig.class,
                        Protocols.class, Handshake.class, NoOrigin.class, Idle.class, Blast.class, Many.class, Who.class,
                        Uncompressed.class)
                .withInitParameter(TidewayServerContainer.ALLOWED_ORIGINS_PARAM, ALLOWED_ORIGIN + ", same-origin")
                .withFilter("user-from-header", new UserFromHeader())
                .withFilter("router", new Router(Chat.class))
                .withListener(AddsEndpointListener.class), tls);
        assertTrue(app.applicationAvailable(), "the application started");
    }

    @AfterAll
    void stopApplication() throws Exception {
        if (app != null) {
            app.stop();
        }
        if (timers != null) {
            timers.shutdownNow();
        }
    }

    private JdkPeer connect(Scheme scheme, String path, String... subprotocols) throws Exception {
        return JdkPeer.connect(client, app.uri(scheme, path), subprotocols);
    }

    private String ask(JdkPeer peer, String message) throws Exception {
        peer.webSocket().sendText(message, true).get(10, TimeUnit.SECONDS);
        return peer.nextText();
    }

    private RawHttp.Response upgrade(String path, String... headerLines) throws IOException {
        return RawHttp.exchange(app.port(Scheme.PLAIN), "GET", path, RawHttp.upgradeHeaders(headerLines));
    }

    // ---------------------------------------------------------------- endpoints

    /**
     * A WebSocket lives as long as its session, past the container's request timeouts: Jetty 12.1 starts an
     * async context for the upgrade whose default timeout (30 s) ended every connection, however busy.
     * Takes 33 s.
     */
    @Test
    void aBusyConnectionOutlivesTheContainersAsyncTimeout() throws Exception {
        JdkPeer peer = connect(Scheme.PLAIN, "/echo");
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(33);
        for (int tick = 0; System.nanoTime() < end && tick < 20; tick++) {
            assertEquals("tick " + tick, ask(peer, "tick " + tick));
            Thread.sleep(3_000);
        }
        assertEquals("still here", ask(peer, "still here"));
        assertFalse(peer.closed.isDone(), () -> "closed: " + peer.closed.getNow(null));
        peer.webSocket().sendClose(1000, "done").get(10, TimeUnit.SECONDS);
        assertEquals(new JdkPeer.Close(1000, "done"), peer.closed.get(10, TimeUnit.SECONDS));
    }

    @ParameterizedTest
    @EnumSource(Scheme.class)
    void anAnnotatedEndpointEchoesTextAndBinaryThroughReturnValues(Scheme scheme) throws Exception {
        JdkPeer peer = connect(scheme, "/echo");
        byte[] binary = {0, 1, 2, (byte) 0xff};

        assertEquals("hello, \u00e9t\u00e9 \ud83c\udf0a", ask(peer, "hello, \u00e9t\u00e9 \ud83c\udf0a"));
        peer.webSocket().sendBinary(ByteBuffer.wrap(binary), true).get(10, TimeUnit.SECONDS);
        assertArrayEquals(binary, peer.nextBinary());
        peer.webSocket().sendClose(1000, "bye").get(10, TimeUnit.SECONDS);
        assertEquals(new JdkPeer.Close(1000, "bye"), peer.closed.get(10, TimeUnit.SECONDS));
    }

    @ParameterizedTest
    @EnumSource(Scheme.class)
    void tidewaysOwnClientTalksToTidewaysServerCompressed(Scheme scheme) throws Exception {
        WebSocketContainer container = ContainerProvider.getWebSocketContainer();
        LinkedBlockingQueue<Object> received = new LinkedBlockingQueue<>();
        CompletableFuture<CloseReason> closed = new CompletableFuture<>();
        Endpoint endpoint = new Endpoint() {
            @Override
            public void onOpen(Session session, EndpointConfig config) {
                session.addMessageHandler(String.class, received::add);
                session.addMessageHandler(ByteBuffer.class, received::add);
            }

            @Override
            public void onClose(Session session, CloseReason reason) {
                closed.complete(reason);
            }
        };
        ClientEndpointConfig config = ClientEndpointConfig.Builder.create().sslContext(tls.clientContext())
                .extensions(List.copyOf(container.getInstalledExtensions())).build();

        Session session = container.connectToServer(endpoint, config, app.uri(scheme, "/echo"));
        session.getBasicRemote().sendText("tide \ud83c\udf0a".repeat(1000));
        session.getBasicRemote().sendBinary(ByteBuffer.wrap(new byte[] {1, 2, 3}));

        assertEquals("tide \ud83c\udf0a".repeat(1000), received.poll(10, TimeUnit.SECONDS));
        assertEquals(ByteBuffer.wrap(new byte[] {1, 2, 3}), received.poll(10, TimeUnit.SECONDS));
        assertEquals(List.of("permessage-deflate"),
                session.getNegotiatedExtensions().stream().map(Extension::getName).toList());
        assertEquals(scheme == Scheme.TLS, session.isSecure());
        session.close(new CloseReason(CloseReason.CloseCodes.getCloseCode(4001), "done"));
        CloseReason reason = closed.get(10, TimeUnit.SECONDS);
        assertEquals(4001, reason.getCloseCode().getCode());
        assertEquals("done", reason.getReasonPhrase());
    }

    @Test
    void aPrimitiveReturnValueIsSentAsText() throws Exception {
        JdkPeer peer = connect(Scheme.PLAIN, "/length");

        assertEquals("5", ask(peer, "tides"));
        peer.abort();
    }

    @Test
    void aPathParameterComesFromTheRequestPath() throws Exception {
        JdkPeer lobby = connect(Scheme.PLAIN, "/chat/lobby");
        JdkPeer kitchen = connect(Scheme.PLAIN, "/chat/kitchen");

        assertEquals("lobby: hi", ask(lobby, "hi"));
        assertEquals("kitchen: hi", ask(kitchen, "hi"));
        lobby.abort();
        kitchen.abort();
    }

    @Test
    void aProgrammaticEndpointIsDeployedThroughTheServerApplicationConfig() throws Exception {
        JdkPeer peer = connect(Scheme.PLAIN, "/programmatic");

        assertEquals("programmatic: hi", ask(peer, "hi"));
        peer.abort();
    }

    @Test
    void aListenerFindsTheServerContainerAttributeAndAddsAnEndpoint() throws Exception {
        assertEquals("deployed", ServerEvents.next("listener"));
        JdkPeer peer = connect(Scheme.PLAIN, "/from-listener");

        assertEquals("from listener: hi", ask(peer, "hi"));
        peer.abort();
    }

    @Test
    void aFrameworkUpgradesThroughTheServerContainerWithItsOwnPathParameters() throws Exception {
        JdkPeer first = connect(Scheme.PLAIN, "/routed/attic");
        JdkPeer second = connect(Scheme.TLS, "/routed/cellar");

        assertEquals("attic: hi", ask(first, "hi"));
        assertEquals("cellar: hi", ask(second, "hi"));
        first.abort();
        second.abort();
    }

    @Test
    void requestsThatAskForNoWebSocketReachTheServlet() throws Exception {
        RawHttp.Response response = RawHttp.exchange(app.port(Scheme.PLAIN), "GET", "/echo");

        assertEquals(200, response.status());
        assertEquals("plain GET /echo", response.body());
    }

    // ---------------------------------------------------------------- handshake

    @Test
    void theConfiguratorChoosesTheSubprotocol() throws Exception {
        JdkPeer peer = connect(Scheme.PLAIN, "/protocols", "v1", "v2");

        assertEquals("v2", peer.webSocket().getSubprotocol(), "the server's preference, not the client's");
        assertEquals("v2", ask(peer, "which?"));
        peer.abort();
    }

    @Test
    void permessageDeflateIsNegotiatedAndCompresses() throws Exception {
        MessageCollector received = new MessageCollector();
        try (EngineClient engine = EngineClient.connect(app.port(Scheme.PLAIN), "/echo",
                List.of(new PerMessageDeflateFactory()), received, Scheduler.of(timers), 0)) {
            engine.startReading();
            // 61,600 bytes: within the container's default text message buffer of 64 KiB
            String text = "all work and no play makes jack a dull boy. ".repeat(1400);

            engine.connection.sendText(ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)), true,
                    WriteCallback.NOOP);

            assertEquals("permessage-deflate", engine.handshake.header("Sec-WebSocket-Extensions"));
            assertEquals(text, received.next());
            assertTrue(engine.bytesRead.get() < 2_000, "61,600 repetitive bytes took " + engine.bytesRead.get());
        }
        MessageCollector info = new MessageCollector();
        try (EngineClient engine = EngineClient.connect(app.port(Scheme.PLAIN), "/info/z",
                List.of(new PerMessageDeflateFactory()), info, Scheduler.of(timers), 0)) {
            engine.startReading();
            engine.connection.sendText(ByteBuffer.wrap(new byte[] {'?'}), true, WriteCallback.NOOP);

            assertTrue(((String) info.next()).endsWith(" extensions=[permessage-deflate]"));
        }
    }

    @Test
    void aMalformedUpgradeIsAnswered400AndAnotherVersion426WithOurs() throws Exception {
        RawHttp.Response noKey = RawHttp.exchange(app.port(Scheme.PLAIN), "GET", "/echo",
                "Upgrade: websocket", "Connection: Upgrade", "Sec-WebSocket-Version: 13");
        RawHttp.Response version8 = RawHttp.exchange(app.port(Scheme.PLAIN), "GET", "/echo",
                "Upgrade: websocket", "Connection: Upgrade", "Sec-WebSocket-Key: " + RawHttp.KEY,
                "Sec-WebSocket-Version: 8");

        assertEquals(400, noKey.status());
        assertEquals(426, version8.status());
        assertEquals("13", version8.header("Sec-WebSocket-Version"));
    }

    @Test
    void theConfiguratorCanRefuseTheOfferedExtensions() throws Exception {
        MessageCollector received = new MessageCollector();
        try (EngineClient engine = EngineClient.connect(app.port(Scheme.PLAIN), "/uncompressed",
                List.of(new PerMessageDeflateFactory()), received, Scheduler.of(timers), 0)) {
            engine.startReading();
            engine.connection.sendText(ByteBuffer.wrap(new byte[] {'?'}), true, WriteCallback.NOOP);

            assertEquals("[]", received.next());
            assertNull(engine.handshake.header("Sec-WebSocket-Extensions"));
        }
    }

    @Test
    void anOriginOutsideTheAllowListIsRefusedWith403() throws Exception {
        RawHttp.Response response = upgrade("/echo", "Origin: https://evil.example");

        assertEquals(403, response.status());
    }

    @Test
    void allowedOriginsAndRequestsWithoutOriginAreUpgraded() throws Exception {
        assertEquals(101, upgrade("/echo", "Origin: " + ALLOWED_ORIGIN).status());
        assertEquals(101, upgrade("/echo", "Origin: http://127.0.0.1:" + app.port(Scheme.PLAIN)).status(),
                "same-origin");
        assertEquals(101, upgrade("/echo").status());
    }

    @Test
    void theConfiguratorsCheckOriginRefusesWith403() throws Exception {
        assertEquals(403, upgrade("/no-origin", "Origin: " + ALLOWED_ORIGIN).status());
    }

    @Test
    void modifyHandshakeSeesTheRequestAndAddsResponseHeaders() throws Exception {
        RawHttp.Response response = upgrade("/handshake/first?a=1&b=2&b=3", "X-Custom: one", "X-Custom: two",
                "X-Test-User: carol");

        assertEquals(101, response.status());
        assertEquals("modified", response.header("X-Tideway-Handshake"));
        assertEquals("ws://127.0.0.1:" + app.port(Scheme.PLAIN) + "/handshake/first?a=1&b=2&b=3",
                response.header("X-Seen-Uri"));
        assertEquals("a=1&b=2&b=3", response.header("X-Seen-Query"));
        assertEquals("{a=[1], b=[2, 3], stage=[first]}", response.header("X-Seen-Params"), "path parameters too");
        assertEquals("[one, two]", response.header("X-Seen-Custom"), "headers by name, ignoring case");
        assertEquals("carol", response.header("X-Seen-User"));
        assertEquals(RawHttp.ACCEPT, response.header("Sec-WebSocket-Accept"));
        assertEquals("websocket", response.header("Upgrade").toLowerCase(Locale.ROOT), "one Upgrade header");
        assertEquals("upgrade", response.header("Connection").toLowerCase(Locale.ROOT), "one Connection header");
    }

    @Test
    void userPropertiesThatModifyHandshakeSetsBelongToThatConnectionOnly() throws Exception {
        JdkPeer bob = new JdkPeer();
        WebSocket bobs = client.newWebSocketBuilder().header("X-Who", "bob").buildAsync(app.uri(Scheme.PLAIN, "/who"), bob)
                .get(10, TimeUnit.SECONDS);
        bobs.sendText("?", true).get(10, TimeUnit.SECONDS);
        assertEquals("bob bob", bob.nextText());

        JdkPeer nobody = connect(Scheme.PLAIN, "/who"); // modifyHandshake puts a null "who"

        assertEquals("null null", ask(nobody, "?"), "the EndpointConfig and the session of another connection");
        bobs.sendText("?", true).get(10, TimeUnit.SECONDS);
        assertEquals("bob bob", bob.nextText(), "after another connection's handshake");
        bobs.abort();
        nobody.abort();
    }

    @ParameterizedTest
    @EnumSource(Scheme.class)
    void theSessionKnowsItsRequestAndTheUserAFilterAuthenticated(Scheme scheme) throws Exception {
        JdkPeer peer = new JdkPeer();
        URI uri = app.uri(scheme, "/info/42?x=1&x=2");
        WebSocket webSocket = client.newWebSocketBuilder().header("X-Test-User", "alice").buildAsync(uri, peer)
                .get(10, TimeUnit.SECONDS);

        webSocket.sendText("?", true).get(10, TimeUnit.SECONDS);

        assertEquals("uri=" + uri + " query=x=1&x=2 params={id=[42], x=[1, 2]} path={id=42} user=alice"
                + " secure=" + (scheme == Scheme.TLS) + " extensions=[]", peer.nextText());
        webSocket.abort();
    }

    // ---------------------------------------------------------------- sessions

    @Test
    void anIdleSessionIsClosedWith1001AndOnCloseGets1006() throws Exception {
        ServerEvents.clear("idle");
        JdkPeer peer = connect(Scheme.PLAIN, "/idle");

        JdkPeer.Close close = peer.closed.get(10, TimeUnit.SECONDS);

        assertEquals(1001, close.code());
        CloseReason reason = assertInstanceOf(CloseReason.class, ServerEvents.next("idle"));
        assertEquals(CloseReason.CloseCodes.CLOSED_ABNORMALLY, reason.getCloseCode(), "JSR 356 §2.1.5");
        assertEquals(close.reason(), reason.getReasonPhrase());
    }

    @Test
    void aBlockingSendFromOnMessageWaitsForASlowPeerWithoutDeadlock() throws Exception {
        ServerEvents.clear("blast");
        int count = 64;
        int size = 256 * 1024; // 16 MiB in all: far more than the sockets between us hold
        ThrottledPeer peer = ThrottledPeer.connect(client, app.uri(Scheme.PLAIN, "/blast"), timers);

        peer.webSocket().sendText(count + " " + size, true).get(10, TimeUnit.SECONDS);

        int stalledAt = awaitStall("blast");
        assertTrue(stalledAt < count, "all " + count + " blocking sends returned to a peer that reads nothing");
        peer.readSlowly();
        for (int i = 0; i < count; i++) {
            String message = peer.nextText();
            assertEquals(Blast.payload(i, size), message, "message " + i);
        }
        assertEquals("done " + count, peer.nextText());
        assertEquals(count, ServerEvents.counted("blast"));
        peer.webSocket().abort();
    }

    /** Waits until a counter stands still for half a second (at most 10 s); its value then. */
    private static int awaitStall(String topic) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        int last = -1;
        long since = System.nanoTime();
        while (System.nanoTime() < deadline) {
            int now = ServerEvents.counted(topic);
            if (now != last) {
                last = now;
                since = System.nanoTime();
            } else if (System.nanoTime() - since > TimeUnit.MILLISECONDS.toNanos(500)) {
                return now;
            }
            Thread.sleep(20);
        }
        return ServerEvents.counted(topic);
    }

    @Test
    void tenThousandMessagesInFlightAreEchoedInOrder() throws Exception {
        JdkPeer peer = connect(Scheme.PLAIN, "/echo");
        int count = 10_000;

        for (int i = 0; i < count; i++) {
            peer.webSocket().sendText("message " + i, true).get(10, TimeUnit.SECONDS);
        }

        for (int i = 0; i < count; i++) {
            assertEquals("message " + i, peer.nextText());
        }
        peer.abort();
    }

    @Test
    void aThousandConcurrentSessionsEachEchoTheirOwnMessages() throws Exception {
        ServerEvents.clear("many-closed");
        int sessions = 1000;
        int batch = 100; // handshakes in flight at once: below the containers' accept backlogs
        List<JdkPeer> peers = new ArrayList<>(sessions);
        try {
            for (int opened = 0; opened < sessions; opened += batch) {
                List<CompletableFuture<JdkPeer>> connecting = new ArrayList<>(batch);
                for (int i = 0; i < batch; i++) {
                    connecting.add(JdkPeer.connectAsync(client, app.uri(Scheme.PLAIN, "/many")));
                }
                for (CompletableFuture<JdkPeer> peer : connecting) {
                    peers.add(peer.get(20, TimeUnit.SECONDS));
                }
            }
            for (int i = 0; i < sessions; i++) {
                peers.get(i).webSocket().sendText("session " + i, true);
            }
            for (int i = 0; i < sessions; i++) {
                assertEquals("session " + i, peers.get(i).nextText());
            }
            for (JdkPeer peer : peers) {
                peer.webSocket().sendClose(1000, "done");
            }
            for (JdkPeer peer : peers) {
                assertEquals(new JdkPeer.Close(1000, "done"), peer.closed.get(10, TimeUnit.SECONDS));
            }
            assertEquals(sessions, ServerEvents.awaitCount("many-closed", sessions, 10_000),
                    "server sessions whose @OnClose saw 1000");
        } finally {
            peers.forEach(JdkPeer::abort);
        }
    }

    // ---------------------------------------------------------------- deployment and undeployment

    @Test
    void anInvalidEndpointFailsTheApplicationsStartAndNothingAnswersTheUpgrade() throws Exception {
        AppHarness broken = newHarness();
        try {
            broken.start(WebApp.of(Echo.class, TwoTextHandlers.class), tls);

            assertFalse(broken.applicationAvailable(), "an application with an invalid endpoint started");
            for (String path : List.of("/invalid", "/echo")) {
                try {
                    RawHttp.Response response = RawHttp.exchange(broken.port(Scheme.PLAIN), "GET", path,
                            RawHttp.upgradeHeaders());
                    assertNotEquals(101, response.status(), path + " was upgraded");
                } catch (ConnectException refused) {
                    // nothing listens at all: nothing answers either
                }
            }
        } finally {
            broken.stop();
        }
    }

    @Test
    void undeployingClosesEverySessionWith1001RunsOnCloseAndEndsTheThreads() throws Exception {
        ServerEvents.clear("going-away");
        AppHarness undeployed = newHarness();
        List<JdkPeer> peers = new ArrayList<>();
        try {
            undeployed.start(WebApp.of(GoingAway.class).atContextPath("/undeploy")
                    .withFilter("router", new Router(GoingAway.class)), tls);
            List<URI> uris = List.of(undeployed.uri(Scheme.PLAIN, "/going-away"), undeployed.uri(Scheme.TLS, "/going-away"),
                    undeployed.uri(Scheme.PLAIN, "/routed/x")); // the last through upgradeHttpToWebSocket
            for (URI uri : uris) {
                JdkPeer peer = JdkPeer.connect(client, uri);
                peers.add(peer);
                assertEquals("before", ask(peer, "before"));
            }
            assertFalse(applicationThreads("undeploy").isEmpty(), "the sessions' callbacks ran on tideway-ws threads");

            undeployed.stopApplication();

            for (JdkPeer peer : peers) {
                assertEquals(new JdkPeer.Close(1001, "The web application is stopping"),
                        peer.closed.get(10, TimeUnit.SECONDS));
            }
            for (int i = 0; i < peers.size(); i++) {
                CloseReason reason = assertInstanceOf(CloseReason.class, ServerEvents.next("going-away"));
                assertEquals(CloseReason.CloseCodes.GOING_AWAY, reason.getCloseCode());
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
            while (!applicationThreads("undeploy").isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertEquals(List.of(), applicationThreads("undeploy"), "threads that outlived the application");
        } finally {
            peers.forEach(JdkPeer::abort);
            undeployed.stop();
        }
    }

    @Test
    void undeployingDropsAPeerThatNeverAnswersTheClose() throws Exception {
        ServerEvents.clear("going-away", "going-away-open");
        AppHarness undeployed = newHarness();
        try {
            undeployed.start(WebApp.of(GoingAway.class).atContextPath("/undeploy-silent"), tls);
            try (RawHttp silent = RawHttp.open(undeployed.port(Scheme.PLAIN), 0)) {
                silent.send("GET", "/undeploy-silent/going-away", RawHttp.upgradeHeaders("Content-Length: 0"));
                assertEquals(101, silent.readResponse().status());
                ServerEvents.next("going-away-open");

                undeployed.stopApplication(); // our peer reads the close frame but never answers it

                silent.socket.setSoTimeout(10_000);
                byte[] received = silent.in.readAllBytes(); // until the server drops the connection
                assertTrue(received.length >= 4, "the close frame, got " + java.util.Arrays.toString(received));
                assertEquals((byte) 0x88, received[0], "a close frame");
                assertEquals(1001, ((received[2] & 0xff) << 8) | (received[3] & 0xff));
            }
            CloseReason reason = assertInstanceOf(CloseReason.class, ServerEvents.next("going-away"));
            assertEquals(CloseReason.CloseCodes.GOING_AWAY, reason.getCloseCode());
        } finally {
            undeployed.stop();
        }
    }

    /** The live threads of Tideway's container of the application named {@code name}. */
    private static List<String> applicationThreads(String name) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive)
                .map(Thread::getName)
                .filter(thread -> thread.startsWith("tideway-ws-" + name + "-")
                        || thread.startsWith("tideway-ws-timer-" + name + "-"))
                .sorted()
                .toList();
    }
}
