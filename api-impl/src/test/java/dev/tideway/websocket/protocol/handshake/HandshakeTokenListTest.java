package dev.tideway.websocket.protocol.handshake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link HandshakeHeaders#parseTokenList} and {@link HandshakeHeaders#containsToken}. */
class HandshakeTokenListTest {

    private static List<String> parse(String... lines) throws HandshakeException {
        return HandshakeHeaders.parseTokenList(Arrays.asList(lines));
    }

    private static boolean contains(String token, String... lines) {
        return HandshakeHeaders.containsToken(Arrays.asList(lines), token);
    }

    @Test
    void subprotocolsAreTrimmedAndKeepTheirOrder() throws HandshakeException {
        assertEquals(List.of("v2.chat", "chat", "Chat", "chat"), parse(" v2.chat ,\tchat", "Chat,chat "));
    }

    @Test
    void emptyElementsAndAbsentHeadersGiveNothing() throws HandshakeException {
        assertEquals(List.of(), HandshakeHeaders.parseTokenList(null));
        assertEquals(List.of(), parse("", " , ,", null));
        assertEquals(List.of("a", "b"), parse(",a,,b,"));
    }

    @Test
    void anElementThatIsNotOneTokenIsAnError() {
        HandshakeException space = assertThrows(HandshakeException.class, () -> parse("chat, my protocol"));
        assertEquals("Sec-WebSocket-Protocol: expected ',' but found 'p' at index 9", space.getMessage());

        HandshakeException slash = assertThrows(HandshakeException.class, () -> parse("chat", "chat/1"));
        assertEquals("Sec-WebSocket-Protocol: expected ',' but found '/' at index 4 of header line 2",
                slash.getMessage());

        HandshakeException quoted = assertThrows(HandshakeException.class, () -> parse("\"chat\""));
        assertEquals("Sec-WebSocket-Protocol: expected a token but found '\"' at index 0", quoted.getMessage());
    }

    @Test
    void findsUpgradeInAConnectionListWhateverItsCase() {
        assertTrue(contains("Upgrade", "keep-alive, Upgrade"));
        assertTrue(contains("upgrade", "keep-alive,UPGRADE"));
        assertTrue(contains("upgrade", "keep-alive", " \tUpgrade\t "));
        assertTrue(contains("websocket", "WebSocket"));
        assertTrue(contains("websocket", "h2c, websocket,"));
    }

    @Test
    void matchesWholeElementsOnly() {
        assertFalse(contains("upgrade", "keep-alive, upgrades"));
        assertFalse(contains("upgrade", "no-upgrade"));
        assertFalse(contains("websocket", "websocket/13"));
        assertFalse(contains("keep-alive", "keep alive"));
        assertFalse(contains("upgrade", ""));
        assertFalse(contains("upgrade", (String) null));
        assertFalse(HandshakeHeaders.containsToken(null, "upgrade"));
        assertFalse(HandshakeHeaders.containsToken(List.of(), "upgrade"));
    }
}
