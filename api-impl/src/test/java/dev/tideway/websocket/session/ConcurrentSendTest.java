package dev.tideway.websocket.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.websocket.RemoteEndpoint;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Sends from many threads: whole messages never interleave, whatever their size, and every one arrives;
 * a whole message while a message is being sent in parts is an {@code IllegalStateException}.
 */
class ConcurrentSendTest {

    @Test
    void wholeMessagesFromEightThreadsNeverInterleaveAndAllArrive() throws Exception {
        int threads = 8;
        int perThread = 150;
        int total = threads * perThread;
        RecordingEndpoint client = new RecordingEndpoint((session, config) -> {
            session.setMaxTextMessageBufferSize(1 << 20);
            session.addMessageHandler(String.class, RecordingEndpoint.of(session).received::add);
        });
        RecordingEndpoint server = new RecordingEndpoint();
        ExecutorService senders = Executors.newFixedThreadPool(threads);
        try (SessionPair pair = SessionPair.open(server, client)) {
            Await.get(server.opened);
            Await.get(client.opened);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                done.add(senders.submit(() -> {
                    Await.await(start);
                    List<Future<Void>> asyncSends = new ArrayList<>();
                    for (int i = 0; i < perThread; i++) {
                        String message = message(thread, i);
                        if (i % 2 == 0) {
                            pair.server.getBasicRemote().sendText(message);
                        } else {
                            asyncSends.add(pair.server.getAsyncRemote().sendText(message));
                        }
                    }
                    asyncSends.forEach(Await::get);
                    return null;
                }));
            }
            start.countDown();
            done.forEach(Await::get);

            Map<Integer, Integer> nextPerThread = new HashMap<>();
            for (int n = 0; n < total; n++) {
                String received = (String) client.nextReceived();
                int thread = Integer.parseInt(received.substring(1, received.indexOf('-')));
                int index = nextPerThread.merge(thread, 1, Integer::sum) - 1;
                assertEquals(message(thread, index), received, "message " + index + " of thread " + thread);
            }
            assertTrue(client.errors.isEmpty(), () -> "client errors: " + client.errors);
            assertTrue(pair.client.isOpen());
        } finally {
            senders.shutdownNow();
            senders.awaitTermination(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void aWholeMessageWhileAnotherThreadSendsAMessageInPartsIsAnIllegalStateException() throws Exception {
        try (BasicRemoteTest.Receiver receiver = BasicRemoteTest.Receiver.whole()) {
            ExecutorService other = Executors.newSingleThreadExecutor();
            try {
                RemoteEndpoint.Basic basic = receiver.pair.server.getBasicRemote();
                Await.get(other.submit(() -> {
                    basic.sendText("first part, ", false);
                    return null;
                }));

                IllegalStateException text = assertThrows(IllegalStateException.class, () -> basic.sendText("whole"));
                assertEquals("A text message is being sent in parts: finish it before starting another message",
                        text.getMessage());
                assertThrows(IllegalStateException.class, () -> basic.sendBinary(ByteBuffer.allocate(1)));
                assertThrows(IllegalStateException.class, () -> basic.sendObject("object"));
                Throwable async = Await.failure(receiver.pair.server.getAsyncRemote().sendText("async whole"));
                assertInstanceOf(IllegalStateException.class, async);
                CompletableFuture<Throwable> handled = new CompletableFuture<>();
                receiver.pair.server.getAsyncRemote().sendText("async whole",
                        result -> handled.complete(result.getException()));
                assertInstanceOf(IllegalStateException.class, Await.get(handled));

                Await.get(other.submit(() -> {
                    basic.sendText("last part", true);
                    return null;
                }));
                basic.sendText("next whole");

                assertEquals("first part, last part", receiver.next());
                assertEquals("next whole", receiver.next());
            } finally {
                other.shutdownNow();
            }
        }
    }

    private static String message(int thread, int index) {
        // every 10th message is larger than a frame (64 KiB), so it goes out as several frames
        int size = index % 10 == 0 ? 70_000 : 10 + index;
        String head = "t" + thread + "-" + index + ":";
        return head + String.valueOf((char) ('a' + thread)).repeat(size);
    }
}
