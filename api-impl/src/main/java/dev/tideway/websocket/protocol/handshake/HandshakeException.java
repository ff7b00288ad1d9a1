package dev.tideway.websocket.protocol.handshake;

/**
 * An opening handshake that cannot go on: a header that is missing, malformed or unacceptable. The message
 * names the header and says exactly what is wrong with it, for example
 * {@code Sec-WebSocket-Extensions: unterminated quoted string at index 17}, so that it can be logged or sent
 * back in a 400 response as it is.
 */
public class HandshakeException extends Exception {
    private static final long serialVersionUID = 1L;

    public HandshakeException(String message) {
        super(message);
    }

    public HandshakeException(String message, Throwable cause) {
        super(message, cause);
    }
}
