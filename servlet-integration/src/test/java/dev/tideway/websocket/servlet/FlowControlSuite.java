package dev.tideway.websocket.servlet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.tideway.websocket.protocol.ProtocolSettings;
import dev.tideway.websocket.protocol.Scheduler;
import dev.tideway.websocket.protocol.SendQueueFullException;
import dev.tideway.websocket.protocol.WriteCallback;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Backpressure both ways: a peer that reads slowly, and a server that pauses reading, now and then or all
 * the time, from other threads, with the container's read strategy and with {@code REDISPATCH} forced.
 */
@Timeout(60)
abstract class FlowControlSuite extends ContainerTestBase {
    private static final long MAX_QUEUED = 1024 * 1024;
    private static final int CHURNED_MESSAGES = 3000;
    private final BlockingQueue<FloodProbe> floods = new LinkedBlockingQueue<>();
    private final BlockingQueue<PausingEchoListener> pausing = new LinkedBlockingQueue<>();
    private final BlockingQueue<ChurningEchoListener> churning = new LinkedBlockingQueue<>();
    private final BlockingQueue<HoldingListener> holding = new LinkedBlockingQueue<>();

    @BeforeAll
    void deploy() {
        upgrades.deploy("/flood", TestEndpoint.of((connection, accepted) -> {
            FloodProbe probe = new FloodProbe();
            floods.add(probe);
            return new EchoListener(connection) {
                @Override
                public void onText(ByteBuffer utf8, boolean last) {
                    executor.execute(() -> probe.flood(connection)); // off the reading thread, which holds writes
                }
            };
        }).withSettings(ProtocolSettings.builder().maxQueuedBytes(MAX_QUEUED).build()));
        upgrades.deploy("/pausing", TestEndpoint.of((connection, accepted) -> {
            PausingEchoListener listener = new PausingEchoListener(connection, timers, 50);
            pausing.add(listener);
            return listener;
        }));
        TestEndpoint churn = TestEndpoint.of((connection, accepted) -> {
            ChurningEchoListener listener = new ChurningEchoListener(connection, executor, timers);
            churning.add(listener);
            return listener;
        });
        upgrades.deploy("/churn", churn);
        upgrades.deploy("/churn-redispatch", churn.withReadStrategy(ReadDispatch.Strategy.REDISPATCH));
        upgrades.deploy("/hold", TestEndpoint.of((connection, accepted) -> {
            HoldingListener listener = new HoldingListener(connection);
            holding.add(listener);
            return listener;
        }));
    }

    static Stream<Arguments> churnCases() {
        return Stream.of(Scheme.values()).flatMap(scheme ->
                Stream.of(Arguments.of(scheme, "/churn"), Arguments.of(scheme, "/churn-redispatch")));
    }

    @Test
    void aSlowPeerHoldsWriteCallbacksBackUntilTheBoundedQueueRefusesSends() throws Exception {
        floods.clear();
        MessageCollector received = new MessageCollector();
        // a small receive window, and no reading at first: the server's writes soon stop being accepted
        try (EngineClient client = EngineClient.connect(container.port(Scheme.PLAIN), "/flood", List.of(),
                received, Scheduler.of(timers), 16 * 1024)) {
            client.connection.sendText(ByteBuffer.wrap("go".getBytes(StandardCharsets.UTF_8)), true,
                    WriteCallback.NOOP);
            FloodProbe probe = floods.poll(10, TimeUnit.SECONDS);

            FloodProbe.Stall stall = probe.stalled.get(30, TimeUnit.SECONDS);

            assertInstanceOf(SendQueueFullException.class, stall.refusal());
            assertTrue(stall.queuedBytes() <= MAX_QUEUED, "queued " + stall.queuedBytes());
            long heldBack = (stall.accepted() - stall.completed()) * (long) FloodProbe.MESSAGE_SIZE;
            assertTrue(heldBack >= MAX_QUEUED - FloodProbe.MESSAGE_SIZE, "only " + heldBack
                    + " bytes of " + stall.accepted() + " messages were waiting for the peer");
            assertTrue(stall.accepted() < FloodProbe.MAX_MESSAGES / 4,
                    stall.accepted() + " messages of 64 KiB went out to a peer that reads nothing");

            client.startReading();
            for (int i = 0; i < stall.accepted(); i++) {
                byte[] message = (byte[]) received.next();
                assertEquals(FloodProbe.MESSAGE_SIZE, message.length);
                assertEquals(i, ByteBuffer.wrap(message).getInt(), "message order");
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (probe.completed.get() < stall.accepted() && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertEquals(stall.accepted(), probe.completed.get(), "write callbacks once the peer read everything");
            assertEquals(0, probe.lateFailures.get());
        }
    }

    @ParameterizedTest
    @EnumSource(Scheme.class)
    void pausedReadingDeliversNothingAndResumesFromAnotherThreadInOrder(Scheme scheme) throws Exception {
        pausing.clear();
        JdkPeer peer = connect(scheme, "/pausing");
        PausingEchoListener server = pausing.poll(10, TimeUnit.SECONDS);
        int count = 2000;

        for (int i = 0; i < count; i++) {
            peer.webSocket().sendText("m" + i, true).get(10, TimeUnit.SECONDS);
        }

        for (int i = 0; i < count; i++) {
            assertEquals("m" + i, peer.nextText());
        }
        assertEquals(0, server.violations.get(), "deliveries while paused or inside resumeReading()");
        assertEquals(count / 50, server.pauses.get());
        peer.abort();
    }

    @ParameterizedTest
    @MethodSource("churnCases")
    void pausingAndResumingAllTheTimeFromOtherThreadsLosesAndReordersNothing(Scheme scheme, String path)
            throws Exception {
        churning.clear();
        JdkPeer peer = connect(scheme, path);
        ChurningEchoListener server = churning.poll(10, TimeUnit.SECONDS);
        long start = System.nanoTime();

        for (int i = 0; i < CHURNED_MESSAGES; i++) {
            peer.webSocket().sendBinary(ByteBuffer.wrap(churnedMessage(i)), true).get(10, TimeUnit.SECONDS);
        }

        for (int i = 0; i < CHURNED_MESSAGES; i++) {
            byte[] echoed = peer.nextBinary();
            if (!Arrays.equals(churnedMessage(i), echoed)) {
                fail("message " + i + " came back as " + echoed.length + " other bytes");
            }
        }
        server.stop();
        System.out.printf("%s %s %s: %d messages echoed through %d pauses in %d ms (%s)%n", container.name(),
                scheme, path, CHURNED_MESSAGES, server.pauses.get(),
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start), upgrades.containerDispatch());
        assertTrue(server.pauses.get() > CHURNED_MESSAGES / 8, "only " + server.pauses.get() + " pauses");
        peer.abort();
    }

    @Test
    void aPausedConnectionWhosePeerKeepsSendingCostsNoCallbacksAndStillWrites() throws Exception {
        holding.clear();
        int count = 200;
        MessageCollector received = new MessageCollector();
        // a small receive window, and no reading until the server's big send below has stalled
        try (EngineClient client = EngineClient.connect(container.port(Scheme.PLAIN), "/hold", List.of(),
                received, Scheduler.of(timers), 16 * 1024)) {
            HoldingListener server = holding.poll(10, TimeUnit.SECONDS);
            UpgradeTransport transport = upgrades.transports("/hold").poll(10, TimeUnit.SECONDS);
            Future<?> flood = executor.submit(() -> {
                for (int i = 0; i < count; i++) {
                    client.connection.sendBinary(ByteBuffer.wrap(heldMessage(i)), true, WriteCallback.NOOP);
                }
            });
            server.paused.get(10, TimeUnit.SECONDS);
            Thread.sleep(200); // the flood fills the socket buffers and whatever the container reads ahead

            long before = transport.dataAvailableCalls();
            Thread.sleep(500);
            long whilePaused = transport.dataAvailableCalls() - before;
            System.out.printf("%s: %d onDataAvailable calls in 500 ms while paused with data pending (%s)%n",
                    container.name(), whilePaused, upgrades.containerDispatch());
            assertTrue(whilePaused <= 2, whilePaused + " calls in 500 ms while paused");

            // a send that cannot be accepted at once needs onWritePossible, also while reading is paused
            // (and a container thread held by the paused reader must give way to it)
            byte[] big = new byte[8 * 1024 * 1024];
            new Random(7).nextBytes(big);
            CompletableFuture<Void> sent = new CompletableFuture<>();
            long beforeSend = transport.dataAvailableCalls();
            server.connection.sendBinary(ByteBuffer.wrap(big), true, new WriteCallback() {
                @Override
                public void completed() {
                    sent.complete(null);
                }

                @Override
                public void failed(Throwable cause) {
                    sent.completeExceptionally(cause);
                }
            });
            Thread.sleep(300);
            long whileWriteParked = transport.dataAvailableCalls() - beforeSend;
            System.out.printf("%s: %d onDataAvailable calls in 300 ms while paused with a write parked%n",
                    container.name(), whileWriteParked);
            assertFalse(sent.isDone(), "the peer reads nothing yet: the send must wait for onWritePossible");
            assertTrue(whileWriteParked <= 60, whileWriteParked + " calls in 300 ms while a write was parked");
            client.startReading();
            sent.get(10, TimeUnit.SECONDS);
            assertArrayEquals(big, (byte[]) received.next());

            server.resume();
            flood.get(20, TimeUnit.SECONDS);
            for (int i = 0; i < count; i++) {
                byte[] message = server.received.poll(10, TimeUnit.SECONDS);
                assertArrayEquals(heldMessage(i), message, "message " + i);
            }
        }
    }

    /** Mostly small messages, every 100th of 64 KiB; the content tells the index. */
    private static byte[] churnedMessage(int index) {
        return pattern(index, index % 100 == 0 ? 64 * 1024 : 1 + index * 7919 % 3000);
    }

    private static byte[] heldMessage(int index) {
        return pattern(index, 16 * 1024);
    }

    private static byte[] pattern(int index, int size) {
        byte[] bytes = new byte[size];
        for (int i = 0; i < size; i++) {
            bytes[i] = (byte) (index * 31 + i * 13);
        }
        return bytes;
    }
}
