package dev.tideway.websocket.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tideway.websocket.session.TestCodecs.Bytes;
import dev.tideway.websocket.session.TestCodecs.Pixel;
import dev.tideway.websocket.session.TestCodecs.Point;
import dev.tideway.websocket.session.TestCodecs.Temperature;
import dev.tideway.websocket.session.TestCodecs.Unencodable;
import dev.tideway.websocket.session.TestCodecs.Word;
import jakarta.websocket.ClientEndpointConfig;
import jakarta.websocket.DecodeException;
import jakarta.websocket.EncodeException;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.SendResult;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * Decoders and encoders at work in a session: one instance of each per session, initialised on open and
 * destroyed once on close however it closes; {@code willDecode} picks the decoder; decode failures go to
 * {@code onError}; encode failures to the sender; and objects without an encoder follow the built-in rules.
 */
class SessionCodecsTest {

    @Test
    void coderInstancesAreInitialisedOnOpenAndDestroyedOnceOnANormalClose() throws Exception {
        EndpointConfig config = codecConfig();
        Queue<String> lifecycle = TestCodecs.recordLifecycle(config);
        RecordingEndpoint server = new RecordingEndpoint();
        RecordingEndpoint client = new RecordingEndpoint();
        try (SessionPair pair = new SessionPair().open(server, config, client, SessionPair.config())) {
            Await.get(server.opened);
            assertEquals(events("init"), List.copyOf(lifecycle));

            pair.client.close();
            server.awaitClose();
            Await.until("the server session finished closing", () -> pair.serverSessions.size() == 0);
            Thread.sleep(50); // a second destroy, if any, would come now
            List<String> expected = new ArrayList<>(events("init"));
            expected.addAll(events("destroy"));
            assertEquals(expected, List.copyOf(lifecycle));
        }
    }

    @Test
    void coderInstancesAreDestroyedOnceOnAnAbnormalClose() throws Exception {
        EndpointConfig config = codecConfig();
        Queue<String> lifecycle = TestCodecs.recordLifecycle(config);
        RecordingEndpoint server = new RecordingEndpoint();
        try (SessionPair pair = new SessionPair().open(server, config, new RecordingEndpoint(), SessionPair.config())) {
            Await.get(server.opened);
            pair.serverTransport().reset();

            assertEquals(1006, server.awaitClose().getCloseCode().getCode());
            Await.until("the server session finished closing", () -> pair.serverSessions.size() == 0);
            Thread.sleep(50);
            List<String> expected = new ArrayList<>(events("init"));
            expected.addAll(events("destroy"));
            assertEquals(expected, List.copyOf(lifecycle));
        }
    }

    @Test
    void aCoderFailingInItsInitClosesTheSessionWith1011AndDestroysTheOthers() throws Exception {
        EndpointConfig config = ClientEndpointConfig.Builder.create()
                .decoders(List.of(TestCodecs.PointTextDecoder.class, TestCodecs.FailingInitDecoder.class))
                .build();
        Queue<String> lifecycle = TestCodecs.recordLifecycle(config);
        RecordingEndpoint server = new RecordingEndpoint();
        RecordingEndpoint client = new RecordingEndpoint();
        try (SessionPair pair = new SessionPair().open(server, config, client, SessionPair.config())) {
            Throwable error = server.nextError();
            assertInstanceOf(IllegalStateException.class, error);
            assertEquals("decoder init failed", error.getMessage());
            SessionDeliveryTest.assertReason(1011, "A decoder or encoder could not be created", server.awaitClose());
            SessionDeliveryTest.assertReason(1011, "A decoder or encoder could not be created", client.awaitClose());
            assertTrue(!server.opened.isDone(), "onOpen is not called without the coders");
            assertEquals(List.of("init PointTextDecoder", "destroy PointTextDecoder"), List.copyOf(lifecycle));
        }
    }

    @Test
    void willDecodeChoosesAmongSeveralDecodersOfOneType() throws Exception {
        RecordingEndpoint server = new RecordingEndpoint((session, config) ->
                session.addMessageHandler(Temperature.class, RecordingEndpoint.of(session).received::add));
        try (SessionPair pair = new SessionPair().open(server, codecConfig(), new RecordingEndpoint(),
                SessionPair.config())) {
            Await.get(server.opened);
            pair.client.getBasicRemote().sendText("20C");
            pair.client.getBasicRemote().sendText("68F");
            pair.client.getBasicRemote().sendText("300K");
            pair.client.getBasicRemote().sendText("-5C");

            assertEquals(new Temperature(20, "celsius"), server.nextReceived());
            assertEquals(new Temperature(68, "fahrenheit"), server.nextReceived());
            DecodeException none = assertInstanceOf(DecodeException.class, server.nextError());
            assertEquals("300K", none.getText());
            assertEquals("No decoder accepted the text message", none.getMessage());
            assertEquals(new Temperature(-5, "celsius"), server.nextReceived());
        }
    }

    @Test
    void aDecodeExceptionReachesOnErrorAndTheSessionStaysUsable() throws Exception {
        RecordingEndpoint server = new RecordingEndpoint((session, config) ->
                session.addMessageHandler(Point.class, RecordingEndpoint.of(session).received::add));
        try (SessionPair pair = new SessionPair().open(server, codecConfig(), new RecordingEndpoint(),
                SessionPair.config())) {
            Await.get(server.opened);
            pair.client.getBasicRemote().sendText("a,b");
            pair.client.getBasicRemote().sendText("1,2");

            DecodeException error = assertInstanceOf(DecodeException.class, server.nextError());
            assertEquals("a,b", error.getText());
            assertEquals("not a point: a,b", error.getMessage());
            assertEquals(new Point(1, 2), server.nextReceived());
            assertTrue(pair.server.isOpen());
        }
    }

    @Test
    void sendObjectUsesTextTextStreamBinaryAndBinaryStreamEncoders() throws Exception {
        try (Exchange exchange = new Exchange()) {
            exchange.serverBasic(new Point(3, 4));
            exchange.serverBasic(new Word("w"));
            exchange.serverBasic(new Pixel(0x102030));
            Await.get(exchange.pair.server.getAsyncRemote().sendObject(new Bytes(5)));

            assertEquals("3,4", exchange.next());
            assertEquals("[w]", exchange.next());
            assertEquals(ByteBuffer.wrap(new byte[] {0x10, 0x20, 0x30}), exchange.next());
            assertEquals(ByteBuffer.wrap(new byte[] {0, 1, 2, 3, 4}), exchange.next());
        }
    }

    @Test
    void primitivesStringsAndBuffersWithoutEncodersGoAsTextOrBinary() throws Exception {
        try (Exchange exchange = new Exchange()) {
            exchange.serverBasic(42);
            exchange.serverBasic("plain");
            exchange.serverBasic(true);
            exchange.serverBasic('c');
            exchange.serverBasic(2.5d);
            exchange.serverBasic(ByteBuffer.wrap(new byte[] {9}));
            exchange.serverBasic(new byte[] {8, 7});

            assertEquals("42", exchange.next());
            assertEquals("plain", exchange.next());
            assertEquals("true", exchange.next());
            assertEquals("c", exchange.next());
            assertEquals("2.5", exchange.next());
            assertEquals(ByteBuffer.wrap(new byte[] {9}), exchange.next());
            assertEquals(ByteBuffer.wrap(new byte[] {8, 7}), exchange.next());
        }
    }

    @Test
    void anEncodeExceptionIsThrownByBasicAndFailsAsyncSends() throws Exception {
        try (Exchange exchange = new Exchange()) {
            Unencodable value = new Unencodable();
            EncodeException basic = assertThrows(EncodeException.class,
                    () -> exchange.pair.server.getBasicRemote().sendObject(value));
            assertSame(value, basic.getObject());
            assertEquals("cannot encode " + value, basic.getMessage());

            Throwable future = Await.failure(exchange.pair.server.getAsyncRemote().sendObject(value));
            assertInstanceOf(EncodeException.class, future);

            CompletableFuture<SendResult> handled = new CompletableFuture<>();
            exchange.pair.server.getAsyncRemote().sendObject(value, handled::complete);
            SendResult result = Await.get(handled);
            assertInstanceOf(EncodeException.class, result.getException());

            EncodeException noEncoder = assertThrows(EncodeException.class,
                    () -> exchange.pair.server.getBasicRemote().sendObject(new Object()));
            assertTrue(noEncoder.getMessage().startsWith("No encoder for java.lang.Object"), noEncoder.getMessage());

            exchange.serverBasic("still usable");
            assertEquals("still usable", exchange.next());
        }
    }

    @Test
    void anEncodeFailureOfAnAsyncSendWithATimeoutLeavesTheSessionAlone() throws Exception {
        try (Exchange exchange = new Exchange()) {
            exchange.pair.server.getAsyncRemote().setSendTimeout(100);
            Unencodable value = new Unencodable();
            assertInstanceOf(EncodeException.class, Await.failure(exchange.pair.server.getAsyncRemote().sendObject(value)));
            List<SendResult> results = new java.util.concurrent.CopyOnWriteArrayList<>();
            exchange.pair.server.getAsyncRemote().sendObject(value, results::add);

            Thread.sleep(300); // three times the send timeout: a timer left running would fire now
            assertTrue(exchange.pair.server.isOpen(), "the failed send's timer closed the session");
            assertEquals(1, results.size(), "the SendHandler is told once: " + results);
            assertInstanceOf(EncodeException.class, results.get(0).getException());
        }
    }

    // ---------------------------------------------------------------- helpers

    private static EndpointConfig codecConfig() {
        return ClientEndpointConfig.Builder.create()
                .decoders(TestCodecs.ALL_DECODERS)
                .encoders(TestCodecs.ALL_ENCODERS)
                .build();
    }

    /** "init Name" (or "destroy Name") for every coder of {@link #codecConfig()}, in declaration order. */
    private static List<String> events(String event) {
        List<String> events = new ArrayList<>();
        TestCodecs.ALL_DECODERS.forEach(type -> events.add(event + " " + type.getSimpleName()));
        TestCodecs.ALL_ENCODERS.forEach(type -> events.add(event + " " + type.getSimpleName()));
        return events;
    }

    /** A pair whose server has every test encoder and whose client records every text and binary message. */
    private static final class Exchange implements AutoCloseable {
        final RecordingEndpoint client = new RecordingEndpoint((session, config) -> {
            session.addMessageHandler(String.class, RecordingEndpoint.of(session).received::add);
            session.addMessageHandler(ByteBuffer.class, RecordingEndpoint.of(session).received::add);
        });
        final RecordingEndpoint server = new RecordingEndpoint();
        final SessionPair pair;

        Exchange() throws Exception {
            pair = new SessionPair().open(server, codecConfig(), client, SessionPair.config());
            Await.get(server.opened);
            Await.get(client.opened);
        }

        void serverBasic(Object value) throws Exception {
            pair.server.getBasicRemote().sendObject(value);
        }

        Object next() {
            return client.nextReceived();
        }

        @Override
        public void close() throws InterruptedException {
            pair.close();
        }
    }
}
