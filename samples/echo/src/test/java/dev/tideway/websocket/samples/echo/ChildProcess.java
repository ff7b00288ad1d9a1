package dev.tideway.websocket.samples.echo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A process a test starts (a peer script, a sample's jar), with its output (standard output and error
 * together) read line by line as it comes. Closing it stops the process.
 */
public final class ChildProcess implements AutoCloseable {
    private final Process process;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final List<String> seen = new ArrayList<>();

    private ChildProcess(Process process) {
        this.process = process;
        Thread reader = new Thread(this::readOutput, "child-process-output");
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts {@code command} in {@code directory}. */
    public static ChildProcess start(List<String> command, Path directory) throws IOException {
        return new ChildProcess(new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true)
                .start());
    }

    /** Writes {@code text} to the process's standard input, UTF-8, and closes it: the process reads to its end. */
    public void finishInput(String text) throws IOException {
        try (OutputStream input = process.getOutputStream()) {
            input.write(text.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** The next output line starting with {@code prefix}; the lines before it are skipped. */
    public String awaitLine(String prefix, Duration timeout) throws InterruptedException {
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
        throw new AssertionError("The process printed no line starting with '" + prefix + "' within "
                + timeout.toSeconds() + " s; it printed: " + output()
                + (process.isAlive() ? "" : " and exited with " + process.exitValue()));
    }

    /** Waits for the process to end; its exit status. */
    public int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("The process did not exit within " + timeout.toSeconds() + " s; it printed: "
                    + output());
        }
        return process.exitValue();
    }

    /** Every line printed so far, those already taken by {@link #awaitLine} included. */
    public List<String> output() {
        synchronized (seen) {
            lines.drainTo(seen);
            return List.copyOf(seen);
        }
    }

    /** Stops the process (SIGTERM, so a JVM runs its shutdown hooks), forcibly when it does not end within 5 s. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
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
