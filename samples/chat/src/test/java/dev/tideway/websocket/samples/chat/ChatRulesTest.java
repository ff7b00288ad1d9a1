package dev.tideway.websocket.samples.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ChatRulesTest {
    private static final String BAD_ROOM = "A room name is 1 to 32 letters, digits, '_', '.' or '-'";
    private static final String BAD_NAME =
            "Pick a name of 1 to 24 characters, without control characters or spaces at either end: ?name=...";

    @Test
    void acceptsOrdinaryRoomsAndNames() {
        assertEquals(Optional.empty(), ChatRules.whyNotJoin("lobby", "alice"));
        assertEquals(Optional.empty(), ChatRules.whyNotJoin("café-2.0_x", "Zoë O'Neil"));
        assertEquals(Optional.empty(), ChatRules.whyNotJoin("r".repeat(32), "n".repeat(24)));
    }

    @Test
    void refusesBadRooms() {
        assertEquals(Optional.of(BAD_ROOM), ChatRules.whyNotJoin("", "alice"));
        assertEquals(Optional.of(BAD_ROOM), ChatRules.whyNotJoin("r".repeat(33), "alice"));
        assertEquals(Optional.of(BAD_ROOM), ChatRules.whyNotJoin("two words", "alice"));
        assertEquals(Optional.of(BAD_ROOM), ChatRules.whyNotJoin("a/b", "alice"));
    }

    @Test
    void refusesBadNames() {
        assertEquals(Optional.of(BAD_NAME), ChatRules.whyNotJoin("lobby", null));
        assertEquals(Optional.of(BAD_NAME), ChatRules.whyNotJoin("lobby", ""));
        assertEquals(Optional.of(BAD_NAME), ChatRules.whyNotJoin("lobby", "   "));
        assertEquals(Optional.of(BAD_NAME), ChatRules.whyNotJoin("lobby", " alice"));
        assertEquals(Optional.of(BAD_NAME), ChatRules.whyNotJoin("lobby", "al\nice"));
        assertEquals(Optional.of(BAD_NAME), ChatRules.whyNotJoin("lobby", "n".repeat(25)));
    }

    @Test
    void everyReasonFitsACloseFrame() {
        assertTrue(BAD_ROOM.getBytes(StandardCharsets.UTF_8).length <= 123);
        assertTrue(BAD_NAME.getBytes(StandardCharsets.UTF_8).length <= 123);
    }

    @Test
    void refusesEmptyAndOverlongText() {
        assertEquals(Optional.empty(), ChatRules.whyNotSay("hi"));
        assertEquals(Optional.empty(), ChatRules.whyNotSay("x".repeat(2000)));
        assertEquals(Optional.of("Say something: the text is empty"), ChatRules.whyNotSay(" \n"));
        assertEquals(Optional.of("Say less: at most 2000 characters a message"), ChatRules.whyNotSay("x".repeat(2001)));
    }
}
