package dev.tideway.websocket.endpoint;

import dev.tideway.websocket.endpoint.TestCoders.Foo;
import dev.tideway.websocket.endpoint.TestCoders.FooTextDecoder;
import jakarta.websocket.ClientEndpoint;
import jakarta.websocket.CloseReason;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Jakarta WebSocket §4.8 "WebSockets and Inheritance", in the shapes the TCK's spec/annotation/inheritance tests use:
 * annotated methods of a superclass are callbacks of an annotated subclass; an override hides the superclass
 * callback unless the override is itself annotated; a second callback of the same kind added by a subclass is
 * rejected; class-level annotations are not inherited.
 */
class InheritanceTest {

    /** Not an endpoint itself: it only carries annotated methods. */
    public static class AnnotatedSuperclass {
        final List<String> calls = new ArrayList<>();

        @OnOpen
        public void onOpen(Session session, EndpointConfig config) {
            calls.add("super.onOpen");
        }

        @OnMessage
        public void onMessage(String message) {
            calls.add("super.onMessage " + message);
        }

        @OnClose
        public void onClose(Session session, CloseReason reason) {
            calls.add("super.onClose");
        }

        @OnError
        public void onError(Session session, Throwable error) {
            calls.add("super.onError");
        }
    }

    @ClientEndpoint
    public static class InheritsEverything extends AnnotatedSuperclass {
    }

    @Test
    void subclassInheritsAnnotatedMethods() throws Throwable {
        AnnotatedEndpointModel model = AnnotatedEndpointScanner.scan(InheritsEverything.class);
        assertSame(AnnotatedSuperclass.class, model.onOpen().method().getDeclaringClass());
        assertSame(AnnotatedSuperclass.class, model.textMessage().method().getDeclaringClass());
        assertSame(AnnotatedSuperclass.class, model.onClose().method().getDeclaringClass());
        assertSame(AnnotatedSuperclass.class, model.onError().method().getDeclaringClass());
        InheritsEverything endpoint = new InheritsEverything();
        model.textMessage().invoke(endpoint, Invocations.message("hi", true, Map.of()));
        assertEquals(List.of("super.onMessage hi"), endpoint.calls);
    }

    @ClientEndpoint
    public static class OverridesWithAnnotations extends AnnotatedSuperclass {
        @OnOpen
        @Override
        public void onOpen(Session session, EndpointConfig config) {
            calls.add("sub.onOpen");
        }

        @OnMessage
        @Override
        public void onMessage(String message) {
            calls.add("sub.onMessage " + message);
        }
    }

    @Test
    void annotatedOverrideReplacesTheSuperclassCallback() throws Throwable {
        AnnotatedEndpointModel model = AnnotatedEndpointScanner.scan(OverridesWithAnnotations.class);
        assertSame(OverridesWithAnnotations.class, model.onOpen().method().getDeclaringClass());
        assertSame(OverridesWithAnnotations.class, model.textMessage().method().getDeclaringClass());
        assertSame(AnnotatedSuperclass.class, model.onClose().method().getDeclaringClass());
        OverridesWithAnnotations endpoint = new OverridesWithAnnotations();
        model.onOpen().invoke(endpoint, Invocations.open(Map.of()));
        model.textMessage().invoke(endpoint, Invocations.message("hi", true, Map.of()));
        assertEquals(List.of("sub.onOpen", "sub.onMessage hi"), endpoint.calls);
    }

    @ClientEndpoint
    public static class OverridesWithoutAnnotations extends AnnotatedSuperclass {
        @Override
        public void onMessage(String message) {
            calls.add("sub.onMessage " + message);
        }

        @Override
        public void onError(Session session, Throwable error) {
        }
    }

    @Test
    void unannotatedOverrideRemovesTheCallback() throws Exception {
        AnnotatedEndpointModel model = AnnotatedEndpointScanner.scan(OverridesWithoutAnnotations.class);
        assertNull(model.textMessage());
        assertNull(model.onError());
        assertSame(AnnotatedSuperclass.class, model.onOpen().method().getDeclaringClass());
    }

    /** Overridden without annotation in the middle of a three-level hierarchy. */
    public static class Middle extends AnnotatedSuperclass {
        @Override
        public void onOpen(Session session, EndpointConfig config) {
        }
    }

    @ClientEndpoint
    public static class Bottom extends Middle {
    }

    @Test
    void overrideAnywhereBelowTheAnnotatedMethodRemovesTheCallback() throws Exception {
        AnnotatedEndpointModel model = AnnotatedEndpointScanner.scan(Bottom.class);
        assertNull(model.onOpen());
        assertSame(AnnotatedSuperclass.class, model.textMessage().method().getDeclaringClass());
    }

    @ClientEndpoint
    public static class AddsSecondOnMessage extends AnnotatedSuperclass {
        @OnMessage
        public void gotMessage(String message) {
        }
    }

    @ClientEndpoint
    public static class AddsSecondOnOpen extends AnnotatedSuperclass {
        @OnOpen
        public void open(Session session, EndpointConfig config) {
        }
    }

    @ClientEndpoint
    public static class AddsSecondOnClose extends AnnotatedSuperclass {
        @OnClose
        public void close(Session session, CloseReason reason) {
        }
    }

    @ClientEndpoint
    public static class AddsSecondOnError extends AnnotatedSuperclass {
        @OnError
        public void gotError(Session session, Throwable error) {
        }
    }

    @Test
    void secondCallbackOfTheSameKindInASubclassIsRejected() {
        String superclass = AnnotatedSuperclass.class.getName();
        assertRejected(AddsSecondOnMessage.class, superclass + ".onMessage(String) (inherited by "
                + AddsSecondOnMessage.class.getName() + "): an endpoint may have only one @OnMessage method for TEXT"
                + " messages, but " + AddsSecondOnMessage.class.getName() + ".gotMessage(String) handles them too");
        assertRejected(AddsSecondOnOpen.class, superclass + ".onOpen(Session, EndpointConfig) (inherited by "
                + AddsSecondOnOpen.class.getName() + "): an endpoint may have only one @OnOpen method, but "
                + AddsSecondOnOpen.class.getName() + ".open(Session, EndpointConfig) has it too");
        assertRejected(AddsSecondOnClose.class, superclass + ".onClose(Session, CloseReason) (inherited by "
                + AddsSecondOnClose.class.getName() + "): an endpoint may have only one @OnClose method, but "
                + AddsSecondOnClose.class.getName() + ".close(Session, CloseReason) has it too");
        assertRejected(AddsSecondOnError.class, superclass + ".onError(Session, Throwable) (inherited by "
                + AddsSecondOnError.class.getName() + "): an endpoint may have only one @OnError method, but "
                + AddsSecondOnError.class.getName() + ".gotError(Session, Throwable) has it too");
    }

    @ServerEndpoint("/base")
    public static class AnnotatedBase {
        @OnMessage
        public String echo(String message) {
            return message;
        }
    }

    public static class UnannotatedSubclass extends AnnotatedBase {
    }

    @ServerEndpoint("/sub")
    public static class ReannotatedSubclass extends AnnotatedBase {
    }

    @Test
    void classLevelAnnotationIsNotInherited() throws Exception {
        assertRejected(UnannotatedSubclass.class, UnannotatedSubclass.class.getName()
                + ": the class itself is not annotated with @ServerEndpoint or @ClientEndpoint");
        AnnotatedEndpointModel model = AnnotatedEndpointScanner.scan(ReannotatedSubclass.class);
        assertEquals("/sub", model.path().template());
        assertSame(AnnotatedBase.class, model.textMessage().method().getDeclaringClass());
    }

    public static class PrivateCallbackSuperclass {
        @OnOpen
        private void open() {
        }
    }

    @ServerEndpoint("/x")
    public static class InheritsPrivateCallback extends PrivateCallbackSuperclass {
    }

    @Test
    void inheritedNonPublicCallbackIsRejectedNamingBothClasses() {
        assertRejected(InheritsPrivateCallback.class, PrivateCallbackSuperclass.class.getName()
                + ".open() (inherited by " + InheritsPrivateCallback.class.getName()
                + "): @OnOpen methods must be public");
    }

    // ---- generic superclasses ----

    public static class GenericBase<T> {
        final List<Object> received = new ArrayList<>();

        @OnMessage
        public void onMessage(T message) {
            received.add(message);
        }
    }

    @ServerEndpoint("/g")
    public static class StringEndpoint extends GenericBase<String> {
    }

    @ServerEndpoint(value = "/g", decoders = FooTextDecoder.class)
    public static class FooEndpoint extends GenericBase<Foo> {
    }

    @Test
    void typeVariableParameterIsResolvedThroughTheSubclass() throws Throwable {
        AnnotatedEndpointModel strings = AnnotatedEndpointScanner.scan(StringEndpoint.class);
        assertSame(String.class, strings.textMessage().payloadType());
        StringEndpoint endpoint = new StringEndpoint();
        strings.textMessage().invoke(endpoint, Invocations.message("hi", true, Map.of()));
        assertEquals(List.of("hi"), endpoint.received);

        AnnotatedEndpointModel foos = AnnotatedEndpointScanner.scan(FooEndpoint.class);
        assertSame(Foo.class, foos.textMessage().payloadType());
        assertEquals(List.of(FooTextDecoder.class), foos.textMessage().decoders().stream().map(d -> d.type()).toList());
    }

    @ServerEndpoint("/g")
    public static class AnnotatedGenericOverride extends GenericBase<String> {
        @OnMessage
        @Override
        public void onMessage(String message) {
            received.add("override " + message);
        }
    }

    @ServerEndpoint("/g")
    public static class UnannotatedGenericOverride extends GenericBase<String> {
        @Override
        public void onMessage(String message) {
        }
    }

    @Test
    void overridesOfGenericMethodsAreRecognisedThroughTheirBridges() throws Throwable {
        // javac copies the annotation onto the bridge onMessage(Object); it must not count as a second handler
        AnnotatedEndpointModel annotated = AnnotatedEndpointScanner.scan(AnnotatedGenericOverride.class);
        assertSame(AnnotatedGenericOverride.class, annotated.textMessage().method().getDeclaringClass());
        AnnotatedGenericOverride endpoint = new AnnotatedGenericOverride();
        annotated.textMessage().invoke(endpoint, Invocations.message("hi", true, Map.of()));
        assertEquals(List.of("override hi"), endpoint.received);
        // the bridge onMessage(Object) overrides GenericBase.onMessage(T), so no callback remains
        assertNull(AnnotatedEndpointScanner.scan(UnannotatedGenericOverride.class).textMessage());
    }

    /** Annotations on interface methods are not callbacks: §4.8 speaks of the class hierarchy only. */
    public interface AnnotatedInterface {
        @OnMessage
        default void onMessage(String message) {
        }
    }

    @ServerEndpoint("/i")
    public static class ImplementsAnnotatedInterface implements AnnotatedInterface {
    }

    @Test
    void interfaceMethodsAreNotScanned() throws Exception {
        assertNull(AnnotatedEndpointScanner.scan(ImplementsAnnotatedInterface.class).textMessage());
    }

    private static void assertRejected(Class<?> endpoint, String message) {
        DeploymentException e = assertThrows(DeploymentException.class, () -> AnnotatedEndpointScanner.scan(endpoint));
        assertEquals(message, e.getMessage());
    }
}
