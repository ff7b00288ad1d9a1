package dev.tideway.websocket.client;

import static dev.tideway.websocket.client.ClientEchoTest.utf8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tideway.websocket.protocol.CloseStatus;
import dev.tideway.websocket.protocol.WriteCallback;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The client against an independent server implementation, over ws and wss: one subclass per peer.
 * Each peer runs twice, plain and with TLS, as child processes for the whole class.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class PeerInteropTest {
    private final WebSocketConnector connector = new WebSocketConnector();
    private final TestCertificates certificates = TestCertificates.localhost();
    private PeerProcess plain;
    private PeerProcess secure;

    /** The peer this test runs against. */
    abstract Peer peer();

    @BeforeAll
    void startPeers() throws Exception {
        peer().require();
        plain = peer().startPlain();
        secure = peer().startTls();
    }

    @AfterAll
    void stopPeers() throws Exception {
        connector.close();
        for (PeerProcess peer : new PeerProcess[] {plain, secure}) {
            if (peer != null) {
                peer.close();
            }
        }
    }

    @Test
    void echoesOverWsWithCompressionAndTheSubprotocol() throws Exception {
        RecordingListener listener = new RecordingListener();
        ClientConnection client = connect(URI.create("ws://127.0.0.1:" + plain.port() + "/"), listener);

        assertEquals("echo", client.subprotocol());
        assertEquals(List.of("permessage-deflate"),
                client.extensions().stream().map(e -> e.negotiated().name()).toList());
        echoes(client, listener);
        client.connection().close(new CloseStatus(4000, "client done"));
        assertEquals(new CloseStatus(4000, "client done"), listener.awaitClosed());
        assertEquals("CLOSED 4000 client done", plain.awaitLine("CLOSED"));
    }

    @Test
    void echoesOverWssAndTakesTheServersCloseCode() throws Exception {
        RecordingListener listener = new RecordingListener();
        ClientConnection client = connect(URI.create("wss://localhost:" + secure.port() + "/"), listener);

        assertTrue(client.isSecure());
        echoes(client, listener);
        client.connection().sendText(utf8("close:4001:server done"), true, WriteCallback.NOOP);
        assertEquals(new CloseStatus(4001, "server done"), listener.awaitClosed());
        assertEquals("CLOSED 4001 server done", secure.awaitLine("CLOSED"));
    }

    private void echoes(ClientConnection client, RecordingListener listener) throws Exception {
        client.connection().sendText(utf8("héllo wörld"), true, WriteCallback.NOOP);
        assertEquals("héllo wörld", listener.nextText());
        byte[] binary = ClientEchoTest.randomBytes(70_000);
        client.connection().sendBinary(ByteBuffer.wrap(binary), true, WriteCallback.NOOP);
        assertArrayEquals(binary, (byte[]) listener.next());
        String compressible = "tideway ".repeat(100_000); // large enough for every peer to compress it
        client.connection().sendText(ByteBuffer.wrap(compressible.getBytes(StandardCharsets.UTF_8)), true,
                WriteCallback.NOOP);
        assertEquals(compressible, listener.nextText());
    }

    private ClientConnection connect(URI uri, RecordingListener listener) throws Exception {
        ClientHandshakeRequest request = ClientHandshakeRequest.builder(uri)
                .subprotocols(List.of("echo"))
                .sslContext(certificates.clientContext())
                .build();
        return connector.connect(request, result -> listener).get(10, TimeUnit.SECONDS);
    }
}
