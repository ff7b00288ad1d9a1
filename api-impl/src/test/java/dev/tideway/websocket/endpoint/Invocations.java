package dev.tideway.websocket.endpoint;

import jakarta.websocket.CloseReason;
import jakarta.websocket.Decoder;
import jakarta.websocket.Encoder;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.Session;

import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Test doubles for invoking endpoint methods: a Session stub, an EndpointConfig and an InvocationContext. */
final class Invocations {
    static final Session SESSION = session("s1");
    static final EndpointConfig CONFIG = new EndpointConfig() {
        private final Map<String, Object> properties = new HashMap<>();

        @Override
        public List<Class<? extends Encoder>> getEncoders() {
            return List.of();
        }

        @Override
        public List<Class<? extends Decoder>> getDecoders() {
            return List.of();
        }

        @Override
        public Map<String, Object> getUserProperties() {
            return properties;
        }
    };

    private Invocations() {
    }

    /** A Session that answers getId, toString, equals and hashCode, and nothing else. */
    static Session session(String id) {
        return (Session) Proxy.newProxyInstance(Session.class.getClassLoader(), new Class<?>[] {Session.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getId" -> id;
                    case "toString" -> "Session " + id;
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    /** The simplest InvocationContext: every value given up front. */
    record Call(Session session, EndpointConfig config, Map<String, String> pathParameters, Object message,
            boolean last, Throwable error, CloseReason closeReason) implements InvocationContext {
    }

    static Call open(Map<String, String> pathParameters) {
        return new Call(SESSION, CONFIG, pathParameters, null, true, null, null);
    }

    static Call message(Object message, boolean last, Map<String, String> pathParameters) {
        return new Call(SESSION, CONFIG, pathParameters, message, last, null, null);
    }

    static Call error(Throwable error) {
        return new Call(SESSION, CONFIG, Map.of(), null, true, error, null);
    }

    static Call close(CloseReason reason) {
        return new Call(SESSION, CONFIG, Map.of(), null, true, null, reason);
    }
}
