package dev.tideway.websocket.client;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tideway.websocket.protocol.CloseStatus;
import dev.tideway.websocket.protocol.WebSocketConnection;
import dev.tideway.websocket.protocol.WriteCallback;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Messages and closes over ws:// against the in-test server, compressed and not. */
class ClientEchoTest {
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
    void echoesTextAndBinaryWithPermessageDeflateNegotiatedByDefault() throws Exception {
        server = TestServer.echo();
        RecordingListener listener = new RecordingListener();
        ClientConnection client = connect(ClientHandshakeRequest.builder(server.uri("/echo")).build(), listener);

        assertEquals("permessage-deflate", server.takeRequest().header("Sec-WebSocket-Extensions"));
        assertEquals(1, client.extensions().size());
        assertEquals("permessage-deflate", client.extensions().get(0).negotiated().name());
        assertFalse(client.isSecure());
        assertEquals("", client.subprotocol());
        assertEquals(List.of("websocket"), client.responseHeaders().get("upgrade"));

        client.connection().sendText(utf8("héllo"), true, WriteCallback.NOOP);
        assertEquals("héllo", listener.nextText());
        byte[] binary = randomBytes(3000);
        client.connection().sendBinary(ByteBuffer.wrap(binary), true, WriteCallback.NOOP);
        assertArrayEquals(binary, (byte[]) listener.next());
        assertTrue(listener.callbackThreads.stream().allMatch(t -> t.startsWith(connector.threadNamePrefix())),
                "messages are delivered on the connector's I/O threads: " + listener.callbackThreads);
    }

    @Test
    void echoesWithoutCompressionWhenNoExtensionIsConfigured() throws Exception {
        server = TestServer.echo();
        RecordingListener listener = new RecordingListener();
        ClientConnection client = connect(ClientHandshakeRequest.builder(server.uri("/")).extensions(List.of()).build(),
                listener);

        assertNull(server.takeRequest().header("Sec-WebSocket-Extensions"));
        assertTrue(client.extensions().isEmpty());
        client.connection().sendText(utf8("plain"), true, WriteCallback.NOOP);
        assertEquals("plain", listener.nextText());
    }

    @Test
    void echoesAMessageOfSeveralFramesAndManySocketWrites() throws Exception {
        server = TestServer.start(request -> TestServer.Answer.upgrade().withoutCompression());
        RecordingListener listener = new RecordingListener();
        ClientConnection client = connect(ClientHandshakeRequest.builder(server.uri("/")).build(), listener);

        byte[] big = randomBytes(3 * 1024 * 1024); // larger than socket buffers: the loop finishes the write
        client.connection().sendBinary(ByteBuffer.wrap(big), true, WriteCallback.NOOP);
        assertArrayEquals(big, (byte[]) listener.next());
    }

    @Test
    void clientCloseCodeReachesTheServerAndTheEchoReachesTheClient() throws Exception {
        server = TestServer.echo();
        RecordingListener listener = new RecordingListener();
        ClientConnection client = connect(ClientHandshakeRequest.builder(server.uri("/")).build(), listener);

        client.connection().close(new CloseStatus(4000, "done"));

        assertEquals(new CloseStatus(4000, "done"), server.takeClose());
        assertEquals(new CloseStatus(4000, "done"), listener.awaitClosed());
        assertTrue(listener.errors.isEmpty(), listener.errors::toString);
    }

    @Test
    void serverCloseCodeReachesTheClient() throws Exception {
        server = TestServer.echo();
        RecordingListener listener = new RecordingListener();
        ClientConnection client = connect(ClientHandshakeRequest.builder(server.uri("/")).build(), listener);

        client.connection().sendText(utf8("close:4001:bye"), true, WriteCallback.NOOP);

        assertEquals(new CloseStatus(4001, "bye"), listener.awaitClosed());
        assertEquals(new CloseStatus(4001, "bye"), server.takeClose());
    }

    @Test
    void bytesThatCameWithTheHandshakeAnswerAreTheFirstMessage() throws Exception {
        byte[] frame = {(byte) 0x81, 5, 'e', 'a', 'r', 'l', 'y'}; // an unmasked text frame from the server
        server = TestServer.start(request -> TestServer.Answer.upgrade().trailing(frame));
        RecordingListener listener = new RecordingListener();
        ClientConnection client = connect(ClientHandshakeRequest.builder(server.uri("/")).build(), listener);

        assertEquals("early", listener.nextText());
        client.connection().sendText(utf8("later"), true, WriteCallback.NOOP);
        assertEquals("later", listener.nextText());
    }

    @Test
    void negotiatesTheSubprotocolTheServerSelected() throws Exception {
        server = TestServer.start(request -> TestServer.Answer.upgrade().subprotocol("b"));
        ClientConnection client = connect(ClientHandshakeRequest.builder(server.uri("/"))
                .subprotocols(List.of("a", "b")).build(), new RecordingListener());

        assertEquals("a, b", server.takeRequest().header("Sec-WebSocket-Protocol"));
        assertEquals("b", client.subprotocol());
    }

    @Test
    void sendsFromManyThreadsAtOnce() throws Exception {
        server = TestServer.echo();
        RecordingListener listener = new RecordingListener();
        WebSocketConnection connection = connect(ClientHandshakeRequest.builder(server.uri("/")).build(), listener)
                .connection();

        int threads = 4;
        int perThread = 200;
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> senders = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int id = t;
            Thread sender = new Thread(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    return;
                }
                for (int i = 0; i < perThread; i++) {
                    connection.sendText(utf8(id + "-" + i), true, WriteCallback.NOOP);
                }
            });
            sender.start();
            senders.add(sender);
        }
        start.countDown();
        for (Thread sender : senders) {
            sender.join(5000);
        }
        Set<String> received = new HashSet<>();
        for (int i = 0; i < threads * perThread; i++) {
            received.add(listener.nextText());
        }
        assertEquals(threads * perThread, received.size());
    }

    @Test
    void pausedReadingDeliversNothingUntilResumedThenEverythingInOrder() throws Exception {
        server = TestServer.echo();
        RecordingListener listener = new RecordingListener();
        ClientConnection client = connect(ClientHandshakeRequest.builder(server.uri("/")).build(), listener);
        WebSocketConnection connection = client.connection();
        listener.afterMessage = message -> connection.pauseReading();

        connection.sendText(utf8("burst:3"), true, WriteCallback.NOOP);

        assertEquals("m1", listener.nextText());
        assertNull(listener.poll(300), "a message arrived while reading was paused");
        listener.afterMessage = message -> { };
        Thread resumer = new Thread(connection::resumeReading); // resumed from a thread of the session's
        resumer.start();
        resumer.join(1000);
        assertEquals("m2", listener.nextText());
        assertEquals("m3", listener.nextText());
    }

    private ClientConnection connect(ClientHandshakeRequest request, RecordingListener listener) throws Exception {
        return connector.connect(request, result -> listener).get(5, TimeUnit.SECONDS);
    }

    static ByteBuffer utf8(String text) {
        return ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
    }

    static byte[] randomBytes(int size) {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        return bytes;
    }
}
