package dev.tideway.websocket.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tideway.websocket.session.TestCodecs.Point;
import dev.tideway.websocket.session.TestCodecs.PointBinaryDecoder;
import dev.tideway.websocket.session.TestCodecs.PointTextEncoder;
import jakarta.websocket.ClientEndpoint;
import jakarta.websocket.ClientEndpointConfig;
import jakarta.websocket.CloseReason;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.PongMessage;
import jakarta.websocket.Session;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import org.junit.jupiter.api.Test;

/**
 * Annotated endpoints in a session, through {@code AnnotatedEndpoint}: every callback with its parameters,
 * return values sent back (also through an encoder), and checked exceptions reaching {@code @OnError} as
 * they were thrown.
 */
class AnnotatedEndpointSessionTest {

    /** A checked exception of the application's own. */
    static final class ApplicationException extends Exception {
        ApplicationException(String message) {
            super(message);
        }
    }

    @ClientEndpoint(decoders = PointBinaryDecoder.class, encoders = PointTextEncoder.class)
    public static class Annotated {
        final CompletableFuture<List<Object>> opened = new CompletableFuture<>();
        final BlockingQueue<Object> received = new LinkedBlockingQueue<>();
        final BlockingQueue<List<Object>> errors = new LinkedBlockingQueue<>();
        final CompletableFuture<List<Object>> closed = new CompletableFuture<>();

        @OnOpen
        public void open(Session session, EndpointConfig config) {
            opened.complete(List.of(session, config));
        }

        @OnMessage
        public String echo(String message, Session session) throws ApplicationException {
            if (message.equals("fail")) {
                throw new ApplicationException("checked failure");
            }
            received.add(message);
            return message.equals("quiet") ? null : "echo " + message;
        }

        @OnMessage
        public Point mirror(Point point) {
            return new Point(point.y(), point.x()); // goes back through PointTextEncoder
        }

        @OnMessage
        public void pong(PongMessage pong) {
            received.add(pong.getApplicationData());
        }

        @OnError
        public void error(Session session, Throwable thrown) {
            errors.add(List.of(session, thrown));
        }

        @OnClose
        public void close(Session session, CloseReason reason) {
            closed.complete(List.of(session, reason));
        }
    }

    @Test
    void onOpenGetsTheSessionAndTheConfiguration() throws Exception {
        try (Fixture fixture = new Fixture()) {
            List<Object> opened = Await.get(fixture.endpoint.opened);
            assertSame(fixture.pair.server, opened.get(0));
            assertSame(fixture.config, opened.get(1));
        }
    }

    @Test
    void aReturnValueIsSentBackAndNullSendsNothing() throws Exception {
        try (Fixture fixture = new Fixture()) {
            fixture.pair.client.getBasicRemote().sendText("quiet");
            fixture.pair.client.getBasicRemote().sendText("hello");

            assertEquals("quiet", Await.poll(fixture.endpoint.received));
            assertEquals("hello", Await.poll(fixture.endpoint.received));
            assertEquals("echo hello", fixture.client.nextReceived(), "nothing came back for null");
        }
    }

    @Test
    void aReturnValueGoesBackThroughAnEncoder() throws Exception {
        try (Fixture fixture = new Fixture()) {
            fixture.pair.client.getBasicRemote().sendBinary(ByteBuffer.allocate(8).putInt(1).putInt(2).flip());
            assertEquals("2,1", fixture.client.nextReceived());
        }
    }

    @Test
    void aPongMethodGetsThePongsData() throws Exception {
        try (Fixture fixture = new Fixture()) {
            fixture.pair.client.getBasicRemote().sendPong(ByteBuffer.wrap(new byte[] {4, 2}));
            assertEquals(ByteBuffer.wrap(new byte[] {4, 2}), Await.poll(fixture.endpoint.received));
        }
    }

    @Test
    void aCheckedExceptionFromOnMessageReachesOnErrorUnwrapped() throws Exception {
        try (Fixture fixture = new Fixture()) {
            fixture.pair.client.getBasicRemote().sendText("fail");

            List<Object> error = Await.poll(fixture.endpoint.errors);
            assertSame(fixture.pair.server, error.get(0));
            ApplicationException thrown = (ApplicationException) error.get(1);
            assertEquals("checked failure", thrown.getMessage());

            fixture.pair.client.getBasicRemote().sendText("again");
            assertEquals("echo again", fixture.client.nextReceived(), "the session goes on");
        }
    }

    @Test
    void onCloseGetsTheSessionAndTheReason() throws Exception {
        try (Fixture fixture = new Fixture()) {
            fixture.pair.client.close(new CloseReason(CloseReason.CloseCodes.GOING_AWAY, "leaving"));

            List<Object> closed = Await.get(fixture.endpoint.closed);
            assertSame(fixture.pair.server, closed.get(0));
            SessionDeliveryTest.assertReason(1001, "leaving", (CloseReason) closed.get(1));
        }
    }

    /** An endpoint whose {@code @OnOpen} throws a checked exception. */
    @ClientEndpoint
    public static class FailingOpen {
        final CompletableFuture<Throwable> error = new CompletableFuture<>();

        @OnOpen
        public void open() throws ApplicationException {
            throw new ApplicationException("open failed");
        }

        @OnError
        public void error(Throwable thrown) {
            error.complete(thrown);
        }
    }

    @Test
    void aCheckedExceptionFromOnOpenReachesOnErrorUnwrapped() throws Exception {
        FailingOpen endpoint = new FailingOpen();
        try (SessionPair pair = SessionPair.open(MessageLimitsTest.annotated(endpoint), new RecordingEndpoint())) {
            Throwable error = Await.get(endpoint.error);
            assertEquals(ApplicationException.class, error.getClass());
            assertEquals("open failed", error.getMessage());
            assertTrue(pair.server.isOpen());
        }
    }

    /** The annotated endpoint as the server of a pair, with a client that records text messages. */
    private static final class Fixture implements AutoCloseable {
        final Annotated endpoint = new Annotated();
        final EndpointConfig config = ClientEndpointConfig.Builder.create()
                .decoders(List.of(PointBinaryDecoder.class))
                .encoders(List.of(PointTextEncoder.class))
                .build();
        final RecordingEndpoint client = new RecordingEndpoint((session, config) ->
                session.addMessageHandler(String.class, RecordingEndpoint.of(session).received::add));
        final SessionPair pair;

        Fixture() throws Exception {
            pair = new SessionPair().open(MessageLimitsTest.annotated(endpoint), config, client, SessionPair.config());
            Await.get(endpoint.opened);
            Await.get(client.opened);
        }

        @Override
        public void close() throws InterruptedException {
            pair.close();
        }
    }
}
