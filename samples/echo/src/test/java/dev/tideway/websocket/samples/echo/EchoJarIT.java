package dev.tideway.websocket.samples.echo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tideway.websocket.samples.launcher.ContainerKind;
import jakarta.websocket.ClientEndpointConfig;
import jakarta.websocket.ContainerProvider;
import jakarta.websocket.Session;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The fat jar as a user runs it, {@code java -jar target/tideway-echo.jar}: server mode on each container, and
 * client mode.
 */
class EchoJarIT {
    private static final Path MODULE = Path.of("").toAbsolutePath();
    private static final String JAR = MODULE.resolve(Path.of("target", "tideway-echo.jar")).toString();
    private static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    private static final Duration WAIT = Duration.ofSeconds(30);

    @ParameterizedTest
    @EnumSource(ContainerKind.class)
    void serverModePrintsOneLineAndEchoes(ContainerKind container) throws Exception {
        try (ChildProcess echo = ChildProcess.start(List.of(JAVA, "-jar", JAR, "--port", "0", "--host", "127.0.0.1",
                "--container", container.id()), MODULE)) {
            String line = echo.awaitLine("Tideway echo", WAIT);
            Matcher listening = Pattern.compile("Tideway echo listening on (ws://127\\.0\\.0\\.1:\\d+/echo) \\("
                    + container.id() + "\\)").matcher(line);
            assertTrue(listening.matches(), line);

            RecordingClient recorder = new RecordingClient();
            try (Session session = ContainerProvider.getWebSocketContainer().connectToServer(recorder,
                    ClientEndpointConfig.Builder.create().build(), URI.create(listening.group(1)))) {
                session.getBasicRemote().sendText("hello from the jar test");
                assertEquals("hello from the jar test", recorder.next(WAIT));
            }
            assertEquals(List.of(line), echo.output(), "the server prints one line and nothing else");
        }
    }

    @Test
    void clientModeRunsEveryCaseOfAConformanceServer() throws Exception {
        try (ChildProcess server = PeerRuntime.NODE.start("fake-fuzzingserver.js", "2")) {
            String url = "ws://127.0.0.1:" + PeerRuntime.awaitPort(server);
            try (ChildProcess driver = ChildProcess.start(List.of(JAVA, "-jar", JAR, "--client", url), MODULE)) {
                assertEquals(0, driver.awaitExit(WAIT), driver.output().toString());
                assertEquals(List.of(
                        "Running 2 cases of " + url + " as agent tideway",
                        "case 1/2: closed 1000",
                        "case 2/2: closed 1000",
                        "Updated the reports of " + url + "; 2 of 2 cases ran to their close"), driver.output());
            }
            server.awaitLine("REPORTS tideway", WAIT);
            assertEquals(List.of("CASE 1 tideway OK", "CASE 2 tideway OK", "REPORTS tideway"),
                    server.output().stream().filter(line -> !line.startsWith("PORT")).toList());
        }
    }
}
