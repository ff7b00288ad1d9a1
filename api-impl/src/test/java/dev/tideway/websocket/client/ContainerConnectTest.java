package dev.tideway.websocket.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.websocket.ClientEndpoint;
import jakarta.websocket.ClientEndpointConfig;
import jakarta.websocket.CloseReason;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code connectToServer} in its four forms against the in-test echo server. */
class ContainerConnectTest {
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

    /** Echoes text through an {@code @OnMessage} method; opening takes a while, to show connect waits for it. */
    @ClientEndpoint
    public static class AnnotatedEcho {
        static final BlockingQueue<AnnotatedEcho> CREATED = new LinkedBlockingQueue<>();
        final BlockingQueue<String> messages = new LinkedBlockingQueue<>();
        final CompletableFuture<CloseReason> closed = new CompletableFuture<>();
        volatile boolean opened;

        public AnnotatedEcho() {
            CREATED.add(this);
        }

        @OnOpen
        public void open(Session session) throws InterruptedException {
            Thread.sleep(200);
            opened = true;
        }

        @OnMessage
        public void text(String message) {
            messages.add(message);
        }

        @OnClose
        public void close(CloseReason reason) {
            closed.complete(reason);
        }

        String next() throws InterruptedException {
            String message = messages.poll(5, TimeUnit.SECONDS);
            assertNotNull(message, "no message within 5 s");
            return message;
        }
    }

    /** Not a client endpoint: it lacks {@code @ClientEndpoint}. */
    public static class NotAnnotated {
        @OnMessage
        public void text(String message) {
        }
    }

    /** A programmatic endpoint the container creates; slow to open as well. */
    public static class ProgrammaticEcho extends RecordingEndpoint {
        static final BlockingQueue<ProgrammaticEcho> CREATED = new LinkedBlockingQueue<>();

        public ProgrammaticEcho() {
            CREATED.add(this);
        }

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
    void anAnnotatedInstanceConnectsOnceItsOnOpenHasRun() throws Exception {
        AnnotatedEcho endpoint = new AnnotatedEcho();
        Session session = container.connectToServer(endpoint, server.uri("/annotated?a=1&b=x%20y"));

        assertTrue(endpoint.opened, "connectToServer returned before @OnOpen had run");
        assertTrue(session.isOpen());
        assertSame(container, session.getContainer());
        assertEquals(server.uri("/annotated?a=1&b=x%20y"), session.getRequestURI());
        assertEquals("a=1&b=x%20y", session.getQueryString());
        assertEquals(Map.of("a", List.of("1"), "b", List.of("x y")), session.getRequestParameterMap());
        assertEquals("GET /annotated?a=1&b=x%20y HTTP/1.1", server.takeRequest().requestLine());
        session.getBasicRemote().sendText("annotated instance");
        assertEquals("annotated instance", endpoint.next());

        session.close();
        assertEquals(CloseReason.CloseCodes.NORMAL_CLOSURE, endpoint.closed.get(5, TimeUnit.SECONDS).getCloseCode());
    }

    @Test
    void anAnnotatedClassIsInstantiatedByTheContainer() throws Exception {
        AnnotatedEcho.CREATED.clear();
        Session session = container.connectToServer(AnnotatedEcho.class, server.uri("/annotated-class"));

        AnnotatedEcho endpoint = AnnotatedEcho.CREATED.poll();
        assertNotNull(endpoint, "the container created no instance");
        assertTrue(endpoint.opened, "connectToServer returned before @OnOpen had run");
        session.getBasicRemote().sendText("annotated class");
        assertEquals("annotated class", endpoint.next());
    }

    @Test
    void aClassWithoutClientEndpointIsADeploymentException() {
        DeploymentException byClass = assertThrows(DeploymentException.class,
                () -> container.connectToServer(NotAnnotated.class, server.uri("/")));
        DeploymentException byInstance = assertThrows(DeploymentException.class,
                () -> container.connectToServer(new NotAnnotated(), server.uri("/")));

        String expected = NotAnnotated.class.getName() + " is not annotated with @ClientEndpoint";
        assertEquals(expected, byClass.getMessage());
        assertEquals(expected, byInstance.getMessage());
    }

    @Test
    void anEndpointInstanceWithAConfigConnectsOnceItsOnOpenHasRun() throws Exception {
        ProgrammaticEcho endpoint = new ProgrammaticEcho();
        Session session = container.connectToServer(endpoint, ClientEndpointConfig.Builder.create().build(),
                server.uri("/programmatic"));

        assertTrue(endpoint.opened, "connectToServer returned before onOpen had run");
        session.getBasicRemote().sendText("endpoint instance");
        assertEquals("endpoint instance", endpoint.nextText());
    }

    @Test
    void anEndpointClassIsInstantiatedByTheContainer() throws Exception {
        ProgrammaticEcho.CREATED.clear();
        Session session = container.connectToServer(ProgrammaticEcho.class,
                ClientEndpointConfig.Builder.create().build(), server.uri("/programmatic-class"));

        ProgrammaticEcho endpoint = ProgrammaticEcho.CREATED.poll();
        assertNotNull(endpoint, "the container created no instance");
        assertTrue(endpoint.opened, "connectToServer returned before onOpen had run");
        session.getAsyncRemote().sendText("endpoint class").get(5, TimeUnit.SECONDS);
        assertEquals("endpoint class", endpoint.nextText());
    }

    @Test
    void aUriThatIsNotWebSocketIsADeploymentException() {
        DeploymentException e = assertThrows(DeploymentException.class, () -> container.connectToServer(
                new RecordingEndpoint(), ClientEndpointConfig.Builder.create().build(),
                URI.create("http://127.0.0.1:" + server.port() + "/")));

        assertInstanceOf(IllegalArgumentException.class, e.getCause());
        assertTrue(e.getMessage().startsWith("Cannot connect to http://127.0.0.1:" + server.port() + "/: "),
                e.getMessage());
    }
}
