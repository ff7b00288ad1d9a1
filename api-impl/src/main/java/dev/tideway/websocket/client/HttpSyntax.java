package dev.tideway.websocket.client;

import dev.tideway.websocket.protocol.handshake.HandshakeException;
import dev.tideway.websocket.protocol.handshake.HandshakeHeaders;
import java.util.List;

/** The two checks a request header needs before it goes on the wire. */
final class HttpSyntax {

    private HttpSyntax() {
    }

    /** Whether {@code s} is one HTTP token (RFC 9110 §5.6.2), the rule for header names and subprotocols. */
    static boolean isToken(String s) {
        if (s == null) {
            return false;
        }
        try {
            // a token list that reads back as exactly this one element is exactly one token
            return HandshakeHeaders.parseTokenList(List.of(s)).equals(List.of(s));
        } catch (HandshakeException notAToken) {
            return false;
        }
    }

    /**
     * Whether {@code value} can be a header field value: no CR, LF or NUL, which would end the field early
     * and let the value inject header lines of its own.
     */
    static boolean isFieldValue(String value) {
        return value != null && value.indexOf('\r') < 0 && value.indexOf('\n') < 0 && value.indexOf('\0') < 0;
    }
}
