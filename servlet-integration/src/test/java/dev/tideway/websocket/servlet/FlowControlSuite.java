package dev.tideway.websocket.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tideway.websocket.protocol.ProtocolSettings;
import dev.tideway.websocket.protocol.Scheduler;
import dev.tideway.websocket.protocol.SendQueueFullException;
import dev.tideway.websocket.protocol.WriteCallback;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Backpressure both ways: a peer that reads slowly, and a server that pauses reading. */
@Timeout(60)
abstract class FlowControlSuite extends ContainerTestBase {
    private static final long MAX_QUEUED = 1024 * 1024;
    private final BlockingQueue<FloodProbe> floods = new LinkedBlockingQueue<>();
    private final BlockingQueue<PausingEchoListener> pausing = new LinkedBlockingQueue<>();

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
}
