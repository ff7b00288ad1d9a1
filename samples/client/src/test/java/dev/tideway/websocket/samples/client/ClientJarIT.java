package dev.tideway.websocket.samples.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tideway.websocket.samples.echo.ChildProcess;
import dev.tideway.websocket.samples.echo.EchoMain;
import dev.tideway.websocket.samples.launcher.ContainerKind;
import dev.tideway.websocket.samples.launcher.RunningServer;
import dev.tideway.websocket.samples.launcher.SampleLauncher;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The fat jar as a user runs it, {@code java -jar target/tideway-client.jar}, against the echo sample. */
class ClientJarIT {
    private static final Path MODULE = Path.of("").toAbsolutePath();
    private static final String JAR = MODULE.resolve(Path.of("target", "tideway-client.jar")).toString();
    private static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void sendsStandardInputAndPrintsTheEchoes() throws Exception {
        try (RunningServer echo = SampleLauncher.start(EchoMain.APP, ContainerKind.TOMCAT, "127.0.0.1", 0)) {
            String uri = "ws://127.0.0.1:" + echo.port() + "/echo";
            try (ChildProcess client = ChildProcess.start(List.of(JAVA, "-jar", JAR, uri), MODULE)) {
                client.finishInput("hello\ngrüße 🌊\n");

                assertEquals(0, client.awaitExit(WAIT), client.output().toString());
                assertEquals(List.of("Connected to " + uri + " (permessage-deflate)", "hello", "grüße 🌊",
                        "Closed: 1000 "), client.output());
            }
        }
    }

    @Test
    void aBadCommandLinePrintsTheUsageAndExitsWith2() throws Exception {
        try (ChildProcess client = ChildProcess.start(List.of(JAVA, "-jar", JAR, "http://example.com/"), MODULE)) {
            assertEquals(2, client.awaitExit(WAIT));
            List<String> expected = new java.util.ArrayList<>(List.of(
                    "'http://example.com/' is not a ws:// or wss:// URI with a host"));
            expected.addAll(ClientOptions.USAGE.lines().toList());
            assertEquals(expected, client.output());
        }
    }
}
