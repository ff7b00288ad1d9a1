package dev.tideway.websocket.samples.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tideway.websocket.samples.echo.ChildProcess;
import dev.tideway.websocket.samples.echo.PeerRuntime;
import java.io.BufferedReader;
import java.io.StringReader;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * wss:// against an independent echo server (Node's ws, peers/echo-server.js) with a self-signed certificate:
 * refused by default, accepted with {@code --insecure}. (The sample launcher serves plain HTTP only.)
 */
class LineClientTlsTest {
    private static ChildProcess server;
    private static URI uri;

    @BeforeAll
    static void start() throws Exception {
        SelfSignedCertificate certificate = SelfSignedCertificate.create(Path.of("target", "test-tls"));
        server = PeerRuntime.NODE.start("echo-server.js", certificate.key().toString(), certificate.cert().toString());
        uri = URI.create("wss://localhost:" + PeerRuntime.awaitPort(server) + "/");
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void insecureTrustsTheSelfSignedCertificate() throws Exception {
        Run run = Run.of(new ClientOptions(uri, true), new BufferedReader(new StringReader("over TLS\n")));

        assertEquals(0, run.exitStatus(), run.stderr().toString());
        assertEquals(List.of("over TLS"), run.stdout());
        assertEquals(List.of("Connected to " + uri + " (permessage-deflate)", "Closed: 1000 "), run.stderr());
    }

    @Test
    void withoutInsecureTheSelfSignedCertificateIsRefused() throws Exception {
        Run run = Run.of(new ClientOptions(uri, false), new BufferedReader(new StringReader("over TLS\n")));

        assertEquals(1, run.exitStatus());
        assertEquals(List.of(), run.stdout());
        assertEquals(1, run.stderr().size(), run.stderr().toString());
        assertTrue(run.stderr().get(0).startsWith("Could not connect to " + uri + ": "), run.stderr().toString());
    }
}
