package dev.tideway.websocket.client;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assertions;

/**
 * The independent peer servers in the repository's {@code peers} folder: how to tell one is installed, and how to run it,
 * plain or with TLS (the certificate of {@link TestCertificates#localhost()}).
 */
enum Peer {
    /** The npm package ws (installed in peers/ by {@code npm ci}), run by Node.js. */
    NODE_WS("node", "echo-server.js") {
        @Override
        void require() {
            PeerProcess.require(List.of("node", "--version"),
                    "Node.js is missing: install the Debian packages nodejs and npm");
            if (!Files.isRegularFile(PeerProcess.PEERS.resolve("node_modules/ws/package.json"))) {
                Assertions.fail("The npm package ws is missing: run 'npm ci' in peers/");
            }
        }
    },
    /**
     * Python's websockets library, from Debian's python3-websockets, run by the system interpreter
     * /usr/bin/python3 (a python3 earlier on the PATH may be another installation without it).
     */
    PYTHON_WEBSOCKETS("/usr/bin/python3", "echo_server.py") {
        @Override
        void require() {
            PeerProcess.require(List.of("/usr/bin/python3", "-c", "import websockets"),
                    "Python websockets is missing: apt-get install -y python3-websockets");
        }
    };

    private final String interpreter;
    private final String script;

    Peer(String interpreter, String script) {
        this.interpreter = interpreter;
        this.script = script;
    }

    /** Fails, saying what to install, when the peer is missing. */
    abstract void require();

    /** Starts the peer over plain TCP and waits until it listens. */
    PeerProcess startPlain() throws IOException, InterruptedException {
        return PeerProcess.start(List.of(interpreter, script));
    }

    /** Starts the peer over TLS with the certificate for localhost and waits until it listens. */
    PeerProcess startTls() throws IOException, InterruptedException, GeneralSecurityException {
        Path[] pem = TestCertificates.localhost().pemFiles();
        List<String> command = new ArrayList<>(List.of(interpreter, script));
        command.addAll(List.of(pem[0].toString(), pem[1].toString()));
        return PeerProcess.start(command);
    }
}
