package dev.tideway.websocket.server.handshake;

/** What {@link ServerHandshake#process} decided: switch protocols, or answer with an HTTP error. */
public sealed interface HandshakeOutcome permits HandshakeAcceptance, HandshakeRejection {
}
