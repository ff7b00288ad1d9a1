package dev.tideway.websocket.server.handshake;

import static dev.tideway.websocket.protocol.handshake.HeaderNames.CONNECTION;
import static dev.tideway.websocket.protocol.handshake.HeaderNames.KEY;
import static dev.tideway.websocket.protocol.handshake.HeaderNames.UPGRADE;
import static dev.tideway.websocket.protocol.handshake.HeaderNames.VERSION;

import dev.tideway.websocket.protocol.handshake.HandshakeHeaders;
import dev.tideway.websocket.protocol.handshake.HandshakeKeys;
import java.util.List;
import java.util.Map;

/**
 * The checks of RFC 6455 §4.2.1 on a request that asks for a WebSocket upgrade, in the order of the RFC,
 * each failing with a reason that names the header and what is wrong with it. The {@code Host} header is
 * the container's to check: HTTP/1.1 requires it of every request.
 */
final class UpgradeRequestRules {
    static final String SUPPORTED_VERSION = "13";
    /** Longest piece of a client's header value repeated in a reason; the rest is cut off. */
    private static final int MAX_QUOTED = 64;

    private UpgradeRequestRules() {
    }

    /** Why the request is not a valid opening handshake, or {@code null} when it is. */
    static HandshakeRejection check(String method, HandshakeRequestHeaders headers) {
        if (!"GET".equals(method)) {
            return HandshakeRejection.badRequest("Request method " + quote(String.valueOf(method))
                    + ": the opening handshake must be a GET request");
        }
        HandshakeRejection rejection = requireToken(headers, UPGRADE, "websocket");
        if (rejection == null) {
            rejection = requireToken(headers, CONNECTION, "Upgrade");
        }
        if (rejection == null) {
            rejection = checkVersion(headers.values(VERSION));
        }
        if (rejection == null) {
            rejection = checkKey(headers.values(KEY));
        }
        return rejection;
    }

    /** The key of a request that passed {@link #check}. */
    static String key(HandshakeRequestHeaders headers) {
        return headers.values(KEY).get(0).strip();
    }

    private static HandshakeRejection requireToken(HandshakeRequestHeaders headers, String name, String token) {
        List<String> values = headers.values(name);
        if (values.isEmpty()) {
            return HandshakeRejection.badRequest(name + ": header missing; expected " + token);
        }
        if (!HandshakeHeaders.containsToken(values, token)) {
            return HandshakeRejection.badRequest(name + ": " + quote(String.join(", ", values))
                    + " does not contain " + token);
        }
        return null;
    }

    /** A version other than 13 is answered with 426 and the version we speak (§4.2.2, §4.4). */
    private static HandshakeRejection checkVersion(List<String> values) {
        if (values.size() == 1 && SUPPORTED_VERSION.equals(values.get(0).strip())) {
            return null;
        }
        String problem = values.isEmpty() ? "header missing"
                : quote(String.join(", ", values)) + " is not supported";
        return new HandshakeRejection(426, VERSION + ": " + problem + "; this server supports version "
                + SUPPORTED_VERSION, Map.of(VERSION, SUPPORTED_VERSION));
    }

    private static HandshakeRejection checkKey(List<String> values) {
        if (values.isEmpty()) {
            return HandshakeRejection.badRequest(KEY + ": header missing");
        }
        if (values.size() > 1) {
            return HandshakeRejection.badRequest(KEY + ": sent " + values.size() + " times; exactly one expected");
        }
        String key = values.get(0).strip();
        if (!HandshakeKeys.isValidKey(key)) {
            return HandshakeRejection.badRequest(KEY + ": " + quote(key)
                    + " is not the base64 encoding of 16 bytes");
        }
        return null;
    }

    /**
     * A client's value as it may be repeated in a reason: quoted, cut short, and with anything but
     * printable ASCII replaced, since the reason may end up in a response body or a log.
     */
    static String quote(String value) {
        StringBuilder quoted = new StringBuilder(Math.min(value.length(), MAX_QUOTED) + 5).append('"');
        for (int i = 0; i < value.length() && i < MAX_QUOTED; i++) {
            char c = value.charAt(i);
            quoted.append(c >= 0x20 && c < 0x7F ? c : '?');
        }
        if (value.length() > MAX_QUOTED) {
            quoted.append("...");
        }
        return quoted.append('"').toString();
    }
}
