package dev.tideway.websocket.client;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assertions;

/** Against the npm package ws (installed in src/test/peers by {@code npm ci}), run by Node.js. */
class NodeWsInteropTest extends PeerInteropTest {

    @Override
    void requirePeer() {
        PeerProcess.require(List.of("node", "--version"), "Node.js is missing: install the Debian packages nodejs and npm");
        if (!Files.isRegularFile(PeerProcess.PEERS.resolve("node_modules/ws/package.json"))) {
            Assertions.fail("The npm package ws is missing: run 'npm ci' in api-impl/src/test/peers");
        }
    }

    @Override
    List<String> command(Path key, Path cert) {
        List<String> command = new ArrayList<>(List.of("node", "echo-server.js"));
        if (key != null) {
            command.addAll(List.of(key.toString(), cert.toString()));
        }
        return command;
    }
}
