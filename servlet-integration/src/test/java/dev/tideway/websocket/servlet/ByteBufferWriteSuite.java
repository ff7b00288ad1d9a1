package dev.tideway.websocket.servlet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpClient;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Buffers without an array on a real container: a broadcast's read-only frames and direct buffers, which
 * a Servlet 6.1 container (both under test) takes through its own {@code write(ByteBuffer)}, arrive
 * intact and in order, also when the container is not ready at once. Subclasses name the container.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(60)
abstract class ByteBufferWriteSuite {
    private static final int COUNT = 40;
    private static final int SIZE = 200 * 1024;

    private AppHarness app;
    private JdkPeer peer;

    protected abstract AppHarness newHarness();

    @BeforeAll
    void startApplication() throws Exception {
        app = newHarness();
        app.start(WebApp.of(BufferKindsEndpoint.class), TlsMaterial.get());
        assertTrue(app.applicationAvailable(), "the application started");
        peer = JdkPeer.connect(HttpClient.newHttpClient(), app.uri(Scheme.PLAIN, "/buffer-kinds"));
    }

    @AfterAll
    void stopApplication() throws Exception {
        if (app != null) {
            app.stop();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"prepared", "direct"})
    void messagesFromBuffersWithoutAnArrayArriveIntact(String kind) throws Exception {
        byte[] expected = BufferKindsEndpoint.pattern(SIZE);

        peer.webSocket().sendText(kind + " " + COUNT + " " + SIZE, true).get(10, TimeUnit.SECONDS);

        for (int i = 0; i < COUNT; i++) {
            assertArrayEquals(expected, peer.nextBinary(), "message " + i);
        }
        assertEquals("done", peer.nextText());
    }
}
