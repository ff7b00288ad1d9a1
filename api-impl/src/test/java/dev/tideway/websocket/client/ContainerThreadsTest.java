package dev.tideway.websocket.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.websocket.ClientEndpointConfig;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The client container's threads (I/O loops, callbacks, timers): a bounded number for many sessions, none
 * once all sessions are closed and the idle times passed. The container here idles out in well under a
 * second; the production keep-alive is 30 s.
 */
class ContainerThreadsTest {
    private static final Duration IDLE = Duration.ofMillis(300);
    private static final int SESSIONS = 1000;
    /** Application threads calling connectToServer at the same time (they are not the container's). */
    private static final int CONNECTING_THREADS = 8;
    /**
     * Two I/O loops, one timer, and a callback thread per session busy at the same moment: 15 to 20 were
     * seen here; the margin is for a loaded machine. One thread per session would be 1,000.
     */
    private static final int MAX_THREADS = 64;

    private final TidewayClientContainer container = new TidewayClientContainer(IDLE, IDLE);
    private TestServer server;

    @AfterEach
    void stopServer() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aThousandConcurrentSessionsRunOnABoundedNumberOfThreadsThatAllEndOnceTheSessionsClosed() throws Exception {
        server = TestServer.start(request -> TestServer.Answer.upgrade().withoutCompression());
        AtomicInteger maxThreads = new AtomicInteger();
        Thread sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                maxThreads.accumulateAndGet(containerThreads().size(), Math::max);
                try {
                    Thread.sleep(2);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "thread-sampler");
        sampler.setDaemon(true);
        sampler.start();

        List<RecordingEndpoint> endpoints = new ArrayList<>();
        List<Future<Session>> connects = new ArrayList<>();
        ClientEndpointConfig config = ClientEndpointConfig.Builder.create().build();
        ExecutorService connecting = Executors.newFixedThreadPool(CONNECTING_THREADS);
        try {
            for (int i = 0; i < SESSIONS; i++) {
                RecordingEndpoint endpoint = new RecordingEndpoint();
                endpoints.add(endpoint);
                connects.add(connecting.submit(() -> container.connectToServer(endpoint, config, server.uri("/many"))));
            }
        } finally {
            connecting.shutdown();
        }
        List<Session> sessions = new ArrayList<>();
        for (Future<Session> connect : connects) {
            sessions.add(connect.get(30, TimeUnit.SECONDS));
        }
        assertEquals(SESSIONS, sessions.get(0).getOpenSessions().size());
        for (int i = 0; i < SESSIONS; i++) {
            sessions.get(i).getAsyncRemote().sendText("hello " + i);
        }
        for (int i = 0; i < SESSIONS; i++) {
            assertEquals("hello " + i, endpoints.get(i).nextText());
        }
        for (Session session : sessions) {
            session.close();
        }
        for (RecordingEndpoint endpoint : endpoints) {
            assertEquals(CloseReason.CloseCodes.NORMAL_CLOSURE, endpoint.awaitClosed().getCloseCode());
        }
        sampler.interrupt();
        sampler.join(1000);

        assertTrue(maxThreads.get() >= 2 && maxThreads.get() <= MAX_THREADS,
                "the container's threads at most: " + maxThreads.get());
        awaitNoContainerThreads();
    }

    @Test
    void noThreadRunsBeforeTheFirstConnectNorAfterTheIdleTimesAndTheNextConnectStartsThemAgain() throws Exception {
        server = TestServer.echo();
        assertEquals(List.of(), containerThreads());

        for (int round = 1; round <= 2; round++) {
            RecordingEndpoint endpoint = new RecordingEndpoint();
            Session session = container.connectToServer(endpoint, ClientEndpointConfig.Builder.create().build(),
                    server.uri("/"));
            session.setMaxIdleTimeout(60_000); // arms a timer: the timer thread runs too
            List<String> running = containerThreads();
            assertTrue(running.stream().anyMatch(t -> t.startsWith(container.ioThreadNamePrefix()))
                    && running.stream().anyMatch(t -> t.startsWith("tideway-ws-" + container.name() + "-"))
                    && running.stream().anyMatch(t -> t.startsWith("tideway-ws-timer-" + container.name() + "-")),
                    "round " + round + ": " + running);
            session.getBasicRemote().sendText("round " + round);
            assertEquals("round " + round, endpoint.nextText());

            session.close();
            assertEquals(CloseReason.CloseCodes.NORMAL_CLOSURE, endpoint.awaitClosed().getCloseCode());
            awaitNoContainerThreads();
        }
    }

    private void awaitNoContainerThreads() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!containerThreads().isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertEquals(List.of(), containerThreads(), "threads still alive 5 s after the last session closed");
    }

    /** The names of this container's live threads. */
    private List<String> containerThreads() {
        List<String> prefixes = List.of(container.ioThreadNamePrefix(), "tideway-ws-" + container.name() + "-",
                "tideway-ws-timer-" + container.name() + "-");
        Thread[] threads = new Thread[Thread.activeCount() * 2 + 10];
        int count = Thread.enumerate(threads);
        return Arrays.stream(threads, 0, count)
                .filter(t -> t.isAlive() && prefixes.stream().anyMatch(t.getName()::startsWith))
                .map(Thread::getName)
                .collect(Collectors.toList());
    }
}
