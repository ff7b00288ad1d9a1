package dev.tideway.websocket.servlet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tideway.websocket.protocol.Scheduler;
import dev.tideway.websocket.protocol.WriteCallback;
import dev.tideway.websocket.protocol.extension.PerMessageDeflateFactory;
import dev.tideway.websocket.server.handshake.ServerHandshake;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The opening handshake as a client sees it through the container: 101, 400, 426 and pass-through. */
@Timeout(30)
abstract class HandshakeSuite extends ContainerTestBase {

    @BeforeAll
    void deploy() {
        upgrades.deploy("/echo", TestEndpoint.echo());
        upgrades.deploy("/chat", TestEndpoint.echo().withHandshake(
                ServerHandshake.builder().subprotocols(List.of("chat", "superchat")).build()));
        upgrades.deploy("/deflate", TestEndpoint.echo().withHandshake(
                ServerHandshake.builder().extensions(List.of(new PerMessageDeflateFactory())).build()));
    }

    @Test
    void aValidUpgradeIsAnswered101WithTheAcceptKey() throws Exception {
        RawHttp.Response response = RawHttp.exchange(container.port(Scheme.PLAIN), "GET", "/echo",
                RawHttp.upgradeHeaders());

        assertEquals(101, response.status());
        assertEquals("websocket", response.header("Upgrade").toLowerCase(Locale.ROOT));
        assertEquals("upgrade", response.header("Connection").toLowerCase(Locale.ROOT));
        assertEquals(RawHttp.ACCEPT, response.header("Sec-WebSocket-Accept"));
        assertNull(response.header("Sec-WebSocket-Protocol"));
        assertNull(response.header("Sec-WebSocket-Extensions"));
    }

    @Test
    void aMissingKeyIsAnswered400WithTheReason() throws Exception {
        RawHttp.Response response = RawHttp.exchange(container.port(Scheme.PLAIN), "GET", "/echo",
                "Upgrade: websocket", "Connection: Upgrade", "Sec-WebSocket-Version: 13");

        assertEquals(400, response.status());
        assertEquals("Sec-WebSocket-Key: header missing", response.body());
    }

    @Test
    void anUpgradeWithoutConnectionUpgradeIsAnswered400() throws Exception {
        RawHttp.Response response = RawHttp.exchange(container.port(Scheme.PLAIN), "GET", "/echo",
                "Upgrade: websocket", "Connection: keep-alive", "Sec-WebSocket-Key: " + RawHttp.KEY,
                "Sec-WebSocket-Version: 13");

        // Jetty answers this one itself ("Invalid h2c upgrade headers") before any filter sees it
        assertEquals(400, response.status());
    }

    @Test
    void anotherVersionIsAnswered426WithTheVersionWeSpeak() throws Exception {
        RawHttp.Response response = RawHttp.exchange(container.port(Scheme.PLAIN), "GET", "/echo",
                "Upgrade: websocket", "Connection: Upgrade", "Sec-WebSocket-Key: " + RawHttp.KEY,
                "Sec-WebSocket-Version: 8");

        assertEquals(426, response.status());
        assertEquals("13", response.header("Sec-WebSocket-Version"));
        assertEquals("Sec-WebSocket-Version: \"8\" is not supported; this server supports version 13",
                response.body());
    }

    @Test
    void aPostUpgradeIsAnswered400() throws Exception {
        RawHttp.Response response = RawHttp.exchange(container.port(Scheme.PLAIN), "POST", "/echo",
                RawHttp.upgradeHeaders("Content-Length: 0"));

        assertEquals(400, response.status());
        assertEquals("Request method \"POST\": the opening handshake must be a GET request", response.body());
    }

    @Test
    void requestsThatAskForNoWebSocketReachTheApplication() throws Exception {
        RawHttp.Response plain = RawHttp.exchange(container.port(Scheme.PLAIN), "GET", "/echo");
        RawHttp.Response otherUpgrade = RawHttp.exchange(container.port(Scheme.PLAIN), "GET", "/echo",
                "Upgrade: h2c", "Connection: Upgrade, HTTP2-Settings", "HTTP2-Settings: AAMAAABkAAQCAAAAAAIAAAAA");

        assertEquals(200, plain.status());
        assertEquals("plain GET /echo", plain.body());
        assertEquals(200, otherUpgrade.status());
        assertEquals("plain GET /echo", otherUpgrade.body());
    }

    @Test
    void theClientsPreferredSubprotocolIsChosen() throws Exception {
        JdkPeer peer = connect(Scheme.PLAIN, "/chat", "superchat", "chat");

        assertEquals("superchat", peer.webSocket().getSubprotocol());
        peer.webSocket().sendText("over superchat", true);
        assertEquals("over superchat", peer.nextText());
        peer.abort();
    }

    @Test
    void withoutACommonSubprotocolTheConnectionOpensWithNone() throws Exception {
        JdkPeer peer = connect(Scheme.PLAIN, "/chat", "mqtt");

        assertEquals("", peer.webSocket().getSubprotocol());
        peer.abort();
    }

    @Test
    void aRequestWithoutContentLengthAsBrowsersSendItWorks() throws Exception {
        MessageCollector received = new MessageCollector();
        try (EngineClient client = EngineClient.connectLikeABrowser(container.port(Scheme.PLAIN), "/echo",
                received, Scheduler.of(timers))) {
            client.startReading();

            client.connection.sendText(ByteBuffer.wrap("like a browser".getBytes(StandardCharsets.UTF_8)), true,
                    WriteCallback.NOOP);

            assertEquals("like a browser", received.next());
        }
    }

    @Test
    void permessageDeflateIsNegotiatedAndCompressesBothWays() throws Exception {
        MessageCollector received = new MessageCollector();
        try (EngineClient client = EngineClient.connect(container.port(Scheme.PLAIN), "/deflate",
                List.of(new PerMessageDeflateFactory()), received, Scheduler.of(timers), 0)) {
            client.startReading();
            String text = "all work and no play makes jack a dull boy. ".repeat(2000); // 88,000 bytes

            client.connection.sendText(ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)), true,
                    WriteCallback.NOOP);

            assertEquals("permessage-deflate", client.handshake.header("Sec-WebSocket-Extensions"));
            assertEquals(1, client.connection.extensions().size());
            assertEquals(text, received.next());
            long wireBytes = client.bytesRead.get();
            assertTrue(wireBytes < 2_000, "the echo of 88,000 repetitive bytes took " + wireBytes + " on the wire");

            byte[] binary = new byte[10_000];
            client.connection.sendBinary(ByteBuffer.wrap(binary), true, WriteCallback.NOOP);
            assertArrayEquals(binary, (byte[]) received.next());
        }
    }
}
