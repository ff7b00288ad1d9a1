package dev.tideway.websocket.servlet;

import dev.tideway.websocket.protocol.Transport;
import dev.tideway.websocket.protocol.WebSocketConnection;

/** Builds the protocol engine of one upgraded connection: the per-connection setup of a handshake. */
@FunctionalInterface
public interface ConnectionFactory {

    /**
     * Called once, on a container thread, before the first byte is read. What is sent from here (a
     * greeting in {@code onOpen}) waits in the transport until the container lets it write.
     */
    WebSocketConnection newConnection(Transport transport);
}
