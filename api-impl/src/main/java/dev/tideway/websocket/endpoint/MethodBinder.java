package dev.tideway.websocket.endpoint;

import dev.tideway.websocket.codec.MessageForm;
import dev.tideway.websocket.codec.MessageForms;

import dev.tideway.websocket.codec.DecoderLookup;
import dev.tideway.websocket.codec.GenericTypes;
import jakarta.websocket.CloseReason;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;

import java.lang.annotation.Annotation;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.Method;
import java.lang.reflect.Type;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.StringJoiner;

/**
 * Turns one annotated method of an endpoint into an {@link EndpointMethod} or {@link MessageMethod}: checks its
 * parameters against the rules of its annotation (Jakarta WebSocket §4.3-§4.7 and the {@code @OnMessage} API
 * documentation), chooses a {@link ParameterResolver} for each, and resolves the method handle.
 */
final class MethodBinder {
    private static final Map<Class<?>, ParameterResolver> OPEN_PARAMETERS =
            specials(Session.class, ParameterResolver.SESSION, EndpointConfig.class, ParameterResolver.CONFIG);
    private static final Map<Class<?>, ParameterResolver> CLOSE_PARAMETERS =
            specials(Session.class, ParameterResolver.SESSION, CloseReason.class, ParameterResolver.CLOSE_REASON);
    private static final Map<Class<?>, ParameterResolver> ERROR_PARAMETERS =
            specials(Session.class, ParameterResolver.SESSION, Throwable.class, ParameterResolver.ERROR);
    private static final Map<Class<?>, ParameterResolver> MESSAGE_PARAMETERS =
            Map.of(Session.class, ParameterResolver.SESSION);

    /** The payload types that may be paired with a {@code boolean last} parameter. */
    private static final Set<Class<?>> PARTIAL_TYPES = Set.of(String.class, ByteBuffer.class, byte[].class);

    private final Class<?> endpoint;
    private final UriTemplate path;
    private final DecoderLookup decoders;

    /**
     * @param endpoint the endpoint class (methods may be declared by its superclasses)
     * @param path     the server endpoint path; null for a client endpoint
     * @param decoders the endpoint's decoders
     */
    MethodBinder(Class<?> endpoint, UriTemplate path, DecoderLookup decoders) {
        this.endpoint = endpoint;
        this.path = path;
        this.decoders = decoders;
    }

    /** {@code @OnOpen}: optional Session, optional EndpointConfig, any number of {@code @PathParam}s (§4.4). */
    EndpointMethod bindOpen(Method method) throws DeploymentException {
        return bindParameters(method, OnOpen.class, OPEN_PARAMETERS, false).toEndpointMethod();
    }

    /** {@code @OnClose}: optional Session, optional CloseReason, any number of {@code @PathParam}s (§4.5). */
    EndpointMethod bindClose(Method method) throws DeploymentException {
        return bindParameters(method, OnClose.class, CLOSE_PARAMETERS, false).toEndpointMethod();
    }

    /** {@code @OnError}: optional Session, a mandatory Throwable, any number of {@code @PathParam}s (§4.6). */
    EndpointMethod bindError(Method method) throws DeploymentException {
        BoundParameters bound = bindParameters(method, OnError.class, ERROR_PARAMETERS, false);
        if (!bound.specialsSeen.contains(Throwable.class)) {
            throw Describe.error(endpoint, method, "@OnError methods must have a Throwable parameter");
        }
        return bound.toEndpointMethod();
    }

    /**
     * {@code @OnMessage}: exactly one message parameter (with a {@code boolean last} for the partial forms), an
     * optional Session and any number of {@code @PathParam}s, in any order.
     *
     * @return one MessageMethod, or two (text and binary) when the payload type has decoders of both kinds
     */
    List<MessageMethod> bindMessage(Method method) throws DeploymentException {
        BoundParameters bound = bindParameters(method, OnMessage.class, MESSAGE_PARAMETERS, true);
        MessageParameter message = messageParameterOf(bound);
        bound.resolvers[message.index] = ParameterResolver.MESSAGE;
        if (message.isPartial()) {
            bound.resolvers[message.lastIndex] = ParameterResolver.LAST;
        }
        long maxMessageSize = maxMessageSizeOf(method);
        Class<?> payload = bound.types[message.index];
        Class<?> returnType = resolved(method.getGenericReturnType(), method.getReturnType());
        EndpointMethod invoker = bound.toEndpointMethod();
        List<MessageMethod> forms = new ArrayList<>(2);
        for (MessageForm form : formsOf(method, payload, message.isPartial())) {
            forms.add(new MessageMethod(form.kind(), form.mode(), payload, form.decoders(), maxMessageSize, returnType,
                    invoker));
        }
        return forms;
    }

    /** Where the message parameter is, and the {@code boolean last} of the partial forms if there is one. */
    private record MessageParameter(int index, int lastIndex) {
        boolean isPartial() {
            return lastIndex >= 0;
        }
    }

    /**
     * Picks the message parameter among the parameters that are neither Session nor {@code @PathParam}: exactly
     * one, or two of which one is a primitive boolean (the 'last' flag) and the other a type that can come in parts.
     */
    private MessageParameter messageParameterOf(BoundParameters bound) throws DeploymentException {
        List<Integer> candidates = bound.unclaimed;
        if (candidates.isEmpty()) {
            throw Describe.error(endpoint, bound.method, "@OnMessage methods must have a message parameter");
        }
        if (candidates.size() == 1) {
            return new MessageParameter(candidates.get(0), -1);
        }
        boolean firstIsLast = bound.types[candidates.get(0)] == boolean.class;
        boolean secondIsLast = candidates.size() == 2 && bound.types[candidates.get(1)] == boolean.class;
        if (candidates.size() > 2 || firstIsLast == secondIsLast) {
            throw Describe.error(endpoint, bound.method, "@OnMessage may have at most one message parameter");
        }
        MessageParameter partial = firstIsLast ? new MessageParameter(candidates.get(1), candidates.get(0))
                : new MessageParameter(candidates.get(0), candidates.get(1));
        Class<?> payload = bound.types[partial.index];
        if (!PARTIAL_TYPES.contains(payload)) {
            throw Describe.error(endpoint, bound.method, payload.getSimpleName() + " messages cannot be received in"
                    + " parts: only String, ByteBuffer and byte[] may be paired with a boolean 'last' parameter");
        }
        return partial;
    }

    /** §4.7.1: larger than Integer.MAX_VALUE is a deployment error, since no String or ByteBuffer can be larger. */
    private long maxMessageSizeOf(Method method) throws DeploymentException {
        long maxMessageSize = method.getAnnotation(OnMessage.class).maxMessageSize();
        if (maxMessageSize > Integer.MAX_VALUE || maxMessageSize < -1) {
            throw Describe.error(endpoint, method, "@OnMessage(maxMessageSize = " + maxMessageSize
                    + ") must be -1 (no limit) or between 0 and Integer.MAX_VALUE");
        }
        return maxMessageSize;
    }

    /** Which message kind(s) and delivery a payload type means (the forms listed in the {@code @OnMessage} API). */
    private List<MessageForm> formsOf(Method method, Class<?> payload, boolean partial) throws DeploymentException {
        List<MessageForm> forms = MessageForms.of(payload, partial, decoders);
        if (forms.isEmpty()) {
            throw Describe.error(endpoint, method, "no decoder of the endpoint produces " + payload.getName()
                    + ": a message parameter must be String, Reader, ByteBuffer, byte[], InputStream, PongMessage,"
                    + " a primitive or wrapper, or a type one of the endpoint's decoders produces");
        }
        return forms;
    }

    /**
     * One pass over the parameters: {@code @PathParam}s and the annotation's special types get their resolvers;
     * anything else is an error, or, for {@code @OnMessage}, left unclaimed as a message-parameter candidate.
     */
    private BoundParameters bindParameters(Method method, Class<? extends Annotation> annotation,
            Map<Class<?>, ParameterResolver> specials, boolean leaveUnclaimed) throws DeploymentException {
        Type[] genericTypes = method.getGenericParameterTypes();
        Annotation[][] annotations = method.getParameterAnnotations();
        BoundParameters bound = new BoundParameters(method, method.getParameterCount());
        for (int i = 0; i < bound.types.length; i++) {
            Class<?> type = resolved(genericTypes[i], method.getParameterTypes()[i]);
            bound.types[i] = type;
            String pathParamName = ServerApi.pathParamName(annotations[i]);
            if (pathParamName != null) {
                bound.resolvers[i] = pathParam(method, pathParamName, type);
            } else if (specials.containsKey(type)) {
                if (!bound.specialsSeen.add(type)) {
                    throw Describe.error(endpoint, method, Describe.annotation(annotation)
                            + " methods may have at most one " + type.getSimpleName() + " parameter");
                }
                bound.resolvers[i] = specials.get(type);
            } else if (leaveUnclaimed) {
                bound.unclaimed.add(i);
            } else {
                StringJoiner allowed = new StringJoiner(", ", "", " and @PathParam parameters");
                specials.keySet().forEach(special -> allowed.add(special.getSimpleName()));
                throw Describe.error(endpoint, method, "a parameter of type " + type.getSimpleName()
                        + " is not allowed in " + Describe.annotation(annotation) + " methods (allowed: " + allowed
                        + ")");
            }
        }
        return bound;
    }

    private ParameterResolver pathParam(Method method, String name, Class<?> type) throws DeploymentException {
        if (name.isEmpty()) {
            throw Describe.error(endpoint, method, "@PathParam must name a path variable, but its value is empty");
        }
        if (!PathParamConverter.supports(type)) {
            throw Describe.error(endpoint, method, "@PathParam(\"" + name + "\") parameter has type "
                    + type.getSimpleName() + ", but only String, primitives and their wrappers are allowed");
        }
        if (path != null && path.variableNames().contains(name)) {
            return ParameterResolver.pathParam(PathParamConverter.forParameter(name, type));
        }
        // §4.3 and the PathParam API: a name that is no variable of the path gives null; a primitive cannot be null.
        if (type.isPrimitive()) {
            String where = path == null ? "this client endpoint (client endpoints have no path)"
                    : "the path '" + path + "'";
            throw Describe.error(endpoint, method, "@PathParam(\"" + name + "\") names no variable of " + where
                    + ", so its value is null, which the primitive type " + type.getName()
                    + " cannot hold; use String or a wrapper type");
        }
        return ParameterResolver.NULL;
    }

    /** A type from the method's signature as the endpoint class sees it (type variables of superclasses bound). */
    private Class<?> resolved(Type generic, Class<?> erased) {
        return Objects.requireNonNullElse(GenericTypes.resolve(generic, endpoint), erased);
    }

    /** Session first, then the annotation's own type: the order error messages list them in. */
    private static Map<Class<?>, ParameterResolver> specials(Class<?> first, ParameterResolver firstResolver,
            Class<?> second, ParameterResolver secondResolver) {
        Map<Class<?>, ParameterResolver> specials = new LinkedHashMap<>();
        specials.put(first, firstResolver);
        specials.put(second, secondResolver);
        return specials;
    }

    /** The parameters of one method while they are being bound. */
    private final class BoundParameters {
        final Method method;
        final Class<?>[] types;
        final ParameterResolver[] resolvers;
        final List<Integer> unclaimed = new ArrayList<>();
        final Set<Class<?>> specialsSeen = new HashSet<>();

        BoundParameters(Method method, int count) {
            this.method = method;
            this.types = new Class<?>[count];
            this.resolvers = new ParameterResolver[count];
        }

        EndpointMethod toEndpointMethod() throws DeploymentException {
            method.trySetAccessible(); // public methods of a non-public class (allowed for client endpoints)
            MethodHandle handle;
            try {
                handle = MethodHandles.lookup().unreflect(method);
            } catch (IllegalAccessException e) {
                throw Describe.error(endpoint, method, "the method is not accessible to Tideway (is its package"
                        + " exported/opened?): " + e.getMessage());
            }
            MethodHandle invoker = handle.asType(handle.type().generic())
                    .asSpreader(Object[].class, resolvers.length);
            return new EndpointMethod(method, invoker, resolvers);
        }
    }
}
