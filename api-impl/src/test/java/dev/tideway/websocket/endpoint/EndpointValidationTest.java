package dev.tideway.websocket.endpoint;

import dev.tideway.websocket.endpoint.TestCoders.Foo;
import dev.tideway.websocket.endpoint.TestCoders.FooTextDecoder;
import dev.tideway.websocket.endpoint.TestCoders.NoConstructorDecoder;
import dev.tideway.websocket.endpoint.TestCoders.RawEncoder;
import jakarta.websocket.ClientEndpoint;
import jakarta.websocket.CloseReason;
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
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Every invalid endpoint fails to scan with a DeploymentException naming the class, the method and the rule. */
class EndpointValidationTest {

    // ---- duplicate callbacks (§4.4-§4.7) ----

    @ServerEndpoint("/x")
    public static class TwoText {
        @OnMessage public void a(String m) { }
        @OnMessage public void b(Reader m) { }
    }

    @ServerEndpoint("/x")
    public static class TwoBinary {
        @OnMessage public void a(InputStream m) { }
        @OnMessage public void b(byte[] m, boolean last) { }
    }

    @ServerEndpoint("/x")
    public static class TwoPong {
        @OnMessage public void a(PongMessage m) { }
        @OnMessage public void b(PongMessage m, Session s) { }
    }

    @ServerEndpoint(value = "/x", decoders = FooTextDecoder.class)
    public static class DecodedAndString {
        @OnMessage public void a(Foo m) { }
        @OnMessage public void b(String m, boolean last) { }
    }

    @ServerEndpoint("/x")
    public static class TwoOpen {
        @OnOpen public void a() { }
        @OnOpen public void b(Session s) { }
    }

    @ServerEndpoint("/x")
    public static class TwoClose {
        @OnClose public void a(Session s) { }
        @OnClose public void b(Session s, CloseReason r) { }
    }

    @ServerEndpoint("/x")
    public static class TwoError {
        @OnError public void a(Throwable t) { }
        @OnError public void b(Session s, Throwable t) { }
    }

    // ---- parameters not allowed for the annotation ----

    @ServerEndpoint("/x")
    public static class OpenWithString {
        @OnOpen public void open(Session s, String extra) { }
    }

    @ServerEndpoint("/x")
    public static class CloseWithException {
        @OnClose public void close(Session s, Exception e) { }
    }

    @ServerEndpoint("/x")
    public static class ErrorWithCloseReason {
        @OnError public void error(Session s, Throwable t, CloseReason r) { }
    }

    @ServerEndpoint("/x")
    public static class OpenWithCloseReason {
        @OnOpen public void open(CloseReason r) { }
    }

    @ServerEndpoint("/x")
    public static class CloseWithEndpointConfig {
        @OnClose public void close(EndpointConfig c) { }
    }

    @ServerEndpoint("/x")
    public static class ErrorWithoutThrowable {
        @OnError public void error(Session s) { }
    }

    @ServerEndpoint("/x")
    public static class ErrorWithException {
        @OnError public void error(Exception e) { }
    }

    @ServerEndpoint("/x")
    public static class OpenWithTwoSessions {
        @OnOpen public void open(Session a, Session b) { }
    }

    @ServerEndpoint("/x")
    public static class ErrorWithTwoThrowables {
        @OnError public void error(Throwable a, Throwable b) { }
    }

    // ---- @OnMessage forms (the @OnMessage API documentation) ----

    @ServerEndpoint("/x")
    public static class TwoStrings {
        @OnMessage public void onText(String a, String b) { }
    }

    @ServerEndpoint("/x")
    public static class StringAndInt {
        @OnMessage public void onText(String m, int last) { }
    }

    @ServerEndpoint("/x")
    public static class BufferAndInt {
        @OnMessage public void on(ByteBuffer m, int last) { }
    }

    @ServerEndpoint("/x")
    public static class TwoBooleans {
        @OnMessage public void on(boolean a, boolean b) { }
    }

    @ServerEndpoint("/x")
    public static class ThreeCandidates {
        @OnMessage public void on(String m, boolean last, boolean again) { }
    }

    @ServerEndpoint("/x")
    public static class ReaderAndBoolean {
        @OnMessage public void on(Reader m, boolean last) { }
    }

    @ServerEndpoint("/x")
    public static class InputStreamAndBoolean {
        @OnMessage public void on(InputStream m, boolean last) { }
    }

    @ServerEndpoint("/x")
    public static class PongAndBoolean {
        @OnMessage public void on(PongMessage m, boolean last) { }
    }

    @ServerEndpoint("/x")
    public static class IntegerAndBoolean {
        @OnMessage public void on(Integer m, boolean last) { }
    }

    @ServerEndpoint(value = "/x", decoders = FooTextDecoder.class)
    public static class DecodedAndBoolean {
        @OnMessage public void on(Foo m, boolean last) { }
    }

    @ServerEndpoint("/x")
    public static class NoMessageParameter {
        @OnMessage public void on(Session s) { }
    }

    @ServerEndpoint("/x")
    public static class NoDecoder {
        @OnMessage public void on(BigDecimal m) { }
    }

    @ServerEndpoint(value = "/x", decoders = FooTextDecoder.class)
    public static class DecoderForAnotherType {
        @OnMessage public void on(StringBuilder m) { }
    }

    @ServerEndpoint("/x")
    public static class MaxMessageSizeTooLarge {
        @OnMessage(maxMessageSize = Integer.MAX_VALUE + 1L) public void on(String m) { }
    }

    @ServerEndpoint("/x")
    public static class MaxMessageSizeNegative {
        @OnMessage(maxMessageSize = -2) public void on(byte[] m) { }
    }

    // ---- @PathParam (§4.3) ----

    @ServerEndpoint("/x/{arg}")
    public static class PathParamOfBuilderOnOpen {
        @OnOpen public void open(Session s, @PathParam("arg") StringBuilder arg) { }
    }

    @ServerEndpoint("/x/{arg}")
    public static class PathParamOfObjectOnMessage {
        @OnMessage public void on(String m, @PathParam("arg") Object arg) { }
    }

    @ServerEndpoint("/x/{arg}")
    public static class PathParamOfSessionOnError {
        @OnError public void error(Throwable t, @PathParam("arg") Session arg) { }
    }

    @ServerEndpoint("/x/{arg}")
    public static class PathParamOfArrayOnClose {
        @OnClose public void close(@PathParam("arg") int[] arg) { }
    }

    @ServerEndpoint("/x/{arg}")
    public static class PrimitivePathParamNotInPath {
        @OnOpen public void open(@PathParam("other") long other) { }
    }

    @ClientEndpoint
    public static class PrimitivePathParamOnClient {
        @OnOpen public void open(@PathParam("room") int room) { }
    }

    @ServerEndpoint("/x/{arg}")
    public static class EmptyPathParamName {
        @OnOpen public void open(@PathParam("") String arg) { }
    }

    // ---- method modifiers and annotations ----

    @ServerEndpoint("/x")
    public static class StaticMethod {
        @OnMessage public static void on(String m) { }
    }

    @ServerEndpoint("/x")
    public static class PackagePrivateMethod {
        @OnOpen void open() { }
    }

    @ServerEndpoint("/x")
    public static class ProtectedMethod {
        @OnClose protected void close() { }
    }

    @ServerEndpoint("/x")
    public static class PrivateMethod {
        @OnError private void error(Throwable t) { }
    }

    @ServerEndpoint("/x")
    public static class TwoAnnotationsOnOneMethod {
        @OnOpen @OnClose public void both(Session s) { }
    }

    // ---- the class ----

    @ServerEndpoint("/x")
    public abstract static class AbstractEndpoint {
    }

    @ServerEndpoint("/x")
    public interface InterfaceEndpoint {
    }

    @ServerEndpoint("/x")
    static class PackagePrivateEndpoint {
    }

    public static class NotAnnotated {
        @OnMessage public void on(String m) { }
    }

    @ServerEndpoint("/x")
    @ClientEndpoint
    public static class BothAnnotations {
    }

    @ServerEndpoint("")
    public static class EmptyPath {
    }

    @ServerEndpoint("/rooms/{id}/{id}")
    public static class RepeatedVariable {
    }

    @ServerEndpoint("/rooms/id{x}")
    public static class PartialSegmentVariable {
    }

    @ServerEndpoint(value = "/x", decoders = NoConstructorDecoder.class)
    public static class BadDecoder {
    }

    @ClientEndpoint(encoders = RawEncoder.class)
    public static class BadEncoder {
    }

    public static class ConfiguratorWithoutNoArgConstructor extends ServerEndpointConfig.Configurator {
        public ConfiguratorWithoutNoArgConstructor(String unused) {
        }
    }

    @ServerEndpoint(value = "/x", configurator = ConfiguratorWithoutNoArgConstructor.class)
    public static class BadConfigurator {
    }

    private static Arguments invalid(Class<?> endpoint, String where, String rule) {
        String prefix = where == null ? endpoint.getName() : endpoint.getName() + "." + where;
        return Arguments.of(endpoint, prefix + ": " + rule);
    }

    static Stream<Arguments> invalidEndpoints() {
        String partsRule = " messages cannot be received in parts: only String, ByteBuffer and byte[] may be"
                + " paired with a boolean 'last' parameter";
        String pathParamType = " parameter has type %s, but only String, primitives and their wrappers are allowed";
        return Stream.of(
                invalid(TwoText.class, "b(Reader)", "an endpoint may have only one @OnMessage method for TEXT"
                        + " messages, but " + TwoText.class.getName() + ".a(String) handles them too"),
                invalid(TwoBinary.class, "b(byte[], boolean)", "an endpoint may have only one @OnMessage method"
                        + " for BINARY messages, but " + TwoBinary.class.getName() + ".a(InputStream) handles them"
                        + " too"),
                invalid(TwoPong.class, "b(PongMessage, Session)", "an endpoint may have only one @OnMessage method"
                        + " for PONG messages, but " + TwoPong.class.getName() + ".a(PongMessage) handles them too"),
                invalid(DecodedAndString.class, "b(String, boolean)", "an endpoint may have only one @OnMessage"
                        + " method for TEXT messages, but " + DecodedAndString.class.getName()
                        + ".a(Foo) handles them too"),
                invalid(TwoOpen.class, "b(Session)", "an endpoint may have only one @OnOpen method, but "
                        + TwoOpen.class.getName() + ".a() has it too"),
                invalid(TwoClose.class, "b(Session, CloseReason)", "an endpoint may have only one @OnClose method,"
                        + " but " + TwoClose.class.getName() + ".a(Session) has it too"),
                invalid(TwoError.class, "b(Session, Throwable)", "an endpoint may have only one @OnError method,"
                        + " but " + TwoError.class.getName() + ".a(Throwable) has it too"),

                invalid(OpenWithString.class, "open(Session, String)", "a parameter of type String is not allowed"
                        + " in @OnOpen methods (allowed: Session, EndpointConfig and @PathParam parameters)"),
                invalid(CloseWithException.class, "close(Session, Exception)", "a parameter of type Exception is"
                        + " not allowed in @OnClose methods (allowed: Session, CloseReason and @PathParam"
                        + " parameters)"),
                invalid(ErrorWithCloseReason.class, "error(Session, Throwable, CloseReason)", "a parameter of type"
                        + " CloseReason is not allowed in @OnError methods (allowed: Session, Throwable and"
                        + " @PathParam parameters)"),
                invalid(OpenWithCloseReason.class, "open(CloseReason)", "a parameter of type CloseReason is not"
                        + " allowed in @OnOpen methods (allowed: Session, EndpointConfig and @PathParam"
                        + " parameters)"),
                invalid(CloseWithEndpointConfig.class, "close(EndpointConfig)", "a parameter of type"
                        + " EndpointConfig is not allowed in @OnClose methods (allowed: Session, CloseReason and"
                        + " @PathParam parameters)"),
                invalid(ErrorWithoutThrowable.class, "error(Session)",
                        "@OnError methods must have a Throwable parameter"),
                invalid(ErrorWithException.class, "error(Exception)", "a parameter of type Exception is not"
                        + " allowed in @OnError methods (allowed: Session, Throwable and @PathParam parameters)"),
                invalid(OpenWithTwoSessions.class, "open(Session, Session)",
                        "@OnOpen methods may have at most one Session parameter"),
                invalid(ErrorWithTwoThrowables.class, "error(Throwable, Throwable)",
                        "@OnError methods may have at most one Throwable parameter"),

                invalid(TwoStrings.class, "onText(String, String)",
                        "@OnMessage may have at most one message parameter"),
                invalid(StringAndInt.class, "onText(String, int)",
                        "@OnMessage may have at most one message parameter"),
                invalid(BufferAndInt.class, "on(ByteBuffer, int)",
                        "@OnMessage may have at most one message parameter"),
                invalid(TwoBooleans.class, "on(boolean, boolean)",
                        "@OnMessage may have at most one message parameter"),
                invalid(ThreeCandidates.class, "on(String, boolean, boolean)",
                        "@OnMessage may have at most one message parameter"),
                invalid(ReaderAndBoolean.class, "on(Reader, boolean)", "Reader" + partsRule),
                invalid(InputStreamAndBoolean.class, "on(InputStream, boolean)", "InputStream" + partsRule),
                invalid(PongAndBoolean.class, "on(PongMessage, boolean)", "PongMessage" + partsRule),
                invalid(IntegerAndBoolean.class, "on(Integer, boolean)", "Integer" + partsRule),
                invalid(DecodedAndBoolean.class, "on(Foo, boolean)", "Foo" + partsRule),
                invalid(NoMessageParameter.class, "on(Session)", "@OnMessage methods must have a message parameter"),
                invalid(NoDecoder.class, "on(BigDecimal)", "no decoder of the endpoint produces"
                        + " java.math.BigDecimal: a message parameter must be String, Reader, ByteBuffer, byte[],"
                        + " InputStream, PongMessage, a primitive or wrapper, or a type one of the endpoint's"
                        + " decoders produces"),
                invalid(DecoderForAnotherType.class, "on(StringBuilder)", "no decoder of the endpoint produces"
                        + " java.lang.StringBuilder: a message parameter must be String, Reader, ByteBuffer, byte[],"
                        + " InputStream, PongMessage, a primitive or wrapper, or a type one of the endpoint's"
                        + " decoders produces"),
                invalid(MaxMessageSizeTooLarge.class, "on(String)", "@OnMessage(maxMessageSize = 2147483648) must"
                        + " be -1 (no limit) or between 0 and Integer.MAX_VALUE"),
                invalid(MaxMessageSizeNegative.class, "on(byte[])", "@OnMessage(maxMessageSize = -2) must be -1"
                        + " (no limit) or between 0 and Integer.MAX_VALUE"),

                invalid(PathParamOfBuilderOnOpen.class, "open(Session, StringBuilder)",
                        "@PathParam(\"arg\")" + pathParamType.formatted("StringBuilder")),
                invalid(PathParamOfObjectOnMessage.class, "on(String, Object)",
                        "@PathParam(\"arg\")" + pathParamType.formatted("Object")),
                invalid(PathParamOfSessionOnError.class, "error(Throwable, Session)",
                        "@PathParam(\"arg\")" + pathParamType.formatted("Session")),
                invalid(PathParamOfArrayOnClose.class, "close(int[])",
                        "@PathParam(\"arg\")" + pathParamType.formatted("int[]")),
                invalid(PrimitivePathParamNotInPath.class, "open(long)", "@PathParam(\"other\") names no variable"
                        + " of the path '/x/{arg}', so its value is null, which the primitive type long cannot hold;"
                        + " use String or a wrapper type"),
                invalid(PrimitivePathParamOnClient.class, "open(int)", "@PathParam(\"room\") names no variable of"
                        + " this client endpoint (client endpoints have no path), so its value is null, which the"
                        + " primitive type int cannot hold; use String or a wrapper type"),
                invalid(EmptyPathParamName.class, "open(String)",
                        "@PathParam must name a path variable, but its value is empty"),

                invalid(StaticMethod.class, "on(String)", "@OnMessage methods must not be static"),
                invalid(PackagePrivateMethod.class, "open()", "@OnOpen methods must be public"),
                invalid(ProtectedMethod.class, "close()", "@OnClose methods must be public"),
                invalid(PrivateMethod.class, "error(Throwable)", "@OnError methods must be public"),
                invalid(TwoAnnotationsOnOneMethod.class, "both(Session)", "a method may carry only one of @OnOpen,"
                        + " @OnClose, @OnError and @OnMessage, but it has @OnOpen and @OnClose"),

                invalid(AbstractEndpoint.class, null, "@ServerEndpoint classes must be concrete, not abstract"),
                invalid(InterfaceEndpoint.class, null, "@ServerEndpoint must be on a class, not an interface"),
                invalid(PackagePrivateEndpoint.class, null, "@ServerEndpoint classes must be public"),
                invalid(NotAnnotated.class, null,
                        "the class itself is not annotated with @ServerEndpoint or @ClientEndpoint"),
                invalid(BothAnnotations.class, null,
                        "a class may not be both a @ServerEndpoint and a @ClientEndpoint"),
                invalid(EmptyPath.class, null, "Invalid endpoint path '': it must start with '/'"),
                invalid(RepeatedVariable.class, null,
                        "Invalid endpoint path '/rooms/{id}/{id}': the variable {id} is used more than once"),
                invalid(PartialSegmentVariable.class, null, "Invalid endpoint path '/rooms/id{x}': a variable must"
                        + " be a whole segment, but the segment 'id{x}' mixes it with other text"),
                invalid(BadDecoder.class, null, NoConstructorDecoder.class.getName()
                        + ": a Decoder must have a public no-arg constructor"),
                invalid(BadEncoder.class, null, RawEncoder.class.getName() + ": cannot resolve the type argument"
                        + " of Encoder.Text; declare it with a concrete type, e.g. implements Encoder.Text<Foo>"),
                invalid(BadConfigurator.class, null, ConfiguratorWithoutNoArgConstructor.class.getName()
                        + ": a configurator must have a public no-arg constructor"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidEndpoints")
    void rejects(Class<?> endpoint, String expectedMessage) {
        DeploymentException e = assertThrows(DeploymentException.class, () -> AnnotatedEndpointScanner.scan(endpoint));
        assertEquals(expectedMessage, e.getMessage());
    }

    // ---- instantiability is checked on demand, not by scanning ----

    @ServerEndpoint("/x")
    public static class NoNoArgConstructor {
        public NoNoArgConstructor(String unused) {
        }
    }

    @ClientEndpoint
    public class InnerClient {
        @OnMessage public void on(String m) { }
    }

    @Test
    void missingNoArgConstructorFailsOnlyValidateInstantiable() throws Exception {
        AnnotatedEndpointModel model = AnnotatedEndpointScanner.scan(NoNoArgConstructor.class);
        DeploymentException e = assertThrows(DeploymentException.class, model::validateInstantiable);
        assertEquals(NoNoArgConstructor.class.getName() + ": an endpoint class must have a public no-arg constructor",
                e.getMessage());
        InstantiationException failure = assertThrows(InstantiationException.class, model::newInstance);
        assertEquals(e.getMessage(), failure.getMessage());
    }

    @Test
    void innerClassFailsOnlyValidateInstantiable() throws Exception {
        AnnotatedEndpointModel model = AnnotatedEndpointScanner.scan(InnerClient.class);
        DeploymentException e = assertThrows(DeploymentException.class, model::validateInstantiable);
        assertEquals(InnerClient.class.getName() + ": an endpoint class must be a top-level or static nested class"
                + " (an inner class has no no-arg constructor)", e.getMessage());
    }

    @ServerEndpoint("/x")
    public static class FailingConstructor {
        public FailingConstructor() {
            throw new IllegalStateException("no resources");
        }
    }

    @Test
    void constructorFailureIsTheCauseOfTheInstantiationException() throws Exception {
        AnnotatedEndpointModel model = AnnotatedEndpointScanner.scan(FailingConstructor.class);
        model.validateInstantiable();
        InstantiationException e = assertThrows(InstantiationException.class, model::newInstance);
        assertEquals("The constructor of " + FailingConstructor.class.getName()
                + " failed: java.lang.IllegalStateException: no resources", e.getMessage());
        assertEquals("no resources", e.getCause().getMessage());
    }
}
