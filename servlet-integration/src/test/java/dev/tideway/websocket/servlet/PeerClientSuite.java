package dev.tideway.websocket.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Independent WebSocket clients against Tideway's server: Node's ws and Python's websockets, each a child
 * process, exchange text, binary, fragmented and 1 MiB messages with {@link PeerEcho} under
 * permessage-deflate, and see the close code the server sends. Subclasses name the container.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(60)
abstract class PeerClientSuite {
    private static final String PASSED = "RESULT ok extensions=permessage-deflate close=4001 bye";
    private AppHarness app;

    protected abstract AppHarness newHarness();

    @BeforeAll
    void startApplication() throws Exception {
        app = newHarness();
        app.start(WebApp.of(PeerEcho.class).atContextPath("/peers"), TlsMaterial.get());
        assertTrue(app.applicationAvailable(), "the application started");
    }

    @AfterAll
    void stopApplication() throws Exception {
        if (app != null) {
            app.stop();
        }
    }

    /** The upgrade request as the library sends it: without {@code Content-Length}, as browsers do. */
    @ParameterizedTest
    @EnumSource(PeerClient.class)
    void anIndependentClientExchangesEveryKindOfMessageAndSeesTheCloseCode(PeerClient client) throws Exception {
        client.require();
        assertEquals(PASSED, client.check(app.uri(Scheme.PLAIN, "/peer-echo"), false));
    }

    /** The same with {@code Content-Length: 0} on the upgrade request, as the JDK's client sends it. */
    @ParameterizedTest
    @EnumSource(PeerClient.class)
    void anIndependentClientSendingContentLengthZeroExchangesEveryKindOfMessage(PeerClient client) throws Exception {
        client.require();
        assertEquals(PASSED, client.check(app.uri(Scheme.PLAIN, "/peer-echo"), true));
    }
}
