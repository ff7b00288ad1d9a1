package dev.tideway.websocket.client;

import static dev.tideway.websocket.client.ClientEchoTest.randomBytes;
import static dev.tideway.websocket.client.ClientEchoTest.utf8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tideway.websocket.protocol.CloseStatus;
import dev.tideway.websocket.protocol.WebSocketConnection;
import dev.tideway.websocket.protocol.WriteCallback;
import java.net.URI;
import java.nio.ByteBuffer;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** wss:// against the in-test server with self-signed certificates made at test time. */
class ClientTlsTest {
    private final WebSocketConnector connector = new WebSocketConnector();
    private TestServer server;

    @AfterEach
    void tearDown() throws Exception {
        connector.close();
        if (server != null) {
            server.close();
        }
    }

    @Test
    void echoesOverTlsWithTheHostNameVerified() throws Exception {
        TestCertificates certificates = TestCertificates.localhost();
        server = TestServer.startTls(certificates.serverContext(), request -> TestServer.Answer.upgrade());
        RecordingListener listener = new RecordingListener();
        ClientConnection client = connector.connect(ClientHandshakeRequest.builder(server.uri("/secure"))
                .sslContext(certificates.clientContext()).build(), r -> listener).get(5, TimeUnit.SECONDS);

        assertTrue(client.isSecure());
        assertEquals("localhost:" + server.port(), server.takeRequest().header("Host"));
        client.connection().sendText(utf8("secret"), true, WriteCallback.NOOP);
        assertEquals("secret", listener.nextText());
        byte[] big = randomBytes(1024 * 1024); // many TLS records, in several pooled buffers
        client.connection().sendBinary(ByteBuffer.wrap(big), true, WriteCallback.NOOP);
        assertArrayEquals(big, (byte[]) listener.next());

        client.connection().close(new CloseStatus(4002, "tls bye"));
        assertEquals(new CloseStatus(4002, "tls bye"), listener.awaitClosed());
        assertEquals(new CloseStatus(4002, "tls bye"), server.takeClose());
    }

    @Test
    void pausedReadingOverTlsKeepsThePlaintextUntilResumed() throws Exception {
        TestCertificates certificates = TestCertificates.localhost();
        server = TestServer.startTls(certificates.serverContext(), request -> TestServer.Answer.upgrade());
        RecordingListener listener = new RecordingListener();
        WebSocketConnection connection = connector.connect(ClientHandshakeRequest.builder(server.uri("/"))
                .sslContext(certificates.clientContext()).build(), r -> listener).get(5, TimeUnit.SECONDS).connection();
        listener.afterMessage = message -> connection.pauseReading();

        connection.sendText(utf8("burst:3"), true, WriteCallback.NOOP);

        assertEquals("m1", listener.nextText());
        assertNull(listener.poll(300), "a message arrived while reading was paused");
        listener.afterMessage = message -> { };
        connection.resumeReading();
        assertEquals("m2", listener.nextText());
        assertEquals("m3", listener.nextText());
    }

    @Test
    void aCertificateForAnotherHostFailsTheConnectSayingSo() throws Exception {
        TestCertificates wrong = TestCertificates.wrongHost();
        server = TestServer.startTls(wrong.serverContext(), request -> TestServer.Answer.upgrade());

        ClientHandshakeException failure = connectFailure(ClientHandshakeRequest.builder(server.uri("/"))
                .sslContext(wrong.clientContext()).build());

        assertEquals("TLS handshake with localhost:" + server.port() + " failed: host name 'localhost' did not"
                + " match the server's certificate (No subject alternative DNS name matching localhost found.)",
                failure.getMessage());
    }

    @Test
    void anIpAddressNotInTheCertificateFailsTheConnectSayingSo() throws Exception {
        TestCertificates wrong = TestCertificates.wrongHost();
        server = TestServer.startTls(wrong.serverContext(), request -> TestServer.Answer.upgrade());

        ClientHandshakeException failure = connectFailure(ClientHandshakeRequest.builder(
                URI.create("wss://127.0.0.1:" + server.port() + "/")).sslContext(wrong.clientContext()).build());

        assertEquals("TLS handshake with 127.0.0.1:" + server.port() + " failed: host name '127.0.0.1' did not"
                + " match the server's certificate (No subject alternative names matching IP address 127.0.0.1"
                + " found)", failure.getMessage());
    }

    @Test
    void hostNameVerificationCanBeTurnedOff() throws Exception {
        TestCertificates wrong = TestCertificates.wrongHost();
        server = TestServer.startTls(wrong.serverContext(), request -> TestServer.Answer.upgrade());
        RecordingListener listener = new RecordingListener();

        ClientConnection client = connector.connect(ClientHandshakeRequest.builder(server.uri("/"))
                .sslContext(wrong.clientContext()).hostnameVerification(false).build(), r -> listener)
                .get(5, TimeUnit.SECONDS);

        client.connection().sendText(utf8("trusting"), true, WriteCallback.NOOP);
        assertEquals("trusting", listener.nextText());
    }

    @Test
    void anUntrustedCertificateFailsTheConnect() throws Exception {
        server = TestServer.startTls(TestCertificates.localhost().serverContext(), request -> TestServer.Answer.upgrade());

        ClientHandshakeException failure = connectFailure(ClientHandshakeRequest.builder(server.uri("/")).build());

        assertTrue(failure.getMessage().startsWith("TLS handshake with localhost:" + server.port()
                + " failed: PKIX path building failed"), failure.getMessage());
    }

    private ClientHandshakeException connectFailure(ClientHandshakeRequest request) {
        ExecutionException e = assertThrows(ExecutionException.class,
                () -> connector.connect(request, r -> new RecordingListener()).get(5, TimeUnit.SECONDS));
        return assertInstanceOf(ClientHandshakeException.class, e.getCause());
    }
}
