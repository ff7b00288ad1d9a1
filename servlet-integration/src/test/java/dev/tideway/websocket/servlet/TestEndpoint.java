package dev.tideway.websocket.servlet;

import dev.tideway.websocket.protocol.ConnectionListener;
import dev.tideway.websocket.protocol.ProtocolSettings;
import dev.tideway.websocket.protocol.WebSocketConnection;
import dev.tideway.websocket.server.handshake.HandshakeAcceptance;
import dev.tideway.websocket.server.handshake.ServerHandshake;
import java.util.function.BiFunction;

/**
 * What the test server does on one path: the handshake it runs, the engine's settings, and the listener
 * it gives each connection (which may send through the connection it is handed, even before reading starts).
 */
record TestEndpoint(ServerHandshake handshake, ProtocolSettings settings,
                    BiFunction<WebSocketConnection, HandshakeAcceptance, ConnectionListener> behaviour) {

    static TestEndpoint echo() {
        return of((connection, accepted) -> new EchoListener(connection));
    }

    static TestEndpoint of(BiFunction<WebSocketConnection, HandshakeAcceptance, ConnectionListener> behaviour) {
        return new TestEndpoint(ServerHandshake.builder().build(), ProtocolSettings.DEFAULTS, behaviour);
    }

    TestEndpoint withHandshake(ServerHandshake handshake) {
        return new TestEndpoint(handshake, settings, behaviour);
    }

    TestEndpoint withSettings(ProtocolSettings settings) {
        return new TestEndpoint(handshake, settings, behaviour);
    }
}
