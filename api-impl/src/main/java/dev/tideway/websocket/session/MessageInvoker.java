package dev.tideway.websocket.session;

/**
 * Calls application code with a message already converted to the type it declared: a
 * {@code MessageHandler}'s {@code onMessage}, or an annotated {@code @OnMessage} method.
 */
@FunctionalInterface
public interface MessageInvoker {
    /**
     * @param message the message (or, for a partial handler, one part of it)
     * @param last    whether this ends the message; always true except for parts
     */
    void invoke(Object message, boolean last) throws Throwable;
}
