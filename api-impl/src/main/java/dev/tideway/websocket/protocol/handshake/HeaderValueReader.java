package dev.tideway.websocket.protocol.handshake;

/**
 * A cursor over one header value for the RFC 7230 §3.2.6 pieces that handshake headers are made of: tokens,
 * quoted strings, separators and optional whitespace. Errors name the header and the index in the value.
 */
final class HeaderValueReader {
    private final String headerName;
    private final String value;
    /** Which of several header lines this is, for messages; empty when there is only one. */
    private final String line;
    private int index;

    HeaderValueReader(String headerName, String value, String line) {
        this.headerName = headerName;
        this.value = value;
        this.line = line;
    }

    boolean atEnd() {
        return index == value.length();
    }

    /** Skips OWS: spaces and horizontal tabs. */
    void skipWhitespace() {
        while (!atEnd() && isWhitespace(value.charAt(index))) {
            index++;
        }
    }

    /** Consumes {@code separator} if it is next. */
    boolean skip(char separator) {
        if (!atEnd() && value.charAt(index) == separator) {
            index++;
            return true;
        }
        return false;
    }

    boolean startsQuotedString() {
        return !atEnd() && value.charAt(index) == '"';
    }

    /** Reads one or more token characters; {@code what} names the expected token in the error. */
    String token(String what) throws HandshakeException {
        int start = index;
        while (!atEnd() && isTokenChar(value.charAt(index))) {
            index++;
        }
        if (index == start) {
            throw unexpected(what);
        }
        return value.substring(start, index);
    }

    /** Reads a quoted string, starting at its opening quote, and returns its content with escapes undone. */
    String quotedString() throws HandshakeException {
        int opening = index;
        StringBuilder content = new StringBuilder();
        index++;
        while (!atEnd()) {
            char c = value.charAt(index);
            if (c == '"') {
                index++;
                return content.toString();
            }
            if (c == '\\') {
                index++;
                if (atEnd()) {
                    break;
                }
                c = value.charAt(index);
            }
            if (!isQuotedTextChar(c)) {
                throw error("invalid " + describe(c) + " in quoted string", index);
            }
            content.append(c);
            index++;
        }
        throw error("unterminated quoted string", opening);
    }

    /** The error for what stands at the cursor when {@code expected} should. */
    HandshakeException unexpected(String expected) {
        String found = atEnd() ? "end of value" : describe(value.charAt(index));
        return error("expected " + expected + " but found " + found, index);
    }

    HandshakeException error(String problem, int at) {
        return new HandshakeException(headerName + ": " + problem + " at index " + at + line);
    }

    int index() {
        return index;
    }

    /** RFC 7230 §3.2.6 tchar. */
    static boolean isTokenChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
    }

    static boolean isToken(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (!isTokenChar(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** What may stand in a quoted string, plain or escaped: HTAB, SP, VCHAR and obs-text (RFC 7230 §3.2.6). */
    static boolean isQuotedTextChar(char c) {
        return c == '\t' || (c >= ' ' && c != 0x7F && c <= 0xFF);
    }

    static boolean isWhitespace(char c) {
        return c == ' ' || c == '\t';
    }

    private static String describe(char c) {
        return c > ' ' && c < 0x7F ? "'" + c + "'" : String.format("character 0x%02X", (int) c);
    }
}
