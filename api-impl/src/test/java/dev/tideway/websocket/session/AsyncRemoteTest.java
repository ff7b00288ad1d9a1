package dev.tideway.websocket.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.websocket.RemoteEndpoint;
import jakarta.websocket.SendResult;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * {@code RemoteEndpoint.Async}: the {@code Future} and {@code SendHandler} forms, the thread a
 * {@code SendHandler} runs on, the send timeout against a peer that does not read, and batching.
 */
class AsyncRemoteTest {

    @Test
    void futureSendsCompleteOnceWrittenAndArrive() throws Exception {
        try (BasicRemoteTest.Receiver receiver = BasicRemoteTest.Receiver.whole()) {
            RemoteEndpoint.Async remote = receiver.pair.server.getAsyncRemote();
            Future<Void> text = remote.sendText("async text");
            Future<Void> binary = remote.sendBinary(ByteBuffer.wrap(new byte[] {7, 8}));

            assertNull(Await.get(text));
            assertNull(Await.get(binary));
            assertEquals("async text", receiver.next());
            assertEquals(ByteBuffer.wrap(new byte[] {7, 8}), receiver.next());
        }
    }

    @Test
    void sendHandlersAreToldOnceAndNotOnTheIoThread() throws Exception {
        try (BasicRemoteTest.Receiver receiver = BasicRemoteTest.Receiver.whole()) {
            RemoteEndpoint.Async remote = receiver.pair.server.getAsyncRemote();
            CompletableFuture<SendResult> text = new CompletableFuture<>();
            CompletableFuture<String> textThread = new CompletableFuture<>();
            remote.sendText("handled", result -> {
                textThread.complete(Thread.currentThread().getName());
                text.complete(result);
            });
            CompletableFuture<SendResult> binary = new CompletableFuture<>();
            remote.sendBinary(ByteBuffer.wrap(new byte[] {1}), binary::complete);

            assertTrue(Await.get(text).isOK());
            assertSame(receiver.pair.server, Await.get(text).getSession());
            assertTrue(Await.get(binary).isOK());
            assertEquals("session-callbacks", Await.get(textThread), "SendHandlers run on the container's executor");
            assertEquals("handled", receiver.next());
        }
    }

    @Test
    void aSendToAPeerThatNeverReadsFailsWithATimeoutAndClosesTheSession() throws Exception {
        try (BasicRemoteTest.Receiver receiver = BasicRemoteTest.Receiver.whole()) {
            // once the client's open() has let reading start, the client stops reading: its window fills up
            Await.until("the client reads", () -> !receiver.pair.clientTransport().isPaused());
            receiver.pair.client.connection().pauseReading();
            RemoteEndpoint.Async remote = receiver.pair.server.getAsyncRemote();
            remote.setSendTimeout(200);
            assertEquals(200, remote.getSendTimeout());
            ByteBuffer large = ByteBuffer.allocate(4 * LoopbackTransport.WINDOW);
            CompletableFuture<SendResult> handled = new CompletableFuture<>();
            long start = System.nanoTime();
            Future<Void> future = remote.sendBinary(large);
            remote.sendBinary(large, handled::complete);

            Throwable failure = Await.failure(future);
            assertInstanceOf(SocketTimeoutException.class, failure);
            assertEquals("The message was not sent within 200 ms", failure.getMessage());
            assertTrue(System.nanoTime() - start >= 150_000_000L, "failed before the timeout");
            assertFalse(Await.get(handled).isOK());
            SessionDeliveryTest.assertReason(1006, "Send timed out", receiver.server.awaitClose());
        }
    }

    @Test
    void withBatchingNothingLeavesUntilFlushBatch() throws Exception {
        try (BasicRemoteTest.Receiver receiver = BasicRemoteTest.Receiver.whole()) {
            RemoteEndpoint.Async remote = receiver.pair.server.getAsyncRemote();
            remote.setBatchingAllowed(true);
            assertTrue(remote.getBatchingAllowed());
            List<Future<Void>> sends = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                sends.add(remote.sendText("batched " + i));
            }

            Thread.sleep(100);
            assertTrue(receiver.client.received.isEmpty(), "a batched message left early");
            assertTrue(receiver.pair.server.connection().queuedBytes() > 0);
            assertEquals(0, receiver.pair.clientTransport().unreadBytes(), "nothing was written");
            assertTrue(sends.stream().noneMatch(Future::isDone));

            remote.flushBatch();
            sends.forEach(Await::get);
            for (int i = 0; i < 10; i++) {
                assertEquals("batched " + i, receiver.next());
            }
            assertEquals(0, receiver.pair.server.connection().queuedBytes());

            remote.sendText("held again");
            Thread.sleep(50);
            assertTrue(receiver.client.received.isEmpty(), "batching stays on after a flush");
            remote.setBatchingAllowed(false); // turning it off sends what was held
            assertFalse(remote.getBatchingAllowed());
            assertEquals("held again", receiver.next());
            Await.get(remote.sendText("unbatched"));
            assertEquals("unbatched", receiver.next());
        }
    }
}
