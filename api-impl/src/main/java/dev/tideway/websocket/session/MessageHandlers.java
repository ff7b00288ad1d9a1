package dev.tideway.websocket.session;

import dev.tideway.websocket.codec.MessageKind;
import jakarta.websocket.MessageHandler;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The message handlers of one session: at most one per native message type (text, binary, pong), as the
 * specification requires. The reading thread looks the current route up at the start of each message;
 * registration and removal may happen on any thread.
 */
final class MessageHandlers {

    /** A registered handler and the sink its messages flow through. */
    record Route(MessageHandler handler, MessageSink sink) {
    }

    private final Map<MessageKind, Route> routes = new EnumMap<>(MessageKind.class);

    /**
     * Registers {@code handler} for the given kinds (two when decoders produce its type from text and
     * binary messages alike).
     *
     * @throws IllegalStateException when one of the kinds already has a handler
     */
    synchronized void add(MessageHandler handler, Map<MessageKind, MessageSink> sinks) {
        for (MessageKind kind : sinks.keySet()) {
            Route existing = routes.get(kind);
            if (existing != null) {
                throw new IllegalStateException("A " + kind.name().toLowerCase() + " message handler is already"
                        + " registered (" + existing.handler().getClass().getName() + "); a session has at most"
                        + " one handler per message type");
            }
        }
        sinks.forEach((kind, sink) -> routes.put(kind, new Route(handler, sink)));
    }

    synchronized void remove(MessageHandler handler) {
        routes.values().removeIf(route -> route.handler() == handler);
    }

    /** The route for messages of this kind, or null when no handler takes them. */
    synchronized Route route(MessageKind kind) {
        return routes.get(kind);
    }

    synchronized Set<MessageHandler> handlers() {
        Set<MessageHandler> handlers = new LinkedHashSet<>();
        routes.values().forEach(route -> handlers.add(route.handler()));
        return Set.copyOf(handlers);
    }
}
