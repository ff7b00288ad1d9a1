package dev.tideway.websocket.client;

/** The Jakarta client against the npm package ws. */
class ContainerNodeWsEchoTest extends ContainerPeerEchoTest {

    @Override
    Peer peer() {
        return Peer.NODE_WS;
    }
}
