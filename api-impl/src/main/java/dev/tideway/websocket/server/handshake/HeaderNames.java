package dev.tideway.websocket.server.handshake;

/** The names of the headers of the opening handshake (RFC 6455 §4.1, §4.2.2, §11.3). */
final class HeaderNames {
    static final String UPGRADE = "Upgrade";
    static final String CONNECTION = "Connection";
    static final String KEY = "Sec-WebSocket-Key";
    static final String VERSION = "Sec-WebSocket-Version";
    static final String ACCEPT = "Sec-WebSocket-Accept";
    static final String PROTOCOL = "Sec-WebSocket-Protocol";
    static final String EXTENSIONS = "Sec-WebSocket-Extensions";

    private HeaderNames() {
    }
}
