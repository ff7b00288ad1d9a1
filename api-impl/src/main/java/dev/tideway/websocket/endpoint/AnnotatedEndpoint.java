package dev.tideway.websocket.endpoint;

import dev.tideway.websocket.codec.DeliveryMode;

import dev.tideway.websocket.codec.MessageKind;
import dev.tideway.websocket.session.MessageInvoker;
import dev.tideway.websocket.session.TidewaySession;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.Session;
import java.lang.System.Logger.Level;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * An annotated endpoint instance seen as a programmatic {@link Endpoint}, so that sessions know only one
 * kind of endpoint. {@code onOpen} registers one message handler per {@code @OnMessage} method, then calls
 * the {@code @OnOpen} method; a method's non-null return value is sent back with {@code sendObject}.
 */
public final class AnnotatedEndpoint extends Endpoint {
    private static final System.Logger LOG = System.getLogger(AnnotatedEndpoint.class.getName());

    private final AnnotatedEndpointModel model;
    private final Object instance;

    public AnnotatedEndpoint(AnnotatedEndpointModel model, Object instance) {
        this.model = Objects.requireNonNull(model, "model");
        this.instance = Objects.requireNonNull(instance, "instance");
    }

    /** The application's endpoint object. */
    public Object instance() {
        return instance;
    }

    @Override
    public void onOpen(Session session, EndpointConfig config) {
        TidewaySession tideway = (TidewaySession) session;
        // a method taking both text and binary (through decoders) sits in two slots: register it once
        Map<MessageMethod, Boolean> registered = new IdentityHashMap<>();
        for (MessageKind kind : MessageKind.values()) {
            MessageMethod method = model.message(kind);
            if (method != null && registered.put(method, Boolean.TRUE) == null) {
                register(tideway, config, method);
            }
        }
        if (model.onOpen() != null) {
            invoke(() -> model.onOpen().invoke(instance, new Call(session, config, null, true, null, null)));
        }
    }

    private void register(TidewaySession session, EndpointConfig config, MessageMethod method) {
        MessageInvoker invoker = (message, last) -> {
            Object result = method.invoke(instance, new Call(session, config, message, last, null, null));
            if (result != null && method.returnsValue()) {
                session.getBasicRemote().sendObject(result);
            }
        };
        boolean partial = method.deliveryMode() == DeliveryMode.PARTIAL;
        MessageHandler handler = partial ? new PartialMethodHandler(method, invoker) : new WholeMethodHandler(method, invoker);
        session.addMessageHandler(handler, method.payloadType(), partial, method.maxMessageSize(), invoker);
    }

    @Override
    public void onClose(Session session, CloseReason closeReason) {
        if (model.onClose() != null) {
            invoke(() -> model.onClose().invoke(instance,
                    new Call(session, session instanceof TidewaySession t ? t.endpointConfig() : null, null, true, null,
                            closeReason)));
        }
    }

    @Override
    public void onError(Session session, Throwable thrown) {
        Throwable failure = thrown instanceof AnnotatedMethodException wrapped ? wrapped.getCause() : thrown;
        if (model.onError() == null) {
            LOG.log(Level.WARNING, "Unhandled error in " + model.endpointClass().getName()
                    + " (it has no @OnError method)", failure);
            return;
        }
        invoke(() -> model.onError().invoke(instance,
                new Call(session, session instanceof TidewaySession t ? t.endpointConfig() : null, null, true, failure,
                        null)));
    }

    /** Lets what an annotated method throws reach the session (which routes it to {@code @OnError}). */
    private static void invoke(ThrowingCall call) {
        try {
            call.run();
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new AnnotatedMethodException(e);
        }
    }

    @FunctionalInterface
    private interface ThrowingCall {
        void run() throws Throwable;
    }

    /** A checked exception thrown by an annotated method, carried to {@code onError} unchecked. */
    static final class AnnotatedMethodException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        AnnotatedMethodException(Throwable cause) {
            super(cause);
        }
    }

    /** The values one call of an annotated method resolves its parameters from. */
    private record Call(Session session, EndpointConfig config, Object message, boolean last, Throwable error,
                        CloseReason closeReason) implements InvocationContext {
        @Override
        public Map<String, String> pathParameters() {
            return session.getPathParameters();
        }
    }

    /** How an {@code @OnMessage} method shows in {@code getMessageHandlers()}; calling it calls the method. */
    private record WholeMethodHandler(MessageMethod method, MessageInvoker invoker)
            implements MessageHandler.Whole<Object> {
        @Override
        public void onMessage(Object message) {
            invoke(() -> invoker.invoke(message, true));
        }
    }

    /** The partial twin of {@link WholeMethodHandler}. */
    private record PartialMethodHandler(MessageMethod method, MessageInvoker invoker)
            implements MessageHandler.Partial<Object> {
        @Override
        public void onMessage(Object partialMessage, boolean last) {
            invoke(() -> invoker.invoke(partialMessage, last));
        }
    }
}
