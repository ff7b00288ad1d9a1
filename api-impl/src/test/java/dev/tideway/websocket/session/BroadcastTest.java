package dev.tideway.websocket.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tideway.websocket.PreparedMessage;
import dev.tideway.websocket.protocol.BufferPool;
import dev.tideway.websocket.protocol.Role;
import dev.tideway.websocket.protocol.Transport;
import dev.tideway.websocket.protocol.WebSocketConnection;
import dev.tideway.websocket.protocol.WriteCallback;
import jakarta.websocket.Session;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * {@link PreparedMessage}: one message framed once and queued to many sessions; every open one receives
 * it, no session gets its own copy of the bytes, and a closed or failing session does not keep the others
 * from it.
 */
class BroadcastTest {

    @Test
    void everyServerSessionReceivesTheMessage() throws Exception {
        OpenSessions endpoint = new OpenSessions();
        List<SessionPair> pairs = new ArrayList<>();
        List<RecordingEndpoint> clients = new ArrayList<>();
        try {
            for (int i = 0; i < 5; i++) {
                RecordingEndpoint client = receivingClient();
                clients.add(client);
                pairs.add(new SessionPair().serverSessions(endpoint)
                        .open(new RecordingEndpoint(), SessionPair.config(), client, SessionPair.config()));
                Await.get(client.opened);
            }

            Map<Session, Throwable> failures = Await.get(PreparedMessage.text("news for all").sendTo(endpoint.snapshot()));
            Map<Session, Throwable> binaryFailures =
                    Await.get(PreparedMessage.binary(ByteBuffer.wrap(new byte[] {1, 2})).sendTo(endpoint.snapshot()));

            assertEquals(Map.of(), failures);
            assertEquals(Map.of(), binaryFailures);
            for (RecordingEndpoint client : clients) {
                assertEquals("news for all", client.nextReceived());
                assertEquals(ByteBuffer.wrap(new byte[] {1, 2}), client.nextReceived());
            }
        } finally {
            for (SessionPair pair : pairs) {
                pair.close();
            }
        }
    }

    @Test
    void clientSessionsAreSentTheMessageTheOrdinaryWay() throws Exception {
        RecordingEndpoint server = new RecordingEndpoint((session, config) ->
                session.addMessageHandler(String.class, RecordingEndpoint.of(session).received::add));
        try (SessionPair pair = SessionPair.open(server, new RecordingEndpoint())) {
            Await.get(server.opened);
            assertEquals(Map.of(), Await.get(PreparedMessage.text("to the server").sendTo(List.of(pair.client))));
            assertEquals("to the server", server.nextReceived());
        }
    }

    @Test
    void theFramedBytesAreSharedNotCopiedPerSession() throws Exception {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        assertTrue(threads.isThreadAllocatedMemorySupported() && threads.isThreadAllocatedMemoryEnabled(),
                "this JVM cannot measure a thread's allocations, which this test needs");
        int sessions = 100;
        int size = 1 << 20;
        List<CapturingTransport> transports = new ArrayList<>();
        List<TidewaySession> servers = new ArrayList<>();
        TestContainer container = new TestContainer();
        for (int i = 0; i < sessions; i++) {
            CapturingTransport transport = new CapturingTransport();
            transports.add(transport);
            servers.add(serverSession(container, transport));
        }
        PreparedMessage.text("warm-up").sendTo(servers); // loads and links the code paths first
        transports.forEach(transport -> transport.written.clear());
        String text = "x".repeat(size);
        PreparedMessage message = PreparedMessage.text(text);

        long thread = Thread.currentThread().getId();
        long before = threads.getThreadAllocatedBytes(thread);
        Map<Session, Throwable> failures = message.sendTo(servers).getNow(null); // written synchronously
        long allocated = threads.getThreadAllocatedBytes(thread) - before;

        assertEquals(Map.of(), failures);
        assertTrue(allocated < size / 4, "sending to " + sessions + " sessions allocated " + allocated
                + " bytes: the " + size + "-byte payload must not be copied per session");
        ByteBuffer expectedFrame = frame(text);
        for (CapturingTransport transport : transports) {
            assertEquals(expectedFrame, transport.writtenBytes());
        }
    }

    @Test
    void aClosedSessionIsSkippedAndAFailingOneReportedWithoutHarmToTheOthers() throws Exception {
        OpenSessions endpoint = new OpenSessions();
        List<SessionPair> pairs = new ArrayList<>();
        List<RecordingEndpoint> clients = new ArrayList<>();
        List<RecordingEndpoint> servers = new ArrayList<>();
        try {
            for (int i = 0; i < 4; i++) {
                RecordingEndpoint client = receivingClient();
                RecordingEndpoint server = new RecordingEndpoint();
                clients.add(client);
                servers.add(server);
                pairs.add(new SessionPair().serverSessions(endpoint)
                        .open(server, SessionPair.config(), client, SessionPair.config()));
                Await.get(client.opened);
            }
            List<Session> targets = new ArrayList<>(endpoint.all());
            TidewaySession closed = pairs.get(0).server;
            closed.close();
            servers.get(0).awaitClose();
            TidewaySession busy = pairs.get(1).server;
            busy.getBasicRemote().sendText("a message in parts, ", false); // a prepared message cannot go now

            Map<Session, Throwable> failures = Await.get(PreparedMessage.text("broadcast").sendTo(targets));

            assertEquals(1, failures.size(), "failures: " + failures);
            assertInstanceOf(IllegalStateException.class, failures.get(busy));
            assertEquals("broadcast", clients.get(2).nextReceived());
            assertEquals("broadcast", clients.get(3).nextReceived());
            busy.getBasicRemote().sendText("ended", true);
            assertEquals("a message in parts, ended", clients.get(1).nextReceived());
            assertTrue(clients.get(0).received.isEmpty());
        } finally {
            for (SessionPair pair : pairs) {
                pair.close();
            }
        }
    }

    // ---------------------------------------------------------------- helpers

    private static RecordingEndpoint receivingClient() {
        return new RecordingEndpoint((session, config) -> {
            session.addMessageHandler(String.class, RecordingEndpoint.of(session).received::add);
            session.addMessageHandler(ByteBuffer.class, RecordingEndpoint.of(session).received::add);
        });
    }

    /** An unmasked text frame with a 64-bit length, as a server sends a message of 64 KiB or more. */
    private static ByteBuffer frame(String text) {
        byte[] payload = text.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(10 + payload.length)
                .put((byte) 0x81).put((byte) 127).putLong(payload.length).put(payload).flip();
    }

    /** An open server session on {@code transport}, running its callbacks on the calling thread. */
    private static TidewaySession serverSession(TestContainer container, Transport transport) {
        SessionResources resources = new SessionResources(Runnable::run, (task, delay, unit) -> () -> { },
                BufferPool.newDefault());
        TidewaySession session = TidewaySession.builder()
                .container(container)
                .endpoint(new RecordingEndpoint())
                .config(SessionPair.config())
                .request(new SessionRequest(URI.create("ws://localhost/broadcast"), Map.of(), null, Map.of(), null,
                        false))
                .openSessions(new OpenSessions())
                .resources(resources)
                .build(listener -> WebSocketConnection.builder(Role.SERVER, transport, listener)
                        .scheduler(resources.scheduler())
                        .bufferPool(resources.bufferPool())
                        .build());
        session.open();
        return session;
    }

    /** Keeps what is written (the engine's buffers, not copies) and completes every write at once. */
    private static final class CapturingTransport implements Transport {
        final List<ByteBuffer> written = new CopyOnWriteArrayList<>();

        @Override
        public void write(ByteBuffer[] buffers, WriteCallback callback) {
            for (ByteBuffer buffer : buffers) {
                written.add(buffer.duplicate());
            }
            callback.completed();
        }

        ByteBuffer writtenBytes() {
            ByteBuffer all = ByteBuffer.allocate(written.stream().mapToInt(ByteBuffer::remaining).sum());
            written.forEach(buffer -> all.put(buffer.duplicate()));
            return all.flip();
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
    }
}
