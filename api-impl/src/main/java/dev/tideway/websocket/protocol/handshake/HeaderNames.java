package dev.tideway.websocket.protocol.handshake;

/** The names of the headers of the opening handshake (RFC 6455 §4.1, §4.2.2, §11.3), for both sides. */
public final class HeaderNames {
    public static final String UPGRADE = "Upgrade";
    public static final String CONNECTION = "Connection";
    public static final String KEY = "Sec-WebSocket-Key";
    public static final String VERSION = "Sec-WebSocket-Version";
    public static final String ACCEPT = "Sec-WebSocket-Accept";
    public static final String PROTOCOL = "Sec-WebSocket-Protocol";
    public static final String EXTENSIONS = "Sec-WebSocket-Extensions";

    private HeaderNames() {
    }
}
