package dev.tideway.websocket.protocol;

/**
 * A violation of RFC 6455/7692 by the peer, or of a configured limit. It carries the close code the
 * connection fails with (§7.1.7): 1002 for framing errors, 1007 for invalid UTF-8, 1009 for a frame or
 * message over the limit, 1010/1011 for extension trouble.
 */
public class ProtocolException extends Exception {
    private static final long serialVersionUID = 1L;

    private final int closeCode;

    public ProtocolException(int closeCode, String message) {
        super(message);
        this.closeCode = closeCode;
    }

    public ProtocolException(int closeCode, String message, Throwable cause) {
        super(message, cause);
        this.closeCode = closeCode;
    }

    /** The status code to put in the close frame that fails the connection. */
    public int closeCode() {
        return closeCode;
    }

    public static ProtocolException protocolError(String message) {
        return new ProtocolException(CloseCodes.PROTOCOL_ERROR, message);
    }

    public static ProtocolException invalidPayload(String message) {
        return new ProtocolException(CloseCodes.INVALID_PAYLOAD_DATA, message);
    }

    public static ProtocolException tooBig(String message) {
        return new ProtocolException(CloseCodes.MESSAGE_TOO_BIG, message);
    }
}
