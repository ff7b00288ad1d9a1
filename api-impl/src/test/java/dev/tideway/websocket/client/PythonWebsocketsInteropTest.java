package dev.tideway.websocket.client;

/** Against Python's websockets library. */
class PythonWebsocketsInteropTest extends PeerInteropTest {

    @Override
    Peer peer() {
        return Peer.PYTHON_WEBSOCKETS;
    }
}
