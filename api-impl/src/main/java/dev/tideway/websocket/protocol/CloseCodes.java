package dev.tideway.websocket.protocol;

/**
 * Close status codes of RFC 6455 §7.4 and the IANA "WebSocket Close Code Number Registry", and the rule of
 * which of them may appear in a close frame on the wire.
 */
public final class CloseCodes {
    public static final int NORMAL_CLOSURE = 1000;
    public static final int GOING_AWAY = 1001;
    public static final int PROTOCOL_ERROR = 1002;
    public static final int UNSUPPORTED_DATA = 1003;
    /** Reserved: never on the wire; the code reported when a close frame carried no status. */
    public static final int NO_STATUS_RECEIVED = 1005;
    /** Reserved: never on the wire; the code reported when the connection dropped without a close frame. */
    public static final int ABNORMAL_CLOSURE = 1006;
    public static final int INVALID_PAYLOAD_DATA = 1007;
    public static final int POLICY_VIOLATION = 1008;
    public static final int MESSAGE_TOO_BIG = 1009;
    public static final int MANDATORY_EXTENSION = 1010;
    public static final int INTERNAL_ERROR = 1011;
    public static final int SERVICE_RESTART = 1012;
    public static final int TRY_AGAIN_LATER = 1013;
    public static final int BAD_GATEWAY = 1014;
    /** Reserved: never on the wire; TLS handshake failure. */
    public static final int TLS_HANDSHAKE_FAILURE = 1015;

    private CloseCodes() {
    }

    /**
     * Whether {@code code} may be sent or received in a close frame. 1000-1003 and 1007-1014 are assigned
     * by RFC 6455 and IANA; 3000-4999 belong to libraries, frameworks and applications. Everything else,
     * including 1004-1006, 1015 and the unassigned 1016-2999, is a protocol error when it arrives.
     */
    public static boolean isValidOnWire(int code) {
        return (code >= 1000 && code <= 1003)
                || (code >= 1007 && code <= 1014)
                || (code >= 3000 && code <= 4999);
    }
}
