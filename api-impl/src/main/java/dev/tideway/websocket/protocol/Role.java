package dev.tideway.websocket.protocol;

/**
 * Which end of the connection the engine plays. The role decides the masking rules (§5.1): a client masks
 * every frame it sends and rejects masked frames; a server does the opposite. It also decides who closes
 * the TCP connection after the closing handshake (§7.1.1: the server does).
 */
public enum Role {
    CLIENT,
    SERVER;

    /** Whether frames this role sends are masked. */
    public boolean masksOutbound() {
        return this == CLIENT;
    }

    /** Whether frames this role receives must be masked. */
    public boolean expectsMaskedInbound() {
        return this == SERVER;
    }
}
