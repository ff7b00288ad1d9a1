package dev.tideway.websocket.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tideway.websocket.protocol.CloseStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Many upgraded connections open at once, each with its own traffic. */
@Timeout(60)
abstract class ConcurrencySuite extends ContainerTestBase {
    private static final int SESSIONS = 1000;
    /** Handshakes in flight at once: below the containers' accept backlogs. */
    private static final int BATCH = 100;
    private final AtomicInteger normalClosures = new AtomicInteger();

    @BeforeAll
    void deploy() {
        upgrades.deploy("/echo", TestEndpoint.of((connection, accepted) -> new EchoListener(connection) {
            @Override
            public void onClosed(CloseStatus status) {
                if (status.code() == 1000) {
                    normalClosures.incrementAndGet();
                }
            }
        }));
    }

    @Test
    void aThousandSessionsAreOpenAtOnceEachEchoingItsOwnMessages() throws Exception {
        List<JdkPeer> peers = new ArrayList<>(SESSIONS);
        try {
            for (int opened = 0; opened < SESSIONS; opened += BATCH) {
                List<CompletableFuture<JdkPeer>> batch = new ArrayList<>(BATCH);
                for (int i = 0; i < BATCH; i++) {
                    batch.add(JdkPeer.connectAsync(client, uri(Scheme.PLAIN, "/echo")));
                }
                for (CompletableFuture<JdkPeer> peer : batch) {
                    peers.add(peer.get(20, TimeUnit.SECONDS));
                }
            }

            for (int round = 0; round < 3; round++) {
                for (int i = 0; i < SESSIONS; i++) {
                    peers.get(i).webSocket().sendText("session " + i + " round " + round, true);
                }
                for (int i = 0; i < SESSIONS; i++) {
                    assertEquals("session " + i + " round " + round, peers.get(i).nextText());
                }
            }

            for (JdkPeer peer : peers) {
                peer.webSocket().sendClose(1000, "done");
            }
            for (JdkPeer peer : peers) {
                assertEquals(new JdkPeer.Close(1000, "done"), peer.closed.get(10, TimeUnit.SECONDS));
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (normalClosures.get() < SESSIONS && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertEquals(SESSIONS, normalClosures.get(), "server sides closed with 1000");
        } finally {
            peers.forEach(JdkPeer::abort);
        }
    }
}
