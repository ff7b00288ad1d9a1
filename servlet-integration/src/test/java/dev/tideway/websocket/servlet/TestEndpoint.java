package dev.tideway.websocket.servlet;

import dev.tideway.websocket.protocol.ConnectionListener;
import dev.tideway.websocket.protocol.ProtocolSettings;
import dev.tideway.websocket.protocol.WebSocketConnection;
import dev.tideway.websocket.server.handshake.HandshakeAcceptance;
import dev.tideway.websocket.server.handshake.ServerHandshake;
import java.util.function.BiFunction;

/**
 * What the test server does on one path: the handshake it runs, the engine's settings, the listener it
 * gives each connection (which may send through the connection it is handed, even before reading starts),
 * and the read strategy when not the container's (null).
 */
record TestEndpoint(ServerHandshake handshake, ProtocolSettings settings,
                    BiFunction<WebSocketConnection, HandshakeAcceptance, ConnectionListener> behaviour,
                    ReadDispatch readDispatch) {

    static TestEndpoint echo() {
        return of((connection, accepted) -> new EchoListener(connection));
    }

    static TestEndpoint of(BiFunction<WebSocketConnection, HandshakeAcceptance, ConnectionListener> behaviour) {
        return new TestEndpoint(ServerHandshake.builder().build(), ProtocolSettings.DEFAULTS, behaviour, null);
    }

    TestEndpoint withHandshake(ServerHandshake handshake) {
        return new TestEndpoint(handshake, settings, behaviour, readDispatch);
    }

    TestEndpoint withSettings(ProtocolSettings settings) {
        return new TestEndpoint(handshake, settings, behaviour, readDispatch);
    }

    /** Reads with {@code strategy} whatever the container is. */
    TestEndpoint withReadStrategy(ReadDispatch.Strategy strategy) {
        return new TestEndpoint(handshake, settings, behaviour, ReadDispatch.of(strategy));
    }
}
