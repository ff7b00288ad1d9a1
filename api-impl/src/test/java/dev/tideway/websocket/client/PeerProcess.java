package dev.tideway.websocket.client;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * An independent WebSocket server run as a child process (the scripts in the repository's {@code peers} folder): it
 * prints {@code PORT n} when listening and {@code CLOSED code reason} for each connection that ends.
 */
final class PeerProcess implements AutoCloseable {
    /** The repository's peers folder, seen from the module directory that Surefire runs tests in. */
    static final Path PEERS = Path.of("..", "peers").toAbsolutePath().normalize();

    private final Process process;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final int port;

    private PeerProcess(List<String> command) throws IOException, InterruptedException {
        process = new ProcessBuilder(command).directory(PEERS.toFile()).redirectErrorStream(true).start();
        Thread reader = new Thread(this::readOutput, "peer-output");
        reader.setDaemon(true);
        reader.start();
        port = Integer.parseInt(awaitLine("PORT ").substring(5).trim());
    }

    /** Starts {@code command} in the peers' folder and waits until it listens. */
    static PeerProcess start(List<String> command) throws IOException, InterruptedException {
        return new PeerProcess(command);
    }

    /**
     * Fails the test, saying what to install, unless {@code command} runs and exits with 0: a missing peer
     * must never let its tests pass unnoticed.
     */
    static void require(List<String> command, String whatToInstall) {
        try {
            Process check = new ProcessBuilder(command).directory(PEERS.toFile()).redirectErrorStream(true).start();
            String output = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!check.waitFor(30, TimeUnit.SECONDS) || check.exitValue() != 0) {
                fail(whatToInstall + " (" + String.join(" ", command) + " said: " + output.strip() + ")");
            }
        } catch (IOException e) {
            fail(whatToInstall + " (" + e.getMessage() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail(e);
        }
    }

    int port() {
        return port;
    }

    /** The next output line starting with {@code prefix}, waiting up to 10 s; other lines are skipped. */
    String awaitLine(String prefix) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        StringBuilder skipped = new StringBuilder();
        while (System.nanoTime() < deadline) {
            String line = lines.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (line != null && line.startsWith(prefix)) {
                return line;
            }
            if (line != null) {
                skipped.append(line).append('\n');
            }
        }
        throw new AssertionError("The peer printed no line starting with '" + prefix + "' within 10 s; it printed:\n"
                + skipped + (process.isAlive() ? "" : "(exited with " + process.exitValue() + ")"));
    }

    /** Stops the process, forcibly when it does not end within 5 s. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
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
