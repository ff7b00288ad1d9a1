package dev.tideway.websocket.client;

import static dev.tideway.websocket.client.ClientEchoTest.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tideway.websocket.protocol.CloseStatus;
import dev.tideway.websocket.protocol.WriteCallback;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The connector's threads: a fixed few for any number of connections, none when idle. */
class ClientThreadsTest {
    private static final Duration IDLE = Duration.ofMillis(300);

    private final WebSocketConnector connector = new WebSocketConnector(IDLE);
    private TestServer server;

    @AfterEach
    void tearDown() throws Exception {
        connector.close();
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aThousandConcurrentConnectionsShareTheLoopThreadsWhichStopWhenAllAreClosed() throws Exception {
        server = TestServer.start(request -> TestServer.Answer.upgrade().withoutCompression());
        int connections = 1000;
        AtomicInteger maxThreads = new AtomicInteger();
        Thread sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                maxThreads.accumulateAndGet(loopThreads(), Math::max);
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        sampler.setDaemon(true);
        sampler.start();

        List<RecordingListener> listeners = new ArrayList<>();
        List<CompletableFuture<ClientConnection>> futures = new ArrayList<>();
        ClientHandshakeRequest request = ClientHandshakeRequest.builder(server.uri("/many"))
                .connectTimeout(Duration.ofSeconds(20)).build();
        for (int i = 0; i < connections; i++) {
            RecordingListener listener = new RecordingListener();
            listeners.add(listener);
            futures.add(connector.connect(request, result -> listener));
        }
        List<ClientConnection> clients = new ArrayList<>();
        for (CompletableFuture<ClientConnection> future : futures) {
            clients.add(future.get(30, TimeUnit.SECONDS));
        }
        for (int i = 0; i < connections; i++) {
            clients.get(i).connection().sendText(utf8("hello " + i), true, WriteCallback.NOOP);
        }
        for (int i = 0; i < connections; i++) {
            assertEquals("hello " + i, listeners.get(i).nextText());
        }
        for (ClientConnection client : clients) {
            client.connection().close(CloseStatus.NORMAL);
        }
        for (RecordingListener listener : listeners) {
            assertEquals(CloseStatus.NORMAL, listener.awaitClosed());
        }
        sampler.interrupt();
        sampler.join(1000);

        assertTrue(maxThreads.get() >= 1 && maxThreads.get() <= SelectorLoops.defaultSize(),
                "loop threads at most: " + maxThreads.get());
        awaitNoLoopThreads();
    }

    @Test
    void noThreadRunsBeforeTheFirstConnectNorAfterTheIdleTimeoutAndTheNextConnectStartsThemAgain() throws Exception {
        server = TestServer.echo();
        assertEquals(0, loopThreads());

        for (int round = 1; round <= 2; round++) {
            RecordingListener listener = new RecordingListener();
            ClientConnection client = connector.connect(ClientHandshakeRequest.builder(server.uri("/")).build(),
                    result -> listener).get(5, TimeUnit.SECONDS);
            assertTrue(loopThreads() >= 1, "round " + round);
            client.connection().sendText(utf8("round " + round), true, WriteCallback.NOOP);
            assertEquals("round " + round, listener.nextText());

            client.connection().close(CloseStatus.NORMAL);
            assertEquals(CloseStatus.NORMAL, listener.awaitClosed());
            awaitNoLoopThreads();
        }
    }

    @Test
    void aFailedConnectLeavesNoThreadBehind() throws Exception {
        server = TestServer.start(request -> TestServer.Answer.raw("HTTP/1.1 404 Not Found\r\n\r\n"));

        CompletableFuture<ClientConnection> future = connector.connect(
                ClientHandshakeRequest.builder(server.uri("/")).build(), result -> new RecordingListener());

        assertTrue(future.handle((c, e) -> e).get(5, TimeUnit.SECONDS) instanceof ClientHandshakeException);
        awaitNoLoopThreads();
    }

    @Test
    void aCancelledConnectClosesItsSocketAndLeavesNoThreadBehind() throws Exception {
        server = TestServer.start(request -> TestServer.Answer.silence());
        CompletableFuture<ClientConnection> future = connector.connect(
                ClientHandshakeRequest.builder(server.uri("/")).build(), result -> new RecordingListener());
        server.takeRequest();

        assertTrue(future.cancel(true));

        awaitNoLoopThreads(); // the connect gave its loops back: its socket is closed and its timer off
    }

    private void awaitNoLoopThreads() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (loopThreads() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertEquals(0, loopThreads(), "loop threads still alive 5 s after the last connection closed");
    }

    private int loopThreads() {
        Thread[] threads = new Thread[Thread.activeCount() * 2 + 10];
        int count = Thread.enumerate(threads);
        String prefix = connector.threadNamePrefix();
        return (int) Arrays.stream(threads, 0, count).filter(t -> t.getName().startsWith(prefix) && t.isAlive()).count();
    }
}
