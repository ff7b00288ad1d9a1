package dev.tideway.websocket.samples.echo;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The runtimes of the scripts in the repository's {@code peers} folder, independent WebSocket
 * implementations: server scripts print {@code PORT n} once listening; client scripts print a result line and
 * exit with 0 or 1. A missing runtime
 * fails the test with what to install (the approach of api-impl's client interoperability tests). The client
 * sample's tests use this too.
 */
public enum PeerRuntime {
    /** Node.js with the npm package ws, installed in peers/ by {@code npm ci}. */
    NODE("node") {
        @Override
        void require() {
            requireCommand(List.of("node", "--version"),
                    "Node.js is missing: install the Debian packages nodejs and npm");
            if (!Files.isRegularFile(PEERS.resolve("node_modules/ws/package.json"))) {
                fail("The npm package ws is missing: run 'npm ci' in peers/");
            }
        }
    },
    /** Debian's python3-websockets, run by /usr/bin/python3 (another python3 on the PATH may lack it). */
    PYTHON("/usr/bin/python3") {
        @Override
        void require() {
            requireCommand(List.of("/usr/bin/python3", "-c", "import websockets"),
                    "Python websockets is missing: apt-get install -y python3-websockets");
        }
    };

    /** The peers folder, seen from a sample's module directory (samples/NAME), where Surefire runs tests. */
    public static final Path PEERS = Path.of("..", "..", "peers").toAbsolutePath().normalize();

    private final String interpreter;

    PeerRuntime(String interpreter) {
        this.interpreter = interpreter;
    }

    /** Fails the test, saying what to install, unless this runtime and its WebSocket library are there. */
    abstract void require();

    /** Starts {@code script} with {@code arguments} in the peers folder, after checking the runtime is there. */
    public ChildProcess start(String script, String... arguments) throws IOException {
        require();
        List<String> command = new ArrayList<>(List.of(interpreter, script));
        command.addAll(List.of(arguments));
        return ChildProcess.start(command, PEERS);
    }

    /** The port a server script printed ({@code PORT n}). */
    public static int awaitPort(ChildProcess server) throws InterruptedException {
        return Integer.parseInt(server.awaitLine("PORT ", Duration.ofSeconds(10)).substring(5).trim());
    }

    private static void requireCommand(List<String> command, String whatToInstall) {
        try {
            Process check = new ProcessBuilder(command).directory(PEERS.toFile()).redirectErrorStream(true).start();
            String said = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!check.waitFor(30, TimeUnit.SECONDS) || check.exitValue() != 0) {
                fail(whatToInstall + " (" + String.join(" ", command) + " said: " + said.strip() + ")");
            }
        } catch (IOException e) {
            fail(whatToInstall + " (" + e.getMessage() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail(e);
        }
    }
}
