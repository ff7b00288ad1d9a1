package dev.tideway.websocket.endpoint;

import dev.tideway.websocket.codec.MessageKind;
import dev.tideway.websocket.codec.DeliveryMode;

import dev.tideway.websocket.codec.DecoderDefinition;
import dev.tideway.websocket.endpoint.TestCoders.Bar;
import dev.tideway.websocket.endpoint.TestCoders.BarBinaryDecoder;
import dev.tideway.websocket.endpoint.TestCoders.Foo;
import dev.tideway.websocket.endpoint.TestCoders.FooBinaryDecoder;
import dev.tideway.websocket.endpoint.TestCoders.FooTextDecoder;
import dev.tideway.websocket.endpoint.TestCoders.FooTextEncoder;
import dev.tideway.websocket.endpoint.TestCoders.FooTextStreamDecoder;
import dev.tideway.websocket.endpoint.TestCoders.IntegerTextDecoder;
import jakarta.websocket.ClientEndpoint;
import jakarta.websocket.ClientEndpointConfig;
import jakarta.websocket.CloseReason;
import jakarta.websocket.DecodeException;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.PongMessage;
import jakarta.websocket.Session;
import jakarta.websocket.server.PathParam;
import jakarta.websocket.server.ServerEndpoint;
import jakarta.websocket.server.ServerEndpointConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Valid endpoints of every parameter and message form, and invocation through the model. */
class AnnotatedEndpointScannerTest {

    // ---- class-level settings ----

    public static class ChatConfigurator extends ServerEndpointConfig.Configurator {
    }

    @ServerEndpoint(value = "/chat/{room}", subprotocols = {"v2.chat", "v1.chat"},
            decoders = {FooTextDecoder.class, FooBinaryDecoder.class}, encoders = FooTextEncoder.class,
            configurator = ChatConfigurator.class)
    public static class Chat {
        @OnMessage
        public void onText(String text) {
        }
    }

    @Test
    void readsServerEndpointSettings() throws Exception {
        AnnotatedEndpointModel model = AnnotatedEndpointScanner.scan(Chat.class);
        assertTrue(model.isServer());
        assertSame(Chat.class, model.endpointClass());
        assertEquals("/chat/{room}", model.path().template());
        assertEquals(List.of("room"), model.path().variableNames());
        assertEquals(List.of("v2.chat", "v1.chat"), model.subprotocols());
        assertEquals(List.of(FooTextDecoder.class, FooBinaryDecoder.class),
                model.decoders().stream().map(DecoderDefinition::type).toList());
        assertEquals(1, model.encoders().size());
        assertSame(FooTextEncoder.class, model.encoders().get(0).type());
        assertSame(ChatConfigurator.class, model.configurator().type());
        assertInstanceOf(ChatConfigurator.class, model.configurator().newInstance());
        assertEquals("@ServerEndpoint(/chat/{room}) " + Chat.class.getName(), model.toString());
    }

    @ServerEndpoint("/plain")
    public static class Plain {
    }

    @Test
    void serverDefaultsAreEmptyAndTheApiConfigurator() throws Exception {
        AnnotatedEndpointModel model = AnnotatedEndpointScanner.scan(Plain.class);
        assertEquals(List.of(), model.subprotocols());
        assertEquals(List.of(), model.decoders());
        assertEquals(List.of(), model.encoders());
        assertSame(ServerEndpointConfig.Configurator.class, model.configurator().type());
        assertNull(model.onOpen());
        assertNull(model.onClose());
        assertNull(model.onError());
        assertNull(model.textMessage());
        assertNull(model.binaryMessage());
        assertNull(model.pongMessage());
        assertInstanceOf(Plain.class, model.newInstance());
        model.validateInstantiable();
    }

    @ClientEndpoint(subprotocols = "mqtt", decoders = FooTextDecoder.class)
    public static class Client {
        @OnMessage
        public void onText(Foo foo) {
        }
    }

    @Test
    void readsClientEndpointSettings() throws Exception {
        AnnotatedEndpointModel model = AnnotatedEndpointScanner.scan(Client.class);
        assertFalse(model.isServer());
        assertNull(model.path());
        assertEquals(List.of("mqtt"), model.subprotocols());
        assertSame(ClientEndpointConfig.Configurator.class, model.configurator().type());
        assertSame(Foo.class, model.textMessage().payloadType());
        assertEquals("@ClientEndpoint " + Client.class.getName(), model.toString());
    }

    // ---- message forms ----

    @ServerEndpoint("/s") public static class WholeString { @OnMessage public void on(String m) { } }
    @ServerEndpoint("/s") public static class PartialString { @OnMessage public void on(String m, boolean last) { } }
    @ServerEndpoint("/s") public static class LastFirst { @OnMessage public void on(boolean last, String m) { } }
    @ServerEndpoint("/s") public static class TextReader { @OnMessage public void on(Reader m) { } }
    @ServerEndpoint("/s") public static class WholeInt { @OnMessage public void on(int m) { } }
    @ServerEndpoint("/s") public static class WholeBoolean { @OnMessage public void on(boolean m) { } }
    @ServerEndpoint("/s") public static class WholeCharacter { @OnMessage public void on(Character m) { } }
    @ServerEndpoint("/s") public static class WholeBuffer { @OnMessage public void on(ByteBuffer m) { } }
    @ServerEndpoint("/s") public static class PartialBuffer { @OnMessage public void on(ByteBuffer m, boolean l) { } }
    @ServerEndpoint("/s") public static class WholeBytes { @OnMessage public void on(byte[] m) { } }
    @ServerEndpoint("/s") public static class PartialBytes { @OnMessage public void on(boolean l, byte[] m) { } }
    @ServerEndpoint("/s") public static class BinaryStream { @OnMessage public void on(InputStream m) { } }
    @ServerEndpoint("/s") public static class Pong { @OnMessage public void on(PongMessage m) { } }

    @ServerEndpoint(value = "/s", decoders = FooTextDecoder.class)
    public static class DecodedText {
        @OnMessage
        public void on(Foo m) {
        }
    }

    @ServerEndpoint(value = "/s", decoders = {FooTextDecoder.class, BarBinaryDecoder.class})
    public static class DecodedBinary {
        @OnMessage
        public void on(Bar m) {
        }
    }

    /** A declared decoder wins over the built-in conversion of primitives. */
    @ServerEndpoint(value = "/s", decoders = IntegerTextDecoder.class)
    public static class DecodedInt {
        @OnMessage
        public void on(int m) {
        }
    }

    /** A decoder producing a subtype serves a supertype parameter. */
    @ServerEndpoint(value = "/s", decoders = FooTextDecoder.class)
    public static class DecodedSupertype {
        @OnMessage
        public void on(Record m) {
        }
    }

    static Stream<Arguments> messageForms() {
        return Stream.of(
                Arguments.of(WholeString.class, MessageKind.TEXT, DeliveryMode.WHOLE, String.class),
                Arguments.of(PartialString.class, MessageKind.TEXT, DeliveryMode.PARTIAL, String.class),
                Arguments.of(LastFirst.class, MessageKind.TEXT, DeliveryMode.PARTIAL, String.class),
                Arguments.of(TextReader.class, MessageKind.TEXT, DeliveryMode.STREAM, Reader.class),
                Arguments.of(WholeInt.class, MessageKind.TEXT, DeliveryMode.WHOLE, int.class),
                Arguments.of(WholeBoolean.class, MessageKind.TEXT, DeliveryMode.WHOLE, boolean.class),
                Arguments.of(WholeCharacter.class, MessageKind.TEXT, DeliveryMode.WHOLE, Character.class),
                Arguments.of(WholeBuffer.class, MessageKind.BINARY, DeliveryMode.WHOLE, ByteBuffer.class),
                Arguments.of(PartialBuffer.class, MessageKind.BINARY, DeliveryMode.PARTIAL, ByteBuffer.class),
                Arguments.of(WholeBytes.class, MessageKind.BINARY, DeliveryMode.WHOLE, byte[].class),
                Arguments.of(PartialBytes.class, MessageKind.BINARY, DeliveryMode.PARTIAL, byte[].class),
                Arguments.of(BinaryStream.class, MessageKind.BINARY, DeliveryMode.STREAM, InputStream.class),
                Arguments.of(Pong.class, MessageKind.PONG, DeliveryMode.WHOLE, PongMessage.class),
                Arguments.of(DecodedText.class, MessageKind.TEXT, DeliveryMode.WHOLE, Foo.class),
                Arguments.of(DecodedBinary.class, MessageKind.BINARY, DeliveryMode.WHOLE, Bar.class),
                Arguments.of(DecodedInt.class, MessageKind.TEXT, DeliveryMode.WHOLE, int.class),
                Arguments.of(DecodedSupertype.class, MessageKind.TEXT, DeliveryMode.WHOLE, Record.class));
    }

    @ParameterizedTest
    @MethodSource("messageForms")
    void classifiesMessageParameters(Class<?> endpoint, MessageKind kind, DeliveryMode mode, Class<?> payload)
            throws Exception {
        AnnotatedEndpointModel model = AnnotatedEndpointScanner.scan(endpoint);
        MessageMethod message = model.message(kind);
        assertEquals(kind, message.kind());
        assertEquals(mode, message.deliveryMode());
        assertSame(payload, message.payloadType());
        assertEquals(-1, message.maxMessageSize());
        assertFalse(message.returnsValue());
        assertSame(void.class, message.returnType());
        for (MessageKind other : MessageKind.values()) {
            if (other != kind) {
                assertNull(model.message(other), other + " should be absent");
            }
        }
    }

    @Test
    void nativeAndPrimitivePayloadsHaveNoDecoders() throws Exception {
        for (Class<?> endpoint : List.of(WholeString.class, WholeInt.class, WholeBuffer.class, Pong.class)) {
            AnnotatedEndpointModel model = AnnotatedEndpointScanner.scan(endpoint);
            MessageMethod message = Stream.of(MessageKind.values()).map(model::message)
                    .filter(m -> m != null).findFirst().orElseThrow();
            assertFalse(message.isDecoded(), endpoint.getSimpleName());
            assertEquals(List.of(), message.decoders());
        }
    }

    @ServerEndpoint(value = "/s", decoders = {FooBinaryDecoder.class, FooTextStreamDecoder.class,
            IntegerTextDecoder.class, FooTextDecoder.class})
    public static class DecodedChain {
        @OnMessage
        public void on(Foo m) {
        }
    }

    @Test
    void decodedTypeWithTextAndBinaryDecodersHandlesBothKindsThroughOneMethod() throws Exception {
        AnnotatedEndpointModel model = AnnotatedEndpointScanner.scan(DecodedChain.class);
        MessageMethod text = model.textMessage();
        MessageMethod binary = model.binaryMessage();
        assertTrue(text.isDecoded());
        assertEquals(List.of(FooTextStreamDecoder.class, FooTextDecoder.class),
                text.decoders().stream().map(DecoderDefinition::type).toList(), "text decoders in declared order");
        assertEquals(List.of(FooBinaryDecoder.class),
                binary.decoders().stream().map(DecoderDefinition::type).toList());
        assertEquals(text.method(), binary.method());
        assertEquals(DeliveryMode.WHOLE, binary.deliveryMode());
    }

    @ServerEndpoint("/s")
    public static class Limited {
        @OnMessage(maxMessageSize = 5)
        public String on(String m) {
            return m;
        }

        @OnMessage(maxMessageSize = Integer.MAX_VALUE)
        public ByteBuffer on(ByteBuffer m) {
            return m;
        }
    }

    @Test
    void exposesMaxMessageSizeAndReturnType() throws Exception {
        AnnotatedEndpointModel model = AnnotatedEndpointScanner.scan(Limited.class);
        assertEquals(5, model.textMessage().maxMessageSize());
        assertTrue(model.textMessage().returnsValue());
        assertSame(String.class, model.textMessage().returnType());
        assertEquals(Integer.MAX_VALUE, model.binaryMessage().maxMessageSize());
        assertSame(ByteBuffer.class, model.binaryMessage().returnType());
    }

    // ---- invocation ----

    @ServerEndpoint("/rooms/{room}/{seat}")
    public static class Recorder {
        final List<Object> calls = new ArrayList<>();

        @OnOpen
        public void open(@PathParam("room") String room, EndpointConfig config, Session session,
                @PathParam("seat") int seat) {
            calls.add(List.of("open", room, config, session, seat));
        }

        @OnMessage
        public String text(Session session, String part, @PathParam("seat") Integer seat, boolean last) {
            calls.add(List.of("text", session, part, seat, last));
            return part.toUpperCase();
        }

        @OnMessage
        public void binary(ByteBuffer bytes, @PathParam("nowhere") String unknown) {
            calls.add(java.util.Arrays.asList("binary", bytes, unknown));
        }

        @OnMessage
        public void pong(PongMessage pong) {
            calls.add(List.of("pong", pong));
        }

        @OnError
        public void error(Throwable error, Session session) {
            calls.add(List.of("error", error, session));
        }

        @OnClose
        public void close(CloseReason reason, @PathParam("{room}") String room) { // braces as in the template
            calls.add(List.of("close", reason, room));
        }
    }

    private static final Map<String, String> ROOM_PARAMETERS = Map.of("room", "lobby", "seat", "12");

    @Test
    void invokesOnOpenWithResolvedParameters() throws Throwable {
        AnnotatedEndpointModel model = AnnotatedEndpointScanner.scan(Recorder.class);
        Recorder endpoint = (Recorder) model.newInstance();
        assertNull(model.onOpen().invoke(endpoint, Invocations.open(ROOM_PARAMETERS)));
        assertEquals(List.of(List.of("open", "lobby", Invocations.CONFIG, Invocations.SESSION, 12)), endpoint.calls);
    }

    @Test
    void invokesPartialTextAndReturnsTheValueToSend() throws Throwable {
        AnnotatedEndpointModel model = AnnotatedEndpointScanner.scan(Recorder.class);
        Recorder endpoint = new Recorder();
        MessageMethod text = model.textMessage();
        assertEquals(DeliveryMode.PARTIAL, text.deliveryMode());
        assertEquals("HEL", text.invoke(endpoint, Invocations.message("hel", false, ROOM_PARAMETERS)));
        assertEquals("LO", text.invoke(endpoint, Invocations.message("lo", true, ROOM_PARAMETERS)));
        assertEquals(List.of(List.of("text", Invocations.SESSION, "hel", 12, false),
                List.of("text", Invocations.SESSION, "lo", 12, true)), endpoint.calls);
    }

    @Test
    void pathParamNamingNoVariableIsNull() throws Throwable {
        AnnotatedEndpointModel model = AnnotatedEndpointScanner.scan(Recorder.class);
        Recorder endpoint = new Recorder();
        ByteBuffer bytes = ByteBuffer.wrap(new byte[] {1, 2});
        assertNull(model.binaryMessage().invoke(endpoint, Invocations.message(bytes, true, ROOM_PARAMETERS)));
        assertEquals(List.of(java.util.Arrays.asList("binary", bytes, null)), endpoint.calls);
    }

    @Test
    void invokesPongErrorAndClose() throws Throwable {
        AnnotatedEndpointModel model = AnnotatedEndpointScanner.scan(Recorder.class);
        Recorder endpoint = new Recorder();
        PongMessage pong = () -> ByteBuffer.allocate(0);
        IllegalStateException failure = new IllegalStateException("boom");
        CloseReason reason = new CloseReason(CloseReason.CloseCodes.GOING_AWAY, "bye");
        model.pongMessage().invoke(endpoint, Invocations.message(pong, true, Map.of()));
        model.onError().invoke(endpoint, Invocations.error(failure));
        model.onClose().invoke(endpoint, new Invocations.Call(Invocations.SESSION, Invocations.CONFIG,
                ROOM_PARAMETERS, null, true, null, reason));
        assertEquals(List.of(List.of("pong", pong), List.of("error", failure, Invocations.SESSION),
                List.of("close", reason, "lobby")), endpoint.calls);
    }

    @Test
    void unconvertiblePathParameterRaisesDecodeException() throws Exception {
        AnnotatedEndpointModel model = AnnotatedEndpointScanner.scan(Recorder.class);
        DecodeException e = assertThrows(DecodeException.class, () -> model.onOpen().invoke(new Recorder(),
                Invocations.open(Map.of("room", "lobby", "seat", "twelve"))));
        assertEquals("Path parameter 'seat' value 'twelve' cannot be converted to int", e.getMessage());
        assertEquals("twelve", e.getText());
    }

    @ServerEndpoint("/s")
    public static class Throwing {
        static final RuntimeException FAILURE = new IllegalArgumentException("from the endpoint");

        @OnMessage
        public void on(int value) throws Exception {
            if (value < 0) {
                throw new java.io.IOException("negative");
            }
            throw FAILURE;
        }
    }

    @Test
    void exceptionsFromTheMethodPropagateUnwrapped() throws Exception {
        AnnotatedEndpointModel model = AnnotatedEndpointScanner.scan(Throwing.class);
        MessageMethod method = model.textMessage();
        Throwable thrown = assertThrows(Throwable.class,
                () -> method.invoke(new Throwing(), Invocations.message(7, true, Map.of())));
        assertSame(Throwing.FAILURE, thrown);
        Throwable checked = assertThrows(Throwable.class,
                () -> method.invoke(new Throwing(), Invocations.message(-1, true, Map.of())));
        assertEquals("java.io.IOException: negative", checked.toString());
    }

    @ServerEndpoint("/s")
    public static class NoParameters {
        int opened;

        @OnOpen
        public void open() {
            opened++;
        }
    }

    @Test
    void invokesMethodsWithoutParameters() throws Throwable {
        AnnotatedEndpointModel model = AnnotatedEndpointScanner.scan(NoParameters.class);
        NoParameters endpoint = new NoParameters();
        model.onOpen().invoke(endpoint, Invocations.open(Map.of()));
        model.onOpen().invoke(endpoint, Invocations.open(Map.of()));
        assertEquals(2, endpoint.opened);
    }

    @ClientEndpoint
    public static class ClientWithPathParam {
        String seen = "unset";

        @OnOpen
        public void open(@PathParam("room") String room) {
            seen = room;
        }
    }

    @Test
    void pathParamOnClientEndpointIsNull() throws Throwable {
        AnnotatedEndpointModel model = AnnotatedEndpointScanner.scan(ClientWithPathParam.class);
        ClientWithPathParam endpoint = new ClientWithPathParam();
        model.onOpen().invoke(endpoint, Invocations.open(Map.of("room", "ignored")));
        assertNull(endpoint.seen);
    }

    /** Client endpoints need not be public (the spec only requires that of server endpoints). */
    @ClientEndpoint
    static class PackagePrivateClient {
        String received;

        @OnMessage
        public void on(String message) {
            received = message;
        }
    }

    @Test
    void nonPublicClientEndpointIsScannedAndInvokedButNotInstantiable() throws Throwable {
        AnnotatedEndpointModel model = AnnotatedEndpointScanner.scan(PackagePrivateClient.class);
        PackagePrivateClient endpoint = new PackagePrivateClient();
        model.textMessage().invoke(endpoint, Invocations.message("hi", true, Map.of()));
        assertEquals("hi", endpoint.received);
        // its implicit constructor is package-private, so only an instance passed by the application can be used
        DeploymentException e = assertThrows(DeploymentException.class, model::validateInstantiable);
        assertEquals(PackagePrivateClient.class.getName()
                + ": an endpoint class must have a public no-arg constructor", e.getMessage());
    }

    @Test
    void decodedMethodReceivesTheDecodedObject() throws Throwable {
        AnnotatedEndpointModel model = AnnotatedEndpointScanner.scan(RecordingDecoded.class);
        RecordingDecoded endpoint = new RecordingDecoded();
        Foo foo = new Foo("x");
        model.textMessage().invoke(endpoint, Invocations.message(foo, true, Map.of()));
        assertSame(foo, endpoint.received);
    }

    @ServerEndpoint(value = "/s", decoders = FooTextDecoder.class)
    public static class RecordingDecoded {
        Foo received;

        @OnMessage
        public void on(Foo foo) {
            received = foo;
        }
    }
}
