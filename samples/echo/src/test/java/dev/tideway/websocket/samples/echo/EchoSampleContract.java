package dev.tideway.websocket.samples.echo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tideway.websocket.samples.launcher.ContainerKind;
import dev.tideway.websocket.samples.launcher.RunningServer;
import dev.tideway.websocket.samples.launcher.SampleLauncher;
import jakarta.websocket.ClientEndpointConfig;
import jakarta.websocket.CloseReason;
import jakarta.websocket.ContainerProvider;
import jakarta.websocket.Extension;
import jakarta.websocket.HandshakeResponse;
import jakarta.websocket.Session;
import jakarta.websocket.WebSocketContainer;
import java.net.URI;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The echo sample as the launcher runs it, in one container per subclass: Tideway's client and the
 * independent Node ws and Python websockets clients get their messages back.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class EchoSampleContract {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final int SIXTEEN_MIB = 16 * 1024 * 1024;

    private final ContainerKind container;
    private final WebSocketContainer client = ContainerProvider.getWebSocketContainer();
    private RunningServer server;
    private URI echo;

    EchoSampleContract(ContainerKind container) {
        this.container = container;
        client.setDefaultMaxTextMessageBufferSize(SIXTEEN_MIB);
        client.setDefaultMaxBinaryMessageBufferSize(SIXTEEN_MIB);
    }

    @BeforeAll
    void start() throws Exception {
        server = SampleLauncher.start(EchoMain.APP, container, "127.0.0.1", 0);
        echo = URI.create("ws://127.0.0.1:" + server.port() + "/echo");
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void textComesBackAsTextAndBinaryAsBinary() throws Exception {
        RecordingClient recorder = new RecordingClient();
        try (Session session = connect(recorder, ClientEndpointConfig.Builder.create().build())) {
            session.getBasicRemote().sendText("hello");
            session.getBasicRemote().sendBinary(ByteBuffer.wrap(new byte[] {0, 1, (byte) 0xff}));
            session.getBasicRemote().sendText("grüße 🌊");

            assertEquals("hello", recorder.next(WAIT));
            assertArrayEquals(new byte[] {0, 1, (byte) 0xff}, (byte[]) recorder.next(WAIT));
            assertEquals("grüße 🌊", recorder.next(WAIT));
        }
    }

    @Test
    void sixteenMebibyteMessagesComeBackWhole() throws Exception {
        String text = "0123456789abcdef".repeat(SIXTEEN_MIB / 16);
        byte[] binary = new byte[SIXTEEN_MIB];
        new Random(7).nextBytes(binary); // incompressible: the deflater's worst case
        RecordingClient recorder = new RecordingClient();
        try (Session session = connect(recorder, ClientEndpointConfig.Builder.create().build())) {
            session.getBasicRemote().sendText(text);
            session.getBasicRemote().sendBinary(ByteBuffer.wrap(binary));

            assertEquals(text, recorder.next(WAIT));
            assertArrayEquals(binary, (byte[]) recorder.next(WAIT));
        }
    }

    @Test
    void aMessageOverSixteenMebibytesClosesWith1009() throws Exception {
        RecordingClient recorder = new RecordingClient();
        try (Session session = connect(recorder, ClientEndpointConfig.Builder.create().build())) {
            session.getBasicRemote().sendBinary(ByteBuffer.allocate(SIXTEEN_MIB + 1));

            assertEquals(CloseReason.CloseCodes.TOO_BIG.getCode(),
                    recorder.awaitClose(WAIT).getCloseCode().getCode());
        }
    }

    @Test
    void permessageDeflateIsNegotiatedWhenOffered() throws Exception {
        Map<String, List<String>> responseHeaders = new ConcurrentHashMap<>();
        ClientEndpointConfig config = ClientEndpointConfig.Builder.create()
                .extensions(List.copyOf(client.getInstalledExtensions()))
                .configurator(new ClientEndpointConfig.Configurator() {
                    @Override
                    public void afterResponse(HandshakeResponse response) {
                        responseHeaders.putAll(response.getHeaders());
                    }
                }).build();
        RecordingClient recorder = new RecordingClient();
        try (Session session = connect(recorder, config)) {
            assertEquals(List.of("permessage-deflate"),
                    session.getNegotiatedExtensions().stream().map(Extension::getName).toList());
            String accepted = responseHeaders.entrySet().stream()
                    .filter(header -> header.getKey().equalsIgnoreCase("Sec-WebSocket-Extensions"))
                    .map(header -> String.join(", ", header.getValue())).findFirst().orElse("");
            assertTrue(accepted.startsWith("permessage-deflate"), "Sec-WebSocket-Extensions: " + accepted);

            String compressible = "tideway ".repeat(10_000);
            session.getBasicRemote().sendText(compressible);
            assertEquals(compressible, recorder.next(WAIT));
        }
    }

    @Test
    void nodeWsClientGetsEveryMessageBack() throws Exception {
        assertPeerClientPasses(PeerRuntime.NODE, "echo-client.js");
    }

    @Test
    void pythonWebsocketsClientGetsEveryMessageBack() throws Exception {
        assertPeerClientPasses(PeerRuntime.PYTHON, "echo_client.py");
    }

    private void assertPeerClientPasses(PeerRuntime runtime, String script) throws Exception {
        try (ChildProcess peer = runtime.start(script, echo.toString())) {
            int status = peer.awaitExit(WAIT);
            String result = peer.awaitLine("RESULT", Duration.ofSeconds(1));
            assertTrue(result.startsWith("RESULT OK 5 messages echoed, extensions: permessage-deflate"),
                    result + "\n" + peer.output());
            assertEquals(0, status, peer.output().toString());
        }
    }

    private Session connect(RecordingClient recorder, ClientEndpointConfig config) throws Exception {
        return client.connectToServer(recorder, config, echo);
    }
}
