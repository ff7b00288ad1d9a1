package dev.tideway.websocket.samples.echo;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A script from the repository's {@code peers} folder run as a child process by an independent WebSocket
 * implementation: a server that prints {@code PORT n} when listening, or a client that prints a result line
 * and exits with 0 or 1. A missing runtime fails the test with what to install (the approach of api-impl's
 * client interoperability tests).
 */
final class PeerScript implements AutoCloseable {
    /** The peers folder, seen from the module directory (samples/echo) that Surefire runs tests in. */
    static final Path PEERS = Path.of("..", "..", "peers").toAbsolutePath().normalize();

    /** The runtimes that run the scripts. */
    enum Runtime {
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

        private final String command;

        Runtime(String command) {
            this.command = command;
        }

        /** Fails the test, saying what to install, unless this runtime and its WebSocket library are there. */
        abstract void require();
    }

    private final Process process;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final List<String> seen = new ArrayList<>();

    private PeerScript(Process process) {
        this.process = process;
        Thread reader = new Thread(this::readOutput, "peer-script-output");
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts {@code script} with {@code arguments} in the peers folder, after checking the runtime is there. */
    static PeerScript start(Runtime runtime, String script, String... arguments) throws IOException {
        runtime.require();
        List<String> command = new ArrayList<>(List.of(runtime.command, script));
        command.addAll(List.of(arguments));
        return new PeerScript(new ProcessBuilder(command).directory(PEERS.toFile()).redirectErrorStream(true).start());
    }

    /** The port a server script printed ({@code PORT n}). */
    int awaitPort() throws InterruptedException {
        return Integer.parseInt(awaitLine("PORT ", Duration.ofSeconds(10)).substring(5).trim());
    }

    /** The next output line starting with {@code prefix}; earlier lines are skipped. */
    String awaitLine(String prefix, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            String line = lines.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (line != null) {
                synchronized (seen) {
                    seen.add(line);
                }
                if (line.startsWith(prefix)) {
                    return line;
                }
            }
        }
        throw new AssertionError("The peer printed no line starting with '" + prefix + "' within "
                + timeout.toSeconds() + " s; it printed: " + output());
    }

    /** Waits for a client script to end; its exit status. */
    int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("The peer did not exit within " + timeout.toSeconds() + " s; it printed: "
                    + output());
        }
        return process.exitValue();
    }

    /** Every line the script printed so far, those already taken by {@link #awaitLine} included. */
    List<String> output() throws InterruptedException {
        synchronized (seen) {
            lines.drainTo(seen);
            return List.copyOf(seen);
        }
    }

    /** Stops the process, forcibly when it does not end within 5 s. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
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

    private void readOutput() {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                lines.add(line);
            }
        } catch (IOException ended) {
            // the process is gone
        }
    }
}
