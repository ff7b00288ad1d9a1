package dev.tideway.websocket.samples.echo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The client driver against a stand-in for the Autobahn fuzzingserver (peers/fake-fuzzingserver.js, Node's
 * ws with permessage-deflate): three cases, each sending a text and a binary message that must come back
 * unchanged.
 */
class ConformanceDriverTest {

    @Test
    void visitsEveryCaseEchoingItsMessagesThenUpdatesTheReports() throws Exception {
        try (ChildProcess server = PeerRuntime.NODE.start("fake-fuzzingserver.js", "3")) {
            URI uri = URI.create("ws://127.0.0.1:" + PeerRuntime.awaitPort(server) + "/");
            ByteArrayOutputStream progress = new ByteArrayOutputStream();

            boolean allFinished = new ConformanceDriver(uri, new PrintStream(progress, true, StandardCharsets.UTF_8))
                    .run();

            assertTrue(allFinished, progress.toString(StandardCharsets.UTF_8));
            server.awaitLine("REPORTS", Duration.ofSeconds(5));
            List<String> serverSaw = server.output().stream().filter(line -> !line.startsWith("PORT")).toList();
            assertEquals(List.of("CASE 1 tideway OK", "CASE 2 tideway OK", "CASE 3 tideway OK", "REPORTS tideway"),
                    serverSaw);
            String base = "ws://127.0.0.1:" + uri.getPort();
            assertEquals(List.of(
                    "Running 3 cases of " + base + " as agent tideway",
                    "case 1/3: closed 1000",
                    "case 2/3: closed 1000",
                    "case 3/3: closed 1000",
                    "Updated the reports of " + base + "; 3 of 3 cases ran to their close"),
                    progress.toString(StandardCharsets.UTF_8).lines().toList());
        }
    }
}
