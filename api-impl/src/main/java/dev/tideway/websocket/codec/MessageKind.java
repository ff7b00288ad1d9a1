package dev.tideway.websocket.codec;

/** The native WebSocket message type an {@code @OnMessage} method handles; an endpoint has at most one of each. */
public enum MessageKind {
    TEXT,
    BINARY,
    PONG
}
