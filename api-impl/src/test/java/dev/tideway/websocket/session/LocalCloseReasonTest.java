package dev.tideway.websocket.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tideway.websocket.protocol.BufferPool;
import dev.tideway.websocket.protocol.Role;
import dev.tideway.websocket.protocol.Scheduler;
import dev.tideway.websocket.protocol.Transport;
import dev.tideway.websocket.protocol.WebSocketConnection;
import dev.tideway.websocket.protocol.WriteCallback;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpointConfig;
import java.net.URI;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A session that starts the closing handshake reports its own reason to {@code onClose}, also when the
 * peer's reply is read before the transport confirmed that our close frame was written (a real socket
 * does that: the container may report the write late).
 */
@Timeout(10)
class LocalCloseReasonTest {
    /** The peer's reply, masked with a zero key: 1001 and no reason. */
    private static final byte[] PEER_CLOSE_1001 = {(byte) 0x88, (byte) 0x82, 0, 0, 0, 0, 0x03, (byte) 0xE9};

    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor();
    private final BlockingQueue<WriteCallback> heldWrites = new LinkedBlockingQueue<>();
    private final BlockingQueue<CloseReason> closes = new LinkedBlockingQueue<>();
    private final CountDownLatch opened = new CountDownLatch(1);

    @AfterEach
    void stopThreads() {
        executor.shutdownNow();
        timers.shutdownNow();
    }

    @Test
    void onCloseGetsTheLocalReasonWhenThePeersReplyOvertakesOurWriteCallback() throws Exception {
        TidewaySession session = session();
        session.open();
        assertTrue(opened.await(5, TimeUnit.SECONDS));

        session.startClose(new CloseReason(CloseReason.CloseCodes.GOING_AWAY, "Idle for too long"));
        WriteCallback closeFrameWritten = heldWrites.poll(5, TimeUnit.SECONDS);
        assertNotNull(closeFrameWritten, "the close frame was written");
        session.connection().onRead(ByteBuffer.wrap(PEER_CLOSE_1001));
        closeFrameWritten.completed();

        CloseReason reported = closes.poll(5, TimeUnit.SECONDS);
        assertNotNull(reported, "onClose ran");
        assertEquals(CloseReason.CloseCodes.GOING_AWAY, reported.getCloseCode());
        assertEquals("Idle for too long", reported.getReasonPhrase());
    }

    @Test
    void theConnectionHasEndedOnlyOnceThePeerAnswered() throws Exception {
        TidewaySession session = session();
        session.open();
        assertTrue(opened.await(5, TimeUnit.SECONDS));

        session.startClose(new CloseReason(CloseReason.CloseCodes.GOING_AWAY, "Stopping"));
        heldWrites.poll(5, TimeUnit.SECONDS).completed();
        assertNotNull(closes.poll(5, TimeUnit.SECONDS), "onClose ran once our close frame was out");
        assertFalse(session.isConnectionEnded(), "the peer has not answered yet");

        session.connection().onRead(ByteBuffer.wrap(PEER_CLOSE_1001));

        assertTrue(session.isConnectionEnded());
    }

    private TidewaySession session() {
        Transport transport = new Transport() {
            @Override
            public void write(ByteBuffer[] buffers, WriteCallback callback) {
                heldWrites.add(callback); // completed by the test, late
            }

            @Override
            public void pauseReading() {
            }

            @Override
            public void resumeReading() {
            }

            @Override
            public void close() {
            }
        };
        Endpoint endpoint = new Endpoint() {
            @Override
            public void onOpen(Session session, EndpointConfig config) {
                opened.countDown();
            }

            @Override
            public void onClose(Session session, CloseReason closeReason) {
                closes.add(closeReason);
            }
        };
        SessionResources resources = new SessionResources(executor, Scheduler.of(timers), BufferPool.newDefault());
        return TidewaySession.builder()
                .container(new TestContainer())
                .endpoint(endpoint)
                .config(ServerEndpointConfig.Builder.create(Endpoint.class, "/").build())
                .request(new SessionRequest(URI.create("ws://localhost/"), Map.of(), null, Map.of(), null, false))
                .openSessions(new OpenSessions())
                .resources(resources)
                .build(listener -> WebSocketConnection.builder(Role.SERVER, transport, listener)
                        .scheduler(resources.scheduler())
                        .bufferPool(resources.bufferPool())
                        .build());
    }
}
