package dev.tideway.websocket.endpoint;

import dev.tideway.websocket.codec.DecoderDefinition;
import dev.tideway.websocket.codec.DecoderLookup;
import dev.tideway.websocket.codec.EncoderDefinition;
import dev.tideway.websocket.codec.Instantiator;
import jakarta.websocket.ClientEndpoint;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a {@code @ServerEndpoint} or {@code @ClientEndpoint} class once into an {@link AnnotatedEndpointModel},
 * rejecting every invalid endpoint with a {@link DeploymentException} whose message names the class, the method
 * where there is one, and the rule broken. Programmatic {@code Endpoint} subclasses are not scanned.
 */
public final class AnnotatedEndpointScanner {

    private AnnotatedEndpointScanner() {
    }

    /**
     * Scans an annotated endpoint class.
     *
     * @throws DeploymentException when the class is not a valid annotated endpoint
     */
    public static AnnotatedEndpointModel scan(Class<?> endpointClass) throws DeploymentException {
        EndpointDeclaration declaration = declarationOf(endpointClass);
        checkClass(endpointClass, declaration);
        UriTemplate path = declaration.server() ? parsePath(endpointClass, declaration.path()) : null;
        List<DecoderDefinition> decoders = new ArrayList<>();
        for (Class<?> decoder : declaration.decoders()) {
            decoders.add(inContextOf(endpointClass, () -> DecoderDefinition.of(decoder)));
        }
        List<EncoderDefinition> encoders = new ArrayList<>();
        for (Class<?> encoder : declaration.encoders()) {
            encoders.add(inContextOf(endpointClass, () -> EncoderDefinition.of(encoder)));
        }
        Instantiator configurator =
                inContextOf(endpointClass, () -> Instantiator.of(declaration.configurator(), "a configurator"));
        CallbackSlots callbacks = bindCallbacks(endpointClass, new MethodBinder(endpointClass, path,
                new DecoderLookup(decoders)));
        return new AnnotatedEndpointModel(endpointClass, declaration, path, decoders, encoders, configurator,
                callbacks, instantiationOf(endpointClass));
    }

    private static EndpointDeclaration declarationOf(Class<?> endpointClass) throws DeploymentException {
        EndpointDeclaration server = ServerApi.serverEndpointOf(endpointClass);
        ClientEndpoint client = endpointClass.getDeclaredAnnotation(ClientEndpoint.class);
        if (server != null && client != null) {
            throw Describe.error(endpointClass, "a class may not be both a @ServerEndpoint and a @ClientEndpoint");
        }
        if (client != null) {
            return new EndpointDeclaration(false, null, List.of(client.subprotocols()), List.of(client.decoders()),
                    List.of(client.encoders()), client.configurator());
        }
        if (server == null) {
            // §4.8: class-level annotations are not inherited; a subclass of an endpoint is no endpoint
            throw Describe.error(endpointClass, "the class itself is not annotated with @ServerEndpoint or"
                    + " @ClientEndpoint");
        }
        return server;
    }

    /** §4.1: a server endpoint class must be public and concrete; no class with abstract parts can serve peers. */
    private static void checkClass(Class<?> endpointClass, EndpointDeclaration declaration)
            throws DeploymentException {
        String annotation = declaration.server() ? "@ServerEndpoint" : "@ClientEndpoint";
        if (endpointClass.isInterface()) {
            throw Describe.error(endpointClass, annotation + " must be on a class, not an interface");
        }
        if (Modifier.isAbstract(endpointClass.getModifiers())) {
            throw Describe.error(endpointClass, annotation + " classes must be concrete, not abstract");
        }
        if (declaration.server() && !Modifier.isPublic(endpointClass.getModifiers())) {
            throw Describe.error(endpointClass, "@ServerEndpoint classes must be public");
        }
    }

    private static UriTemplate parsePath(Class<?> endpointClass, String path) throws DeploymentException {
        return inContextOf(endpointClass, () -> UriTemplate.parse(path));
    }

    private static CallbackSlots bindCallbacks(Class<?> endpointClass, MethodBinder binder)
            throws DeploymentException {
        CallbackSlots callbacks = new CallbackSlots(endpointClass);
        for (AnnotatedMethods.AnnotatedMethod annotated : AnnotatedMethods.of(endpointClass)) {
            Method method = annotated.method();
            if (annotated.annotation() == OnOpen.class) {
                callbacks.setOpen(binder.bindOpen(method));
            } else if (annotated.annotation() == OnClose.class) {
                callbacks.setClose(binder.bindClose(method));
            } else if (annotated.annotation() == OnError.class) {
                callbacks.setError(binder.bindError(method));
            } else if (annotated.annotation() == OnMessage.class) {
                for (MessageMethod message : binder.bindMessage(method)) {
                    callbacks.addMessage(message);
                }
            }
        }
        return callbacks;
    }

    private static AnnotatedEndpointModel.Instantiation instantiationOf(Class<?> endpointClass) {
        try {
            return new AnnotatedEndpointModel.Instantiation(Instantiator.of(endpointClass, "an endpoint class"),
                    null);
        } catch (DeploymentException e) {
            return new AnnotatedEndpointModel.Instantiation(null, e);
        }
    }

    /** Runs a validation of something the endpoint declares, prefixing its error with the endpoint class. */
    private static <T> T inContextOf(Class<?> endpointClass, Validation<T> validation) throws DeploymentException {
        try {
            return validation.run();
        } catch (DeploymentException e) {
            throw new DeploymentException(endpointClass.getName() + ": " + e.getMessage(), e);
        }
    }

    @FunctionalInterface
    private interface Validation<T> {
        T run() throws DeploymentException;
    }
}
