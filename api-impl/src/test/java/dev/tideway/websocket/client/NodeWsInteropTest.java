package dev.tideway.websocket.client;

/** Against the npm package ws, run by Node.js. */
class NodeWsInteropTest extends PeerInteropTest {

    @Override
    Peer peer() {
        return Peer.NODE_WS;
    }
}
