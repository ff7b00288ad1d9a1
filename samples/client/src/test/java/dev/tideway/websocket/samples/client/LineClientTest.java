package dev.tideway.websocket.samples.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tideway.websocket.samples.echo.EchoEndpoint;
import dev.tideway.websocket.samples.launcher.ContainerKind;
import dev.tideway.websocket.samples.launcher.RunningServer;
import dev.tideway.websocket.samples.launcher.SampleApp;
import dev.tideway.websocket.samples.launcher.SampleLauncher;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.StringReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The client's main logic against the echo sample (and two test endpoints) on embedded Tomcat. */
class LineClientTest {
    /**
     * The echo sample's endpoint and page, and the test endpoints. The page matters: without a servlet at
     * {@code /}, Tomcat answers every request, upgrades included, with 404.
     */
    private static final SampleApp APP = new SampleApp(Set.of(EchoEndpoint.class, TestEndpoints.Bye.class,
            TestEndpoints.Binary.class), Optional.of("echo-static"));

    private static RunningServer server;

    @BeforeAll
    static void start() throws Exception {
        server = SampleLauncher.start(APP, ContainerKind.TOMCAT, "127.0.0.1", 0);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void sendsEachLineAndPrintsTheEchoesThenClosesNormallyAtTheEndOfInput() throws Exception {
        Run run = Run.of(uri("/echo"), new BufferedReader(new StringReader("hello\ngrüße 🌊\n\nlast line")));

        assertEquals(0, run.exitStatus());
        assertEquals(List.of("hello", "grüße 🌊", "", "last line"), run.stdout());
        assertEquals(List.of("Connected to " + uri("/echo") + " (permessage-deflate)", "Closed: 1000 "), run.stderr());
    }

    @Test
    void aCloseByTheServerEndsTheClientThoughInputStaysOpen() throws Exception {
        try (PipedOutputStream typing = new PipedOutputStream();
             PipedInputStream keyboard = new PipedInputStream(typing)) {
            typing.write("hi\nbye\n".getBytes(StandardCharsets.UTF_8));
            typing.flush();

            Run run = Run.of(uri("/bye"), new BufferedReader(new InputStreamReader(keyboard, StandardCharsets.UTF_8)));

            assertEquals(1, run.exitStatus(), "4000 is not a normal closure");
            assertEquals(List.of("hi"), run.stdout());
            assertEquals(List.of("Connected to " + uri("/bye") + " (permessage-deflate)", "Closed: 4000 see you"),
                    run.stderr());
        }
    }

    @Test
    void binaryMessagesArePrintedAsHexOrByTheirLength() throws Exception {
        String longLine = "x".repeat(PrintingEndpoint.HEX_LIMIT + 1);
        Run run = Run.of(uri("/binary"), new BufferedReader(new StringReader("hi\n" + longLine + "\n")));

        assertEquals(0, run.exitStatus());
        assertEquals(List.of("[binary, 2 bytes] 6869", "[binary, 65 bytes]"), run.stdout());
    }

    @Test
    void aServerThatIsNotThereIsAnErrorStatus() throws Exception {
        URI nowhere = URI.create("ws://127.0.0.1:" + server.port() + "/nowhere");
        Run run = Run.of(nowhere, new BufferedReader(new StringReader("hello\n")));

        assertEquals(1, run.exitStatus());
        assertEquals(List.of(), run.stdout());
        assertEquals(1, run.stderr().size(), run.stderr().toString());
        assertTrue(run.stderr().get(0).startsWith("Could not connect to " + nowhere + ": "), run.stderr().toString());
        assertTrue(run.stderr().get(0).contains("404"), run.stderr().toString());
    }

    private static URI uri(String path) {
        return URI.create("ws://127.0.0.1:" + server.port() + path);
    }
}
