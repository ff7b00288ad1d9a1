package dev.tideway.websocket.session;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tideway.websocket.protocol.ProtocolSettings;
import dev.tideway.websocket.session.TestCodecs.Blob;
import dev.tideway.websocket.session.TestCodecs.Point;
import dev.tideway.websocket.session.TestCodecs.Word;
import jakarta.websocket.ClientEndpointConfig;
import jakarta.websocket.DecodeException;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.PongMessage;
import jakarta.websocket.Session;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Message handlers: every type the API allows, whole and partial, found from the handler's class or
 * given as a class; at most one handler per native message type; removal; and what happens to a message
 * no handler takes.
 */
class MessageHandlersTest {
    private static final byte[] BYTES = {1, 2, 3, (byte) 0xFF, 0};

    /** What the server's onOpen does: register handlers. */
    @FunctionalInterface
    interface Register {
        void register(Session server) throws Exception;
    }

    /** What the client does once both ends are open. */
    @FunctionalInterface
    interface Send {
        void send(Session client) throws Exception;
    }

    /** A part of a partial message and whether it was the last. */
    record Part(Object value, boolean last) {
    }

    @Test
    void aWholeStringHandlerFoundFromItsClass() throws Exception {
        List<Object> got = exchange(session -> session.addMessageHandler(new MessageHandler.Whole<String>() {
            @Override
            public void onMessage(String message) {
                record(session, message);
            }
        }), client -> client.getBasicRemote().sendText("héllo"), 1);
        assertEquals(List.of("héllo"), got);
    }

    @Test
    void aWholeByteBufferHandler() throws Exception {
        List<Object> got = exchange(session -> session.addMessageHandler(new MessageHandler.Whole<ByteBuffer>() {
            @Override
            public void onMessage(ByteBuffer message) {
                record(session, message);
            }
        }), client -> client.getBasicRemote().sendBinary(ByteBuffer.wrap(BYTES)), 1);
        assertEquals(ByteBuffer.wrap(BYTES), got.get(0));
    }

    @Test
    void aWholeByteArrayHandler() throws Exception {
        List<Object> got = exchange(session -> session.addMessageHandler(new MessageHandler.Whole<byte[]>() {
            @Override
            public void onMessage(byte[] message) {
                record(session, message);
            }
        }), client -> client.getBasicRemote().sendBinary(ByteBuffer.wrap(BYTES)), 1);
        assertArrayEquals(BYTES, (byte[]) got.get(0));
    }

    @Test
    void aReaderHandler() throws Exception {
        String text = "grüße ".repeat(1000);
        List<Object> got = exchange(session -> session.addMessageHandler(new MessageHandler.Whole<Reader>() {
            @Override
            public void onMessage(Reader message) {
                record(session, readAll(message));
            }
        }), client -> client.getBasicRemote().sendText(text), 1);
        assertEquals(List.of(text), got);
    }

    @Test
    void aDecoderToReaderWinsOverTheBuiltInStream() throws Exception {
        EndpointConfig config = ClientEndpointConfig.Builder.create()
                .decoders(List.of(TestCodecs.ShoutingReaderDecoder.class)).build();
        List<Object> got = exchange(config, session -> session.addMessageHandler(new MessageHandler.Whole<Reader>() {
            @Override
            public void onMessage(Reader message) {
                record(session, readAll(message));
            }
        }), client -> client.getBasicRemote().sendText("quiet"), 1);
        assertEquals(List.of("QUIET"), got);
    }

    @Test
    void anInputStreamHandler() throws Exception {
        List<Object> got = exchange(session -> session.addMessageHandler(new MessageHandler.Whole<InputStream>() {
            @Override
            public void onMessage(InputStream message) {
                try {
                    record(session, message.readAllBytes());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }), client -> client.getBasicRemote().sendBinary(ByteBuffer.wrap(BYTES)), 1);
        assertArrayEquals(BYTES, (byte[]) got.get(0));
    }

    @Test
    void aPongMessageHandlerGetsAnUnsolicitedPong() throws Exception {
        List<Object> got = exchange(session -> session.addMessageHandler(new MessageHandler.Whole<PongMessage>() {
            @Override
            public void onMessage(PongMessage message) {
                record(session, message.getApplicationData());
            }
        }), client -> client.getBasicRemote().sendPong(ByteBuffer.wrap(BYTES)), 1);
        assertEquals(ByteBuffer.wrap(BYTES), got.get(0));
    }

    @Test
    void aPartialStringHandlerGetsThePartsWithLastOnlyOnTheLast() throws Exception {
        List<Object> got = exchange(session -> session.addMessageHandler(new MessageHandler.Partial<String>() {
            @Override
            public void onMessage(String part, boolean last) {
                record(session, new Part(part, last));
            }
        }), client -> {
            client.getBasicRemote().sendText("one ", false);
            client.getBasicRemote().sendText("two ", false);
            client.getBasicRemote().sendText("three", true);
        }, 3);
        assertEquals(List.of(new Part("one ", false), new Part("two ", false), new Part("three", true)), got);
    }

    @Test
    void aPartialByteBufferHandlerGivenItsClass() throws Exception {
        List<Object> got = exchange(session -> session.addMessageHandler(ByteBuffer.class,
                (MessageHandler.Partial<ByteBuffer>) (part, last) -> record(session, new Part(part, last))),
                client -> {
                    client.getBasicRemote().sendBinary(ByteBuffer.wrap(new byte[] {1, 2}), false);
                    client.getBasicRemote().sendBinary(ByteBuffer.wrap(new byte[] {3}), true);
                }, 2);
        assertEquals(List.of(new Part(ByteBuffer.wrap(new byte[] {1, 2}), false),
                new Part(ByteBuffer.wrap(new byte[] {3}), true)), got);
    }

    @Test
    void aPartialByteArrayHandler() throws Exception {
        List<Object> got = exchange(session -> session.addMessageHandler(new MessageHandler.Partial<byte[]>() {
            @Override
            public void onMessage(byte[] part, boolean last) {
                record(session, new Part(List.of(toBoxed(part)), last));
            }
        }), client -> {
            client.getBasicRemote().sendBinary(ByteBuffer.wrap(new byte[] {7}), false);
            client.getBasicRemote().sendBinary(ByteBuffer.wrap(new byte[] {8, 9}), true);
        }, 2);
        assertEquals(List.of(new Part(List.of((byte) 7), false), new Part(List.of((byte) 8, (byte) 9), true)), got);
    }

    @Test
    void textPartsNeverSplitACharacterEvenWhenEveryByteIsAFrame() throws Exception {
        String text = "a€\uD834\uDD1Eü-" + "ä€\uD834\uDD1E".repeat(20);
        List<String> parts = new java.util.concurrent.CopyOnWriteArrayList<>();
        RecordingEndpoint server = new RecordingEndpoint((session, config) ->
                session.addMessageHandler(String.class, (MessageHandler.Partial<String>) (part, last) -> {
                    parts.add(part);
                    if (last) {
                        RecordingEndpoint.of(session).received.add(String.join("", parts));
                    }
                }));
        try (SessionPair pair = oneByteFrames().open(server, SessionPair.config(), new RecordingEndpoint(),
                SessionPair.config())) {
            Await.get(server.opened);
            pair.client.getBasicRemote().sendText(text);

            assertEquals(text, server.nextReceived());
            assertTrue(parts.size() > 20, "delivered in many parts: " + parts.size());
            for (String part : parts) {
                assertTrue(part.indexOf('\uFFFD') < 0, "a part with a broken character: " + part);
                assertTrue(part.isEmpty() || !Character.isHighSurrogate(part.charAt(part.length() - 1)), part);
                assertTrue(part.isEmpty() || !Character.isLowSurrogate(part.charAt(0)), part);
            }
        }
    }

    @Test
    void wholeStreamAndDecodedHandlersReassembleOneByteFrames() throws Exception {
        String text = "grüße €\uD834\uDD1E";
        RecordingEndpoint server = new RecordingEndpoint((session, config) -> {
            session.addMessageHandler(Reader.class, reader -> RecordingEndpoint.of(session).received.add(readAll(reader)));
            session.addMessageHandler(Point.class, RecordingEndpoint.of(session).received::add);
        });
        try (SessionPair pair = oneByteFrames().open(server, codecConfigBinaryPoints(), new RecordingEndpoint(),
                SessionPair.config())) {
            Await.get(server.opened);
            pair.client.getBasicRemote().sendText(text);
            pair.client.getBasicRemote().sendBinary(ByteBuffer.allocate(8).putInt(-1).putInt(300).flip());

            assertEquals(text, server.nextReceived());
            assertEquals(new Point(-1, 300), server.nextReceived());
        }
    }

    static Stream<Arguments> primitives() {
        return Stream.of(
                Arguments.of(int.class, "42", 42),
                Arguments.of(Integer.class, "-7", -7),
                Arguments.of(long.class, "9000000000", 9_000_000_000L),
                Arguments.of(short.class, "123", (short) 123),
                Arguments.of(byte.class, "-128", (byte) -128),
                Arguments.of(boolean.class, "TRUE", true),
                Arguments.of(Boolean.class, "nope", false),
                Arguments.of(double.class, "2.5", 2.5),
                Arguments.of(float.class, "0.25", 0.25f),
                Arguments.of(char.class, "x", 'x'),
                Arguments.of(Character.class, "é", 'é'),
                Arguments.of(char.class, "Echar", 'E'));
    }

    @ParameterizedTest
    @MethodSource("primitives")
    <T> void aPrimitiveOrBoxHandlerGetsTheTextConverted(Class<T> type, String text, Object expected) throws Exception {
        List<Object> got = exchange(session -> session.addMessageHandler(type,
                (MessageHandler.Whole<T>) message -> record(session, message)),
                client -> client.getBasicRemote().sendText(text), 1);
        assertEquals(List.of(expected), got);
    }

    @Test
    void aBoxHandlerFoundFromItsClass() throws Exception {
        List<Object> got = exchange(session -> session.addMessageHandler(new MessageHandler.Whole<Long>() {
            @Override
            public void onMessage(Long message) {
                record(session, message);
            }
        }), client -> client.getBasicRemote().sendText("12"), 1);
        assertEquals(List.of(12L), got);
    }

    @Test
    void textThatIsNoNumberIsADecodeExceptionForOnErrorAndTheSessionGoesOn() throws Exception {
        RecordingEndpoint server = new RecordingEndpoint((session, config) ->
                session.addMessageHandler(Integer.class, RecordingEndpoint.of(session).received::add));
        try (SessionPair pair = SessionPair.open(server, new RecordingEndpoint())) {
            Await.get(server.opened);
            pair.client.getBasicRemote().sendText("forty-two");
            pair.client.getBasicRemote().sendText("43");

            DecodeException error = assertInstanceOf(DecodeException.class, server.nextError());
            assertEquals("forty-two", error.getText());
            assertEquals(43, server.nextReceived());
            assertTrue(pair.server.isOpen());
        }
    }

    @Test
    void aTypeDecodedFromTextAndFromBinaryTakesBothMessageTypes() throws Exception {
        List<Object> got = exchange(codecConfig(), session -> session.addMessageHandler(Point.class,
                RecordingEndpoint.of(session).received::add), client -> {
            client.getBasicRemote().sendText("3,4");
            client.getBasicRemote().sendBinary(ByteBuffer.allocate(8).putInt(5).putInt(6).flip());
        }, 2);
        assertEquals(List.of(new Point(3, 4), new Point(5, 6)), got);
    }

    @Test
    void typesOfTextStreamAndBinaryStreamDecoders() throws Exception {
        List<Object> got = exchange(codecConfig(), session -> {
            session.addMessageHandler(Word.class, RecordingEndpoint.of(session).received::add);
            session.addMessageHandler(new MessageHandler.Whole<Blob>() {
                @Override
                public void onMessage(Blob message) {
                    record(session, message);
                }
            });
        }, client -> {
            client.getBasicRemote().sendText("streamed words");
            client.getBasicRemote().sendBinary(ByteBuffer.wrap(new byte[] {(byte) 0xCA, (byte) 0xFE}));
        }, 2);
        assertEquals(List.of(new Word("streamed words"), new Blob("cafe")), got);
    }

    @Test
    void aSessionTakesAtMostOneHandlerPerNativeMessageType() throws Exception {
        try (SessionPair pair = new SessionPair().open(new RecordingEndpoint(), codecConfig(),
                new RecordingEndpoint(), SessionPair.config())) {
            Session session = pair.server;
            session.addMessageHandler(String.class, message -> { });
            IllegalStateException text = assertThrows(IllegalStateException.class,
                    () -> session.addMessageHandler(Reader.class, message -> { }));
            assertTrue(text.getMessage().startsWith("A text message handler is already registered"),
                    text.getMessage());

            session.addMessageHandler(InputStream.class, message -> { });
            IllegalStateException binary = assertThrows(IllegalStateException.class,
                    () -> session.addMessageHandler(byte[].class, (MessageHandler.Partial<byte[]>) (m, last) -> { }));
            assertTrue(binary.getMessage().startsWith("A binary message handler is already registered"),
                    binary.getMessage());

            session.addMessageHandler(PongMessage.class, message -> { });
            assertThrows(IllegalStateException.class, () -> session.addMessageHandler(PongMessage.class, m -> { }));
            assertEquals(3, session.getMessageHandlers().size());
        }
    }

    @Test
    void aDecodedTypeTakingTextAndBinaryConflictsWithEither() throws Exception {
        try (SessionPair pair = new SessionPair().open(new RecordingEndpoint(), codecConfig(),
                new RecordingEndpoint(), SessionPair.config())) {
            pair.server.addMessageHandler(ByteBuffer.class, message -> { });
            assertThrows(IllegalStateException.class, () -> pair.server.addMessageHandler(Point.class, p -> { }));
            assertEquals(1, pair.server.getMessageHandlers().size(), "a rejected handler takes no slot");
            pair.server.addMessageHandler(String.class, message -> { }); // the text slot is still free
        }
    }

    @Test
    void aRemovedHandlerFreesItsTypeForAnother() throws Exception {
        MessageHandler.Whole<String> first = message -> { };
        RecordingEndpoint server = new RecordingEndpoint((session, config) -> {
            session.addMessageHandler(String.class, first);
            session.removeMessageHandler(first);
            session.addMessageHandler(String.class, message -> RecordingEndpoint.of(session).received.add("second " + message));
        });
        try (SessionPair pair = SessionPair.open(server, new RecordingEndpoint())) {
            Await.get(server.opened);
            pair.client.getBasicRemote().sendText("hi");
            assertEquals("second hi", server.nextReceived());
            assertEquals(1, pair.server.getMessageHandlers().size());
            assertTrue(!pair.server.getMessageHandlers().contains(first));
        }
    }

    @Test
    void getMessageHandlersIsAnUnmodifiableCopyOfTheRegisteredHandlers() throws Exception {
        try (SessionPair pair = SessionPair.open(new RecordingEndpoint(), new RecordingEndpoint())) {
            MessageHandler.Whole<String> text = message -> { };
            MessageHandler.Partial<ByteBuffer> binary = (part, last) -> { };
            pair.server.addMessageHandler(String.class, text);
            pair.server.addMessageHandler(ByteBuffer.class, binary);

            Set<MessageHandler> handlers = pair.server.getMessageHandlers();
            assertEquals(Set.of(text, binary), handlers);
            assertThrows(UnsupportedOperationException.class, () -> handlers.remove(text));
            pair.server.removeMessageHandler(text);
            assertEquals(Set.of(text, binary), handlers, "a copy: later changes do not show");
            assertEquals(Set.of(binary), pair.server.getMessageHandlers());
        }
    }

    @Test
    void aLambdaHandlerWithoutItsClassIsRejectedWithAHint() throws Exception {
        try (SessionPair pair = SessionPair.open(new RecordingEndpoint(), new RecordingEndpoint())) {
            MessageHandler.Whole<String> lambda = message -> { };
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> pair.server.addMessageHandler(lambda));
            assertTrue(e.getMessage().contains("Cannot tell which message type"), e.getMessage());
            assertTrue(e.getMessage().contains("addMessageHandler(Class, handler)"), e.getMessage());
        }
    }

    @Test
    void aTypeNoMessageCanBecomeIsRejected() throws Exception {
        try (SessionPair pair = SessionPair.open(new RecordingEndpoint(), new RecordingEndpoint())) {
            IllegalStateException whole = assertThrows(IllegalStateException.class,
                    () -> pair.server.addMessageHandler(Object.class, message -> { }));
            assertTrue(whole.getMessage().startsWith("A whole message handler cannot receive java.lang.Object"),
                    whole.getMessage());
            IllegalStateException partial = assertThrows(IllegalStateException.class,
                    () -> pair.server.addMessageHandler(Reader.class, (MessageHandler.Partial<Reader>) (m, l) -> { }));
            assertTrue(partial.getMessage().startsWith("A partial message handler cannot receive java.io.Reader"),
                    partial.getMessage());
            assertEquals(Set.of(), pair.server.getMessageHandlers());
        }
    }

    @Test
    void aMessageNoHandlerTakesIsDroppedAndTheSessionGoesOn() throws Exception {
        RecordingEndpoint server = new RecordingEndpoint((session, config) ->
                session.addMessageHandler(String.class, message -> RecordingEndpoint.of(session).received.add(message)));
        RecordingEndpoint client = new RecordingEndpoint();
        try (SessionPair pair = SessionPair.open(server, client)) {
            Await.get(server.opened);
            pair.client.getBasicRemote().sendBinary(ByteBuffer.wrap(BYTES));
            pair.client.getBasicRemote().sendText("after");

            assertEquals("after", server.nextReceived());
            assertTrue(pair.server.isOpen());
            assertTrue(pair.client.isOpen());
        }
    }

    // ---------------------------------------------------------------- helpers

    private static SessionPair oneByteFrames() {
        return new SessionPair().settings(ProtocolSettings.builder().outboundFrameSize(1).build());
    }

    private static EndpointConfig codecConfigBinaryPoints() {
        return ClientEndpointConfig.Builder.create().decoders(List.of(TestCodecs.PointBinaryDecoder.class)).build();
    }

    private static EndpointConfig codecConfig() {
        return ClientEndpointConfig.Builder.create().decoders(TestCodecs.ALL_DECODERS).build();
    }

    private static List<Object> exchange(Register register, Send send, int expected) throws Exception {
        return exchange(SessionPair.config(), register, send, expected);
    }

    /** Opens a pair, lets the client send, and returns the first {@code expected} things the server recorded. */
    private static List<Object> exchange(EndpointConfig serverConfig, Register register, Send send, int expected)
            throws Exception {
        RecordingEndpoint server = new RecordingEndpoint((session, config) -> register.register(session));
        RecordingEndpoint client = new RecordingEndpoint();
        try (SessionPair pair = new SessionPair().open(server, serverConfig, client, SessionPair.config())) {
            Await.get(server.opened);
            Await.get(client.opened);
            send.send(pair.client);
            List<Object> got = new ArrayList<>();
            for (int i = 0; i < expected; i++) {
                got.add(server.nextReceived());
            }
            assertTrue(server.errors.isEmpty(), () -> "server errors: " + server.errors);
            assertTrue(pair.server.isOpen());
            return got;
        }
    }

    private static void record(Session session, Object value) {
        RecordingEndpoint.of(session).received.add(value);
    }

    private static String readAll(Reader reader) {
        StringWriter text = new StringWriter();
        try {
            reader.transferTo(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    private static Byte[] toBoxed(byte[] bytes) {
        Byte[] boxed = new Byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            boxed[i] = bytes[i];
        }
        return boxed;
    }
}
