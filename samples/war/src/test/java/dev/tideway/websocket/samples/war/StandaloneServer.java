package dev.tideway.websocket.samples.war;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A container distribution started as a real process on 127.0.0.1 and an ephemeral port, with the sample
 * WAR deployed at {@code /tideway-sample}. Its console output goes to a file, read to learn the port the
 * container bound and shown when something fails. Closing it stops the process, forcibly if it does not
 * end in time.
 */
abstract class StandaloneServer implements AutoCloseable {
    static final String CONTEXT_PATH = "/tideway-sample";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(15);

    private final String name;
    private final Path base;
    private final Path consoleLog;
    private final Pattern listening;
    private final Pattern deploymentFailed;
    private Process process;
    private int port;

    /**
     * @param base             the server's base directory: the command runs there, the console goes to its
     *                         {@code logs/console.log}
     * @param listening        the console line that says the connector listens; group 1 is the port
     * @param deploymentFailed a console line that says the application failed to deploy (the container runs on)
     */
    StandaloneServer(String name, Path base, Pattern listening, Pattern deploymentFailed) {
        this.name = name;
        this.base = base;
        this.consoleLog = base.resolve("logs/console.log");
        this.listening = listening;
        this.deploymentFailed = deploymentFailed;
    }

    /** The command that runs the server in the foreground. */
    abstract List<String> command();

    /** The JVM that runs the tests runs the servers too. */
    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** Empties {@code directory}, creating it when absent: every run starts from the distribution as shipped. */
    static void recreate(Path directory) throws IOException {
        if (Files.exists(directory)) {
            try (Stream<Path> old = Files.walk(directory)) {
                for (Path path : old.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
        Files.createDirectories(directory);
    }

    /** Starts the process and returns once the sample application answers HTTP. */
    final void start() throws IOException, InterruptedException {
        Files.createDirectories(consoleLog.getParent());
        process = new ProcessBuilder(command())
                .directory(base.toFile())
                .redirectErrorStream(true)
                .redirectOutput(consoleLog.toFile())
                .start();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        port = awaitPort(deadline);
        awaitApplication(deadline);
    }

    private int awaitPort(long deadline) throws IOException, InterruptedException {
        while (System.nanoTime() < deadline) {
            Matcher matcher = listening.matcher(log());
            if (matcher.find()) {
                return Integer.parseInt(matcher.group(1));
            }
            failIfEnded();
            Thread.sleep(100);
        }
        throw new IllegalStateException(name + " did not start listening within " + START_TIMEOUT + "\n" + log());
    }

    private void awaitApplication(long deadline) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest index = HttpRequest.newBuilder(httpUri("/")).timeout(Duration.ofSeconds(5)).build();
        int status = 0;
        while (System.nanoTime() < deadline) {
            try {
                status = http.send(index, HttpResponse.BodyHandlers.discarding()).statusCode();
                if (status == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // the connector accepts before the application is deployed on some containers
            }
            failIfEnded();
            if (deploymentFailed.matcher(log()).find()) {
                throw new IllegalStateException(name + " failed to deploy " + CONTEXT_PATH + "\n" + log());
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException(name + " did not deploy " + CONTEXT_PATH + " within " + START_TIMEOUT
                + " (last status " + status + ")\n" + log());
    }

    private void failIfEnded() throws IOException {
        if (!process.isAlive()) {
            throw new IllegalStateException(name + " ended with exit code " + process.exitValue() + "\n" + log());
        }
    }

    URI httpUri(String path) {
        return URI.create("http://127.0.0.1:" + port + CONTEXT_PATH + path);
    }

    URI webSocketUri(String path) {
        return URI.create("ws://127.0.0.1:" + port + CONTEXT_PATH + path);
    }

    String name() {
        return name;
    }

    /** Everything the server wrote to its console so far, and to the log files that say more. */
    String log() throws IOException {
        String console = Files.exists(consoleLog) ? Files.readString(consoleLog, StandardCharsets.UTF_8) : "(no console output)";
        return console + moreLog();
    }

    /** What the server logs to files only; none by default. */
    String moreLog() throws IOException {
        return "";
    }

    @Override
    public void close() throws InterruptedException {
        if (process == null) {
            return;
        }
        process.destroy();
        if (!process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        }
    }
}
