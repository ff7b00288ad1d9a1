package dev.tideway.websocket.client;

import dev.tideway.websocket.protocol.ConnectionListener;
import dev.tideway.websocket.protocol.WebSocketConnection;
import java.util.function.Function;

/**
 * Starts what runs on a client connection once its handshake succeeded: builds the engine by giving it a
 * listener (a session, say, which needs the engine in turn), and returns it. Runs on the I/O thread and must
 * not block.
 */
@FunctionalInterface
public interface SessionStarter {

    /**
     * @param result what the handshake settled
     * @param engine builds the connection's engine, all set up but for its listener
     * @return the engine {@code engine} built
     */
    WebSocketConnection start(HandshakeResult result, Function<ConnectionListener, WebSocketConnection> engine);

    /** A starter whose engine reports to the listener {@code listenerFactory} makes for the handshake. */
    static SessionStarter listening(Function<HandshakeResult, ConnectionListener> listenerFactory) {
        return (result, engine) -> engine.apply(
                java.util.Objects.requireNonNull(listenerFactory.apply(result), "the listener factory returned null"));
    }
}
