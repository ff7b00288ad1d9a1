package dev.tideway.websocket.client;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Against Python's websockets library, from Debian's python3-websockets, run by the system interpreter
 * /usr/bin/python3 (a python3 earlier on the PATH may be another installation without it).
 */
class PythonWebsocketsInteropTest extends PeerInteropTest {
    private static final String PYTHON = "/usr/bin/python3";

    @Override
    void requirePeer() {
        PeerProcess.require(List.of(PYTHON, "-c", "import websockets"),
                "Python websockets is missing: apt-get install -y python3-websockets");
    }

    @Override
    List<String> command(Path key, Path cert) {
        List<String> command = new ArrayList<>(List.of(PYTHON, "echo_server.py"));
        if (key != null) {
            command.addAll(List.of(key.toString(), cert.toString()));
        }
        return command;
    }
}
