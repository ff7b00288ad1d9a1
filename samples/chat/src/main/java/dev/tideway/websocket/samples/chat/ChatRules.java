package dev.tideway.websocket.samples.chat;

import java.util.Optional;
import java.util.regex.Pattern;

/** What the chat accepts: room and user names (the reasons fit a close frame: 123 bytes at most), and text. */
final class ChatRules {
    static final int MAX_NAME_LENGTH = 24;
    static final int MAX_TEXT_LENGTH = 2000;
    private static final Pattern ROOM = Pattern.compile("[\\p{L}\\p{N}_.-]{1,32}");

    private ChatRules() {
    }

    /** Why a user may not join {@code room} as {@code name} ({@code name} may be null: not given). */
    static Optional<String> whyNotJoin(String room, String name) {
        if (!ROOM.matcher(room).matches()) {
            return Optional.of("A room name is 1 to 32 letters, digits, '_', '.' or '-'");
        }
        if (name == null || name.isBlank() || name.length() > MAX_NAME_LENGTH || !name.equals(name.strip())
                || name.codePoints().anyMatch(Character::isISOControl)) {
            return Optional.of("Pick a name of 1 to " + MAX_NAME_LENGTH
                    + " characters, without control characters or spaces at either end: ?name=...");
        }
        return Optional.empty();
    }

    /** Why {@code text} may not be said, if it may not. */
    static Optional<String> whyNotSay(String text) {
        if (text.isBlank()) {
            return Optional.of("Say something: the text is empty");
        }
        if (text.length() > MAX_TEXT_LENGTH) {
            return Optional.of("Say less: at most " + MAX_TEXT_LENGTH + " characters a message");
        }
        return Optional.empty();
    }
}
