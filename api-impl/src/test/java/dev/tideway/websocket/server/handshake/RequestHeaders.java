package dev.tideway.websocket.server.handshake;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** A test's handshake request headers: a valid upgrade request to start from, changed header by header. */
final class RequestHeaders implements HandshakeRequestHeaders {
    static final String RFC_KEY = "dGhlIHNhbXBsZSBub25jZQ==";
    static final String RFC_ACCEPT = "s3pPLMBiTxaQ9kYGzzhZRbK+xOo=";

    private final Map<String, List<String>> lines = new TreeMap<>();

    /** The request of RFC 6455 §1.2, less Host and Origin, which the handshake does not look at. */
    static RequestHeaders valid() {
        return new RequestHeaders()
                .set("Upgrade", "websocket")
                .set("Connection", "Upgrade")
                .set("Sec-WebSocket-Key", RFC_KEY)
                .set("Sec-WebSocket-Version", "13");
    }

    /** Replaces the header with these lines; no lines removes it. */
    RequestHeaders set(String name, String... values) {
        lines.put(name.toLowerCase(Locale.ROOT), new ArrayList<>(List.of(values)));
        return this;
    }

    RequestHeaders remove(String name) {
        lines.remove(name.toLowerCase(Locale.ROOT));
        return this;
    }

    @Override
    public List<String> values(String name) {
        return lines.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
    }
}
