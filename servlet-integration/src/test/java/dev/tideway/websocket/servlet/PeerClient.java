package dev.tideway.websocket.servlet;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The independent peer clients in the repository's {@code peers} folder, run as child processes against
 * a Tideway server: each connects to a URL, checks the echo of text, binary, fragmented and large
 * messages with permessage-deflate offered, and a close code, and prints one {@code RESULT} line.
 */
enum PeerClient {
    /** The npm package ws (installed in peers/ by {@code npm ci}), run by Node.js. */
    NODE_WS("node", "client-check.js") {
        @Override
        void require() {
            requireCommand(List.of("node", "--version"), "Node.js is missing: install the Debian packages nodejs and npm");
            if (!Files.isRegularFile(PEERS.resolve("node_modules/ws/package.json"))) {
                fail("The npm package ws is missing: run 'npm ci' in peers/");
            }
        }
    },
    /**
     * Python's websockets library, from Debian's python3-websockets, run by the system interpreter
     * /usr/bin/python3 (a python3 earlier on the PATH may be another installation without it).
     */
    PYTHON_WEBSOCKETS("/usr/bin/python3", "client_check.py") {
        @Override
        void require() {
            requireCommand(List.of("/usr/bin/python3", "-c", "import websockets"),
                    "Python websockets is missing: apt-get install -y python3-websockets");
        }
    };

    /** The repository's peers folder, seen from the module directory that Surefire runs tests in. */
    static final Path PEERS = Path.of("..", "peers").toAbsolutePath().normalize();
    private static final long TIMEOUT_SECONDS = 30;

    private final String interpreter;
    private final String script;

    PeerClient(String interpreter, String script) {
        this.interpreter = interpreter;
        this.script = script;
    }

    /** Fails, saying what to install, when the peer is missing. */
    abstract void require();

    /**
     * Runs the client against {@code uri} and returns its {@code RESULT} line; fails when it has none.
     * With {@code contentLengthZero} the upgrade request carries {@code Content-Length: 0}, which the
     * libraries do not send by themselves; {@code trusted} is the PEM certificate of a wss server, or null.
     */
    String check(URI uri, boolean contentLengthZero, Path trusted) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(interpreter, script, uri.toString()));
        if (contentLengthZero) {
            command.add("content-length-0");
        }
        if (trusted != null) {
            command.add("ca=" + trusted);
        }
        String output = run(command);
        return output.lines().filter(line -> line.startsWith("RESULT ")).findFirst()
                .orElseGet(() -> fail(this + " printed no RESULT line:\n" + output));
    }

    /** Fails, saying what to install, unless {@code command} runs and exits with 0. */
    private static void requireCommand(List<String> command, String whatToInstall) {
        try {
            Process check = new ProcessBuilder(command).directory(PEERS.toFile()).redirectErrorStream(true).start();
            String output = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!check.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS) || check.exitValue() != 0) {
                check.destroyForcibly();
                fail(whatToInstall + " (" + String.join(" ", command) + " said: " + output.strip() + ")");
            }
        } catch (IOException e) {
            fail(whatToInstall + " (" + e.getMessage() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail(e);
        }
    }

    /** Runs {@code command} in the peers folder to its end (killed after the timeout); its whole output. */
    private static String run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).directory(PEERS.toFile()).redirectErrorStream(true).start();
        try {
            CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> {
                try {
                    return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                } catch (IOException e) {
                    return "(reading the output failed: " + e + ")";
                }
            });
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                fail(String.join(" ", command) + " did not end within " + TIMEOUT_SECONDS + " s");
            }
            return output.join();
        } finally {
            process.destroyForcibly();
        }
    }
}
