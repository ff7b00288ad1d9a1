package dev.tideway.websocket.client;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tideway.websocket.client.PointCoders.Point;
import jakarta.websocket.ClientEndpoint;
import jakarta.websocket.ClientEndpointConfig;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Endpoint;
import jakarta.websocket.Extension;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.OnMessage;
import jakarta.websocket.PongMessage;
import jakarta.websocket.SendResult;
import jakarta.websocket.Session;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Jakarta client API against an independent server: every kind of message, over ws and wss, with
 * and without permessage-deflate (offered when the configuration lists it). One subclass per peer; each peer runs
 * twice, plain and with TLS, for the whole class.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ContainerPeerEchoTest {
    private final TidewayClientContainer container = new TidewayClientContainer();
    private PeerProcess plain;
    private PeerProcess secure;

    /** The peer this test runs against. */
    abstract Peer peer();

    /** How a test connects: over TLS or not, offering permessage-deflate or not. */
    record Setup(boolean tls, boolean deflate) {
        @Override
        public String toString() {
            return (tls ? "wss" : "ws") + (deflate ? " with permessage-deflate" : " without compression");
        }
    }

    static Stream<Setup> setups() {
        return Stream.of(new Setup(false, true), new Setup(false, false), new Setup(true, true), new Setup(true, false));
    }

    @BeforeAll
    void startPeers() throws Exception {
        peer().require();
        plain = peer().startPlain();
        secure = peer().startTls();
    }

    @AfterAll
    void stopPeers() {
        for (PeerProcess peer : new PeerProcess[] {plain, secure}) {
            if (peer != null) {
                peer.close();
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("setups")
    void wholeTextAndBinaryMessagesEcho(Setup setup) throws Exception {
        RecordingEndpoint endpoint = new RecordingEndpoint();
        Session session = connect(setup, endpoint, ClientEndpointConfig.Builder.create());

        assertEquals(setup.tls(), session.isSecure());
        assertEquals(setup.deflate() ? List.of("permessage-deflate") : List.of(),
                session.getNegotiatedExtensions().stream().map(Extension::getName).toList());
        session.getBasicRemote().sendText("héllo wörld");
        assertEquals("héllo wörld", endpoint.nextText());
        String compressible = "tideway ".repeat(7000);
        session.getBasicRemote().sendText(compressible);
        assertEquals(compressible, endpoint.nextText());
        byte[] binary = ClientEchoTest.randomBytes(60_000);
        session.getBasicRemote().sendBinary(ByteBuffer.wrap(binary));
        assertArrayEquals(binary, (byte[]) endpoint.next());
        closeNormally(session, endpoint, setup);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("setups")
    void partialMessagesEchoAndArriveAsParts(Setup setup) throws Exception {
        RecordingEndpoint endpoint = new RecordingEndpoint() {
            private final StringBuilder text = new StringBuilder();
            private final ByteArrayOutputStream binary = new ByteArrayOutputStream();

            @Override
            void handlers(Session session) {
                session.addMessageHandler(String.class, (MessageHandler.Partial<String>) (part, last) -> {
                    text.append(part);
                    if (last) {
                        messages.add(text.toString());
                        text.setLength(0);
                    }
                });
                session.addMessageHandler(ByteBuffer.class, (MessageHandler.Partial<ByteBuffer>) (part, last) -> {
                    binary.writeBytes(bytesOf(part));
                    if (last) {
                        messages.add(binary.toByteArray());
                        binary.reset();
                    }
                });
            }
        };
        Session session = connect(setup, endpoint, ClientEndpointConfig.Builder.create());

        session.getBasicRemote().sendText("one, ", false);
        session.getBasicRemote().sendText("two, ", false);
        session.getBasicRemote().sendText("three", true);
        assertEquals("one, two, three", endpoint.nextText());
        byte[] binary = ClientEchoTest.randomBytes(100_000); // larger than the whole-message limit: fine in parts
        session.getBasicRemote().sendBinary(ByteBuffer.wrap(binary, 0, 30_000), false);
        session.getBasicRemote().sendBinary(ByteBuffer.wrap(binary, 30_000, 70_000), true);
        assertArrayEquals(binary, (byte[]) endpoint.next());
        closeNormally(session, endpoint, setup);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("setups")
    void streamsWrittenThroughSendWriterAndSendStreamEchoIntoReaderAndInputStreamHandlers(Setup setup)
            throws Exception {
        RecordingEndpoint endpoint = new RecordingEndpoint() {
            @Override
            void handlers(Session session) {
                session.addMessageHandler(Reader.class, reader -> messages.add(readAll(reader)));
                session.addMessageHandler(InputStream.class, in -> messages.add(readAll(in)));
            }
        };
        Session session = connect(setup, endpoint, ClientEndpointConfig.Builder.create());

        try (Writer writer = session.getBasicRemote().getSendWriter()) {
            writer.write("Grüße ");
            writer.write("aus ".repeat(30_000)); // more than one frame's worth
            writer.write("Tideway");
        }
        assertEquals("Grüße " + "aus ".repeat(30_000) + "Tideway", endpoint.nextText());
        byte[] binary = ClientEchoTest.randomBytes(150_000);
        try (OutputStream out = session.getBasicRemote().getSendStream()) {
            out.write(binary, 0, 1);
            out.write(binary, 1, 99_999);
            out.write(binary, 100_000, 50_000);
        }
        assertArrayEquals(binary, (byte[]) endpoint.next());
        closeNormally(session, endpoint, setup);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("setups")
    void objectsGoThroughTheConfiguredEncoderAndComeBackThroughTheDecoder(Setup setup) throws Exception {
        RecordingEndpoint endpoint = new RecordingEndpoint() {
            @Override
            void handlers(Session session) {
                session.addMessageHandler(Point.class, messages::add);
            }
        };
        Session session = connect(setup, endpoint, ClientEndpointConfig.Builder.create()
                .encoders(List.of(PointCoders.TextEncoder.class))
                .decoders(List.of(PointCoders.TextDecoder.class)));

        session.getBasicRemote().sendObject(new Point(3, -4));
        assertEquals(new Point(3, -4), endpoint.next());
        session.getAsyncRemote().sendObject(new Point(5, 6)).get(5, TimeUnit.SECONDS);
        assertEquals(new Point(5, 6), endpoint.next());
        closeNormally(session, endpoint, setup);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("setups")
    void asyncSendsCompleteAndAPingIsAnsweredWithItsPayload(Setup setup) throws Exception {
        RecordingEndpoint endpoint = new RecordingEndpoint() {
            @Override
            void handlers(Session session) {
                super.handlers(session);
                session.addMessageHandler(PongMessage.class, pong -> messages.add(bytesOf(pong.getApplicationData())));
            }
        };
        Session session = connect(setup, endpoint, ClientEndpointConfig.Builder.create());

        CompletableFuture<SendResult> sent = new CompletableFuture<>();
        session.getAsyncRemote().sendText("async text", sent::complete);
        assertTrue(sent.get(5, TimeUnit.SECONDS).isOK());
        assertEquals("async text", endpoint.nextText());
        byte[] binary = ClientEchoTest.randomBytes(5000);
        session.getAsyncRemote().sendBinary(ByteBuffer.wrap(binary)).get(5, TimeUnit.SECONDS);
        assertArrayEquals(binary, (byte[]) endpoint.next());
        session.getBasicRemote().sendPing(ByteBuffer.wrap(new byte[] {1, 2, 3}));
        assertArrayEquals(new byte[] {1, 2, 3}, (byte[]) endpoint.next());
        closeNormally(session, endpoint, setup);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("setups")
    void thePeerNegotiatesAPreferredSubprotocolAndClosesWith4001WhichOnCloseSees(Setup setup) throws Exception {
        RecordingEndpoint endpoint = new RecordingEndpoint();
        Session session = connect(setup, endpoint, ClientEndpointConfig.Builder.create()
                .preferredSubprotocols(List.of("chat", "echo")));

        assertEquals("echo", session.getNegotiatedSubprotocol());
        session.getBasicRemote().sendText("close:4001:peer done");

        CloseReason reason = endpoint.awaitClosed();
        assertEquals(4001, reason.getCloseCode().getCode());
        assertEquals("peer done", reason.getReasonPhrase());
        assertEquals("CLOSED 4001 peer done", (setup.tls() ? secure : plain).awaitLine("CLOSED"));
        assertTrue(endpoint.errors.isEmpty(), "errors: " + endpoint.errors);
    }

    /** Receives points in binary through the coders named in its annotation. */
    @ClientEndpoint(encoders = PointCoders.BinaryEncoder.class, decoders = PointCoders.BinaryDecoder.class)
    public static class AnnotatedPoints {
        final BlockingQueue<Point> points = new LinkedBlockingQueue<>();

        @OnMessage
        public void point(Point point) {
            points.add(point);
        }
    }

    @Test
    void anAnnotatedEndpointUsesTheCodersOfItsAnnotation() throws Exception {
        AnnotatedPoints endpoint = new AnnotatedPoints();
        Session session = container.connectToServer(endpoint, URI.create("ws://127.0.0.1:" + plain.port() + "/"));

        session.getBasicRemote().sendObject(new Point(7, 8));
        assertEquals(new Point(7, 8), endpoint.points.poll(5, TimeUnit.SECONDS));
        assertEquals(List.of(), session.getNegotiatedExtensions(), "an annotation lists no extension to offer");
        session.close();
        assertEquals("CLOSED 1000 ", plain.awaitLine("CLOSED"));
    }

    private Session connect(Setup setup, Endpoint endpoint, ClientEndpointConfig.Builder builder) throws Exception {
        if (setup.deflate()) {
            builder.extensions(List.copyOf(container.getInstalledExtensions()));
        }
        ClientEndpointConfig config = builder.sslContext(TestCertificates.localhost().clientContext()).build();
        URI uri = setup.tls() ? URI.create("wss://localhost:" + secure.port() + "/")
                : URI.create("ws://127.0.0.1:" + plain.port() + "/");
        Session session = container.connectToServer(endpoint, config, uri);
        assertNotNull(session);
        return session;
    }

    private void closeNormally(Session session, RecordingEndpoint endpoint, Setup setup) throws Exception {
        session.close(new CloseReason(CloseReason.CloseCodes.NORMAL_CLOSURE, "done"));
        assertEquals(CloseReason.CloseCodes.NORMAL_CLOSURE, endpoint.awaitClosed().getCloseCode());
        assertEquals("CLOSED 1000 done", (setup.tls() ? secure : plain).awaitLine("CLOSED"));
        assertTrue(endpoint.errors.isEmpty(), "errors: " + endpoint.errors);
    }

    static String readAll(Reader reader) {
        try {
            StringWriter text = new StringWriter();
            reader.transferTo(text);
            return text.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] readAll(InputStream in) {
        try {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
