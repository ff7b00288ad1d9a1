package dev.tideway.websocket.endpoint;

import dev.tideway.websocket.codec.MessageKind;

import dev.tideway.websocket.codec.DecoderDefinition;
import dev.tideway.websocket.codec.EncoderDefinition;
import dev.tideway.websocket.codec.Instantiator;
import jakarta.websocket.DeploymentException;

import java.util.List;

/**
 * Everything the container needs to know about one annotated endpoint class, found and validated once by
 * {@link AnnotatedEndpointScanner}: the class-level settings of {@code @ServerEndpoint} / {@code @ClientEndpoint}
 * and the callbacks, ready to invoke. Immutable and shared by all sessions of the endpoint.
 */
public final class AnnotatedEndpointModel {
    private final Class<?> endpointClass;
    private final boolean server;
    private final UriTemplate path;
    private final List<String> subprotocols;
    private final List<DecoderDefinition> decoders;
    private final List<EncoderDefinition> encoders;
    private final Instantiator configurator;
    private final EndpointMethod onOpen;
    private final EndpointMethod onClose;
    private final EndpointMethod onError;
    private final MessageMethod textMessage;
    private final MessageMethod binaryMessage;
    private final MessageMethod pongMessage;
    private final Instantiator instantiator;
    private final DeploymentException notInstantiable;

    AnnotatedEndpointModel(Class<?> endpointClass, EndpointDeclaration declaration, UriTemplate path,
            List<DecoderDefinition> decoders, List<EncoderDefinition> encoders, Instantiator configurator,
            CallbackSlots callbacks, Instantiation instantiation) {
        this.endpointClass = endpointClass;
        this.server = declaration.server();
        this.path = path;
        this.subprotocols = List.copyOf(declaration.subprotocols());
        this.decoders = List.copyOf(decoders);
        this.encoders = List.copyOf(encoders);
        this.configurator = configurator;
        this.onOpen = callbacks.open();
        this.onClose = callbacks.close();
        this.onError = callbacks.error();
        this.textMessage = callbacks.message(MessageKind.TEXT);
        this.binaryMessage = callbacks.message(MessageKind.BINARY);
        this.pongMessage = callbacks.message(MessageKind.PONG);
        this.instantiator = instantiation.instantiator();
        this.notInstantiable = instantiation.problem();
    }

    /**
     * Whether the endpoint class can be made by its public no-arg constructor, and if not, why.
     *
     * @param instantiator the constructor, or null
     * @param problem      why there is none, or null
     */
    record Instantiation(Instantiator instantiator, DeploymentException problem) {
    }

    /** The annotated class. */
    public Class<?> endpointClass() {
        return endpointClass;
    }

    /** True for a {@code @ServerEndpoint}, false for a {@code @ClientEndpoint}. */
    public boolean isServer() {
        return server;
    }

    /** The {@code @ServerEndpoint} path; null for a client endpoint. */
    public UriTemplate path() {
        return path;
    }

    /** The declared subprotocols in order of preference. */
    public List<String> subprotocols() {
        return subprotocols;
    }

    /** The declared decoders in declaration order. */
    public List<DecoderDefinition> decoders() {
        return decoders;
    }

    /** The declared encoders in declaration order. */
    public List<EncoderDefinition> encoders() {
        return encoders;
    }

    /**
     * The configurator: a {@code ServerEndpointConfig.Configurator} for server endpoints, a
     * {@code ClientEndpointConfig.Configurator} for client endpoints; the API's own class when none was named.
     */
    public Instantiator configurator() {
        return configurator;
    }

    /** The {@code @OnOpen} method, or null. */
    public EndpointMethod onOpen() {
        return onOpen;
    }

    /** The {@code @OnClose} method, or null. */
    public EndpointMethod onClose() {
        return onClose;
    }

    /** The {@code @OnError} method, or null. */
    public EndpointMethod onError() {
        return onError;
    }

    /** The {@code @OnMessage} method for text messages, or null. */
    public MessageMethod textMessage() {
        return textMessage;
    }

    /** The {@code @OnMessage} method for binary messages, or null. */
    public MessageMethod binaryMessage() {
        return binaryMessage;
    }

    /** The {@code @OnMessage} method for pong messages, or null. */
    public MessageMethod pongMessage() {
        return pongMessage;
    }

    /** The {@code @OnMessage} method for one message type, or null. */
    public MessageMethod message(MessageKind kind) {
        return switch (kind) {
            case TEXT -> textMessage;
            case BINARY -> binaryMessage;
            case PONG -> pongMessage;
        };
    }

    /**
     * Checks that the container itself can create instances: the class has a public no-arg constructor and is not
     * an inner class. This is separate from scanning because only the default configurator (and
     * {@code connectToServer(Class, URI)}) instantiate the class; an application whose configurator overrides
     * {@code getEndpointInstance}, or a client passing its own instance, needs no such constructor.
     *
     * @throws DeploymentException naming the class and what is missing
     */
    public void validateInstantiable() throws DeploymentException {
        if (notInstantiable != null) {
            throw new DeploymentException(notInstantiable.getMessage(), notInstantiable);
        }
    }

    /**
     * A new endpoint instance made by the public no-arg constructor, for the default configurator.
     *
     * @throws InstantiationException when the class has no usable constructor (see {@link #validateInstantiable()})
     *                                or the constructor threw (the cause)
     */
    public Object newInstance() throws InstantiationException {
        if (instantiator == null) {
            InstantiationException failure = new InstantiationException(notInstantiable.getMessage());
            failure.initCause(notInstantiable);
            throw failure;
        }
        return instantiator.newInstance();
    }

    @Override
    public String toString() {
        return (server ? "@ServerEndpoint(" + path + ") " : "@ClientEndpoint ") + endpointClass.getName();
    }
}
