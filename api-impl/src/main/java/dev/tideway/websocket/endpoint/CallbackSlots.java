package dev.tideway.websocket.endpoint;

import dev.tideway.websocket.codec.MessageKind;

import jakarta.websocket.DeploymentException;

import java.util.EnumMap;
import java.util.Map;

/**
 * The callbacks of one endpoint while it is being scanned: at most one {@code @OnOpen}, {@code @OnClose} and
 * {@code @OnError} method (§4.4-§4.6), and at most one {@code @OnMessage} method per native message type (§4.7).
 * Filling a slot twice is the deployment error.
 */
final class CallbackSlots {
    private final Class<?> endpoint;
    private EndpointMethod open;
    private EndpointMethod close;
    private EndpointMethod error;
    private final Map<MessageKind, MessageMethod> messages = new EnumMap<>(MessageKind.class);

    CallbackSlots(Class<?> endpoint) {
        this.endpoint = endpoint;
    }

    void setOpen(EndpointMethod method) throws DeploymentException {
        open = single(open, method, "@OnOpen");
    }

    void setClose(EndpointMethod method) throws DeploymentException {
        close = single(close, method, "@OnClose");
    }

    void setError(EndpointMethod method) throws DeploymentException {
        error = single(error, method, "@OnError");
    }

    void addMessage(MessageMethod method) throws DeploymentException {
        MessageMethod existing = messages.putIfAbsent(method.kind(), method);
        if (existing != null) {
            throw Describe.error(endpoint, method.method(), "an endpoint may have only one @OnMessage method for "
                    + method.kind() + " messages, but " + Describe.method(existing.method()) + " handles them too");
        }
    }

    EndpointMethod open() {
        return open;
    }

    EndpointMethod close() {
        return close;
    }

    EndpointMethod error() {
        return error;
    }

    MessageMethod message(MessageKind kind) {
        return messages.get(kind);
    }

    private EndpointMethod single(EndpointMethod existing, EndpointMethod added, String annotation)
            throws DeploymentException {
        if (existing != null) {
            throw Describe.error(endpoint, added.method(), "an endpoint may have only one " + annotation
                    + " method, but " + Describe.method(existing.method()) + " has it too");
        }
        return added;
    }
}
