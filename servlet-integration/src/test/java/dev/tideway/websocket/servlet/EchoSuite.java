package dev.tideway.websocket.servlet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tideway.websocket.protocol.CloseStatus;
import dev.tideway.websocket.protocol.WriteCallback;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Messages through the upgraded connection and back, over plain TCP and TLS. */
@Timeout(30)
abstract class EchoSuite extends ContainerTestBase {
    private final BlockingQueue<EchoListener> serverSides = new LinkedBlockingQueue<>();

    @BeforeAll
    void deploy() {
        upgrades.deploy("/echo", TestEndpoint.of((connection, accepted) -> {
            EchoListener listener = new EchoListener(connection);
            serverSides.add(listener);
            return listener;
        }));
        // sends while the engine is being built, before the transport's listeners are set: on Tomcat,
        // isReady() before setWriteListener throws, so the greeting must wait for onWritePossible
        upgrades.deploy("/greet", TestEndpoint.of((connection, accepted) -> {
            connection.sendText(utf8("welcome"), true, WriteCallback.NOOP);
            return new EchoListener(connection);
        }));
    }

    @ParameterizedTest
    @EnumSource(Scheme.class)
    void echoesText(Scheme scheme) throws Exception {
        JdkPeer peer = connect(scheme, "/echo");

        peer.webSocket().sendText("héllo, wörld", true).get(10, TimeUnit.SECONDS);

        assertEquals("héllo, wörld", peer.nextText());
        peer.abort();
    }

    @ParameterizedTest
    @EnumSource(Scheme.class)
    void echoesBinary(Scheme scheme) throws Exception {
        JdkPeer peer = connect(scheme, "/echo");
        byte[] data = {0, 1, 2, (byte) 0xFF, (byte) 0x80, 127};

        peer.webSocket().sendBinary(ByteBuffer.wrap(data), true).get(10, TimeUnit.SECONDS);

        assertArrayEquals(data, peer.nextBinary());
        peer.abort();
    }

    @ParameterizedTest
    @EnumSource(Scheme.class)
    void echoesAFragmentedTextMessageAsFragments(Scheme scheme) throws Exception {
        JdkPeer peer = connect(scheme, "/echo");

        peer.webSocket().sendText("frag", false).get(10, TimeUnit.SECONDS);
        peer.webSocket().sendText("ment", false).get(10, TimeUnit.SECONDS);
        peer.webSocket().sendText("ed", true).get(10, TimeUnit.SECONDS);

        assertEquals("fragmented", peer.nextText());
        int parts = peer.partsPerMessage.poll(10, TimeUnit.SECONDS);
        assertTrue(parts >= 3, "echoed in " + parts + " parts");
        peer.abort();
    }

    @ParameterizedTest
    @EnumSource(Scheme.class)
    void echoesAFragmentedBinaryMessage(Scheme scheme) throws Exception {
        JdkPeer peer = connect(scheme, "/echo");

        peer.webSocket().sendBinary(ByteBuffer.wrap(new byte[] {1, 2}), false).get(10, TimeUnit.SECONDS);
        peer.webSocket().sendBinary(ByteBuffer.wrap(new byte[] {3}), false).get(10, TimeUnit.SECONDS);
        peer.webSocket().sendBinary(ByteBuffer.wrap(new byte[] {4, 5}), true).get(10, TimeUnit.SECONDS);

        assertArrayEquals(new byte[] {1, 2, 3, 4, 5}, peer.nextBinary());
        peer.abort();
    }

    @ParameterizedTest
    @EnumSource(Scheme.class)
    void echoesAFourMegabyteMessage(Scheme scheme) throws Exception {
        JdkPeer peer = connect(scheme, "/echo");
        byte[] data = new byte[4 * 1024 * 1024];
        new Random(42).nextBytes(data);

        peer.webSocket().sendBinary(ByteBuffer.wrap(data), true).get(10, TimeUnit.SECONDS);

        assertArrayEquals(data, peer.nextBinary());
        peer.abort();
    }

    @ParameterizedTest
    @EnumSource(Scheme.class)
    void echoesTenThousandPipelinedMessagesInOrder(Scheme scheme) throws Exception {
        JdkPeer peer = connect(scheme, "/echo");
        int count = 10_000;

        // each send waits only for its bytes to leave, never for an echo: they are all in flight at once
        for (int i = 0; i < count; i++) {
            peer.webSocket().sendText("message-" + i, true).get(10, TimeUnit.SECONDS);
        }

        List<String> received = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            received.add(peer.nextText());
        }
        for (int i = 0; i < count; i++) {
            assertEquals("message-" + i, received.get(i));
        }
        peer.abort();
    }

    @ParameterizedTest
    @EnumSource(Scheme.class)
    void whatTheServerSendsWhileTheConnectionIsBuiltArrivesFirst(Scheme scheme) throws Exception {
        JdkPeer peer = connect(scheme, "/greet");

        assertEquals("welcome", peer.nextText());
        peer.webSocket().sendText("then this", true).get(10, TimeUnit.SECONDS);
        assertEquals("then this", peer.nextText());
        peer.abort();
    }

    @ParameterizedTest
    @EnumSource(Scheme.class)
    void closingHandshakeCompletesBothWays(Scheme scheme) throws Exception {
        serverSides.clear();
        JdkPeer peer = connect(scheme, "/echo");
        EchoListener server = serverSides.poll(10, TimeUnit.SECONDS);

        peer.webSocket().sendClose(1000, "bye").get(10, TimeUnit.SECONDS);

        assertEquals(new JdkPeer.Close(1000, "bye"), peer.closed.get(10, TimeUnit.SECONDS));
        assertEquals(new CloseStatus(1000, "bye"), server.closed.get(10, TimeUnit.SECONDS));
    }

    @ParameterizedTest
    @EnumSource(Scheme.class)
    void aDroppedTcpConnectionEndsTheServerSideWith1006(Scheme scheme) throws Exception {
        serverSides.clear();
        JdkPeer peer = connect(scheme, "/echo");
        EchoListener server = serverSides.poll(10, TimeUnit.SECONDS);

        peer.abort();

        assertEquals(1006, server.closed.get(10, TimeUnit.SECONDS).code());
    }

    static ByteBuffer utf8(String text) {
        return ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
    }
}
