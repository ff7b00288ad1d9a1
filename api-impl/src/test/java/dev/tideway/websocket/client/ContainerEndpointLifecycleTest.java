package dev.tideway.websocket.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.websocket.ClientEndpoint;
import jakarta.websocket.ClientEndpointConfig;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.OnMessage;
import jakarta.websocket.Session;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Endpoint instances the container creates itself, from CDI when it runs: injected, and released (their
 * {@code @PreDestroy} runs) when their session has closed, or when their connect failed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ContainerEndpointLifecycleTest {
    static final AtomicInteger DESTROYED = new AtomicInteger();

    private final TidewayClientContainer container = new TidewayClientContainer();
    private WeldContainer weld;
    private TestServer server;

    @ApplicationScoped
    public static class Greeter {
        public String greet(String name) {
            return "hello " + name;
        }
    }

    /** Greets what the server echoes, with the help of an injected bean. */
    @ClientEndpoint
    public static class InjectedEndpoint {
        static final BlockingQueue<String> GREETINGS = new LinkedBlockingQueue<>();

        @Inject
        Greeter greeter;

        @OnMessage
        public void text(String message) {
            GREETINGS.add(greeter.greet(message));
        }

        @PreDestroy
        void destroyed() {
            DESTROYED.incrementAndGet();
        }
    }

    /** The programmatic twin: released the same way. */
    public static class InjectedProgrammatic extends RecordingEndpoint {
        @Inject
        Greeter greeter;

        @PreDestroy
        void destroyed() {
            DESTROYED.incrementAndGet();
        }
    }

    @BeforeAll
    void startCdi() {
        weld = new Weld().disableDiscovery().addBeanClasses(Greeter.class).initialize();
    }

    @AfterAll
    void stopCdi() {
        weld.close();
    }

    @BeforeEach
    void resetCount() {
        DESTROYED.set(0);
    }

    @AfterEach
    void stopServer() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void anInstanceTheContainerCreatedIsInjectedAndReleasedAfterItsSessionClosed() throws Exception {
        server = TestServer.echo();
        InjectedEndpoint.GREETINGS.clear();
        Session session = container.connectToServer(InjectedEndpoint.class, server.uri("/"));

        session.getBasicRemote().sendText("cdi");
        assertEquals("hello cdi", InjectedEndpoint.GREETINGS.poll(5, TimeUnit.SECONDS));
        assertEquals(0, DESTROYED.get());
        session.close();

        awaitDestroyed(1);
    }

    @Test
    void anAnnotatedInstanceWhoseConnectFailedIsReleased() throws Exception {
        server = TestServer.start(request -> TestServer.Answer.raw("HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n"));

        assertThrows(DeploymentException.class, () -> container.connectToServer(InjectedEndpoint.class, server.uri("/")));

        awaitDestroyed(1);
    }

    @Test
    void aProgrammaticInstanceWhoseConnectFailedIsReleased() throws Exception {
        server = TestServer.start(request -> TestServer.Answer.raw("HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n"));

        assertThrows(DeploymentException.class, () -> container.connectToServer(InjectedProgrammatic.class,
                ClientEndpointConfig.Builder.create().build(), server.uri("/")));

        awaitDestroyed(1);
    }

    private static void awaitDestroyed(int expected) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (DESTROYED.get() < expected && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertEquals(expected, DESTROYED.get(), "@PreDestroy calls");
    }
}
