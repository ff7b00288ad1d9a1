package dev.tideway.websocket.server.handshake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** RFC 6455 §4.2.1: each rule of a valid upgrade request, and the exact answer when it is broken. */
class UpgradeRequestValidationTest {
    private final ServerHandshake handshake = ServerHandshake.builder().build();

    @Test
    void theRfcExampleRequestIsAccepted() {
        assertInstanceOf(HandshakeAcceptance.class, handshake.process("GET", RequestHeaders.valid()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"POST", "HEAD", "get", "CONNECT"})
    void onlyGetCanOpenAWebSocket(String method) {
        assertRejected(400, "Request method \"" + method + "\": the opening handshake must be a GET request",
                handshake.process(method, RequestHeaders.valid()));
    }

    @Test
    void upgradeHeaderMissing() {
        assertRejected(400, "Upgrade: header missing; expected websocket",
                handshake.process("GET", RequestHeaders.valid().remove("Upgrade")));
    }

    @Test
    void upgradeHeaderWithoutWebsocket() {
        assertRejected(400, "Upgrade: \"h2c, TLS/1.2\" does not contain websocket",
                handshake.process("GET", RequestHeaders.valid().set("Upgrade", "h2c", "TLS/1.2")));
    }

    @Test
    void upgradeTokenIsCaseInsensitiveAndMayShareTheHeader() {
        assertInstanceOf(HandshakeAcceptance.class,
                handshake.process("GET", RequestHeaders.valid().set("Upgrade", "h2c, WebSocket")));
    }

    @Test
    void connectionHeaderMissing() {
        assertRejected(400, "Connection: header missing; expected Upgrade",
                handshake.process("GET", RequestHeaders.valid().remove("Connection")));
    }

    @Test
    void connectionHeaderWithoutUpgrade() {
        assertRejected(400, "Connection: \"keep-alive\" does not contain Upgrade",
                handshake.process("GET", RequestHeaders.valid().set("Connection", "keep-alive")));
    }

    @Test
    void connectionTokenMayBeOneOfSeveralOnSeveralLines() {
        assertInstanceOf(HandshakeAcceptance.class, handshake.process("GET",
                RequestHeaders.valid().set("Connection", "keep-alive", " upgrade ")));
    }

    @Test
    void versionMissingIsAnswered426WithTheSupportedVersion() {
        assertRejected(426, "Sec-WebSocket-Version: header missing; this server supports version 13",
                handshake.process("GET", RequestHeaders.valid().remove("Sec-WebSocket-Version")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"8", "12", "14", "13, 8", "thirteen"})
    void anotherVersionIsAnswered426WithTheSupportedVersion(String version) {
        HandshakeOutcome outcome = handshake.process("GET",
                RequestHeaders.valid().set("Sec-WebSocket-Version", version));

        assertRejected(426, "Sec-WebSocket-Version: \"" + version
                + "\" is not supported; this server supports version 13", outcome);
        assertEquals(Map.of("Sec-WebSocket-Version", "13"), ((HandshakeRejection) outcome).headers());
    }

    @Test
    void versionOnTwoLinesIsNotSupported() {
        assertRejected(426, "Sec-WebSocket-Version: \"13, 13\" is not supported; this server supports version 13",
                handshake.process("GET", RequestHeaders.valid().set("Sec-WebSocket-Version", "13", "13")));
    }

    @Test
    void versionIsCheckedBeforeTheKey() {
        // a client of another version may not even send a key: tell it the version first
        assertRejected(426, "Sec-WebSocket-Version: \"8\" is not supported; this server supports version 13",
                handshake.process("GET", RequestHeaders.valid().set("Sec-WebSocket-Version", "8")
                        .remove("Sec-WebSocket-Key")));
    }

    @Test
    void keyMissing() {
        assertRejected(400, "Sec-WebSocket-Key: header missing",
                handshake.process("GET", RequestHeaders.valid().remove("Sec-WebSocket-Key")));
    }

    @Test
    void keySentTwice() {
        assertRejected(400, "Sec-WebSocket-Key: sent 2 times; exactly one expected", handshake.process("GET",
                RequestHeaders.valid().set("Sec-WebSocket-Key", RequestHeaders.RFC_KEY, RequestHeaders.RFC_KEY)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "dGhlIHNhbXBsZSBub25jZQ", "dGhlIHNhbXBsZSBub25jZSE=", "not a key at all"})
    void keyThatIsNotSixteenBytesInBase64(String key) {
        assertRejected(400, "Sec-WebSocket-Key: \"" + key + "\" is not the base64 encoding of 16 bytes",
                handshake.process("GET", RequestHeaders.valid().set("Sec-WebSocket-Key", key)));
    }

    @Test
    void keyMayCarrySurroundingWhitespace() {
        HandshakeOutcome outcome = handshake.process("GET",
                RequestHeaders.valid().set("Sec-WebSocket-Key", " " + RequestHeaders.RFC_KEY + "\t"));

        assertEquals(RequestHeaders.RFC_ACCEPT,
                ((HandshakeAcceptance) outcome).responseHeaders().get("Sec-WebSocket-Accept"));
    }

    @Test
    void rulesAreCheckedInTheRfcsOrder() {
        RequestHeaders empty = new RequestHeaders();
        assertRejected(400, "Upgrade: header missing; expected websocket", handshake.process("GET", empty));
        empty.set("Upgrade", "websocket");
        assertRejected(400, "Connection: header missing; expected Upgrade", handshake.process("GET", empty));
        empty.set("Connection", "Upgrade");
        assertRejected(426, "Sec-WebSocket-Version: header missing; this server supports version 13",
                handshake.process("GET", empty));
        empty.set("Sec-WebSocket-Version", "13");
        assertRejected(400, "Sec-WebSocket-Key: header missing", handshake.process("GET", empty));
    }

    @Test
    void clientTextInAReasonIsCutShortAndKeptToPrintableAscii() {
        String hostile = "a\r\nSet-Cookie: x=1 " + "b".repeat(100);

        HandshakeOutcome outcome = handshake.process("GET", RequestHeaders.valid().set("Upgrade", hostile));

        assertRejected(400, "Upgrade: \"a??Set-Cookie: x=1 " + "b".repeat(64 - 19) + "...\" does not contain websocket",
                outcome);
    }

    @Test
    void isUpgradeRequestLooksOnlyAtTheUpgradeHeader() {
        assertTrue(ServerHandshake.isUpgradeRequest(new RequestHeaders().set("Upgrade", "WebSocket")));
        assertTrue(ServerHandshake.isUpgradeRequest(new RequestHeaders().set("upgrade", "h2c", "websocket")));
        assertFalse(ServerHandshake.isUpgradeRequest(new RequestHeaders().set("Upgrade", "h2c")));
        assertFalse(ServerHandshake.isUpgradeRequest(new RequestHeaders().set("Connection", "Upgrade")));
    }

    private static void assertRejected(int status, String reason, HandshakeOutcome outcome) {
        HandshakeRejection rejection = assertInstanceOf(HandshakeRejection.class, outcome);
        assertEquals(reason, rejection.reason());
        assertEquals(status, rejection.status());
        if (status == 400) {
            assertEquals(Map.of(), rejection.headers());
        }
    }
}
