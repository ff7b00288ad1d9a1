package dev.tideway.websocket.client;

/** The Jakarta client against Python's websockets library. */
class ContainerPythonEchoTest extends ContainerPeerEchoTest {

    @Override
    Peer peer() {
        return Peer.PYTHON_WEBSOCKETS;
    }
}
