package dev.tideway.websocket.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Independent WebSocket clients against Tideway's server: Node's ws and Python's websockets, each a child
 * process, exchange text, binary, fragmented and 1 MiB messages with {@link PeerEcho} under
 * permessage-deflate, plain and over TLS, and see the close code the server sends. Subclasses name the
 * container.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(60)
abstract class PeerClientSuite {
    private static final String PASSED = "RESULT ok extensions=permessage-deflate close=4001 bye";

    private AppHarness app;
    private TlsMaterial tls;

    protected abstract AppHarness newHarness();

    @BeforeAll
    void startApplication() throws Exception {
        tls = TlsMaterial.get();
        app = newHarness();
        app.start(WebApp.of(PeerEcho.class).atContextPath("/peers"), tls);
        assertTrue(app.applicationAvailable(), "the application started");
    }

    @AfterAll
    void stopApplication() throws Exception {
        if (app != null) {
            app.stop();
        }
    }

    static Stream<Arguments> clientsAndSchemes() {
        return Stream.of(PeerClient.values())
                .flatMap(client -> Stream.of(Scheme.values()).map(scheme -> Arguments.of(client, scheme)));
    }

    /** The upgrade request as the library sends it: without {@code Content-Length}, as browsers do. */
    @ParameterizedTest
    @MethodSource("clientsAndSchemes")
    void anIndependentClientExchangesEveryKindOfMessageAndSeesTheCloseCode(PeerClient client, Scheme scheme)
            throws Exception {
        assertEquals(PASSED, check(client, scheme, false));
    }

    /** The same with {@code Content-Length: 0} on the upgrade request, as the JDK's client sends it. */
    @ParameterizedTest
    @MethodSource("clientsAndSchemes")
    void anIndependentClientSendingContentLengthZeroExchangesEveryKindOfMessage(PeerClient client, Scheme scheme)
            throws Exception {
        assertEquals(PASSED, check(client, scheme, true));
    }

    private String check(PeerClient client, Scheme scheme, boolean contentLengthZero) throws Exception {
        client.require();
        Path trusted = scheme == Scheme.TLS ? tls.certificatePem() : null;
        return client.check(app.uri(scheme, "/peer-echo"), contentLengthZero, trusted);
    }
}
