package dev.tideway.websocket.server.handshake;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * An upgrade request the server refuses: the HTTP status to answer with, a reason that names the header
 * and what is wrong with it (fit for the response body and for a log), and the headers the response must
 * carry, such as {@code Sec-WebSocket-Version: 13} with a 426 (RFC 6455 §4.4).
 *
 * @param status  400 for a malformed request, 426 for a WebSocket version other than 13
 * @param reason  for example {@code Sec-WebSocket-Key: header missing}
 * @param headers response headers in the order to set them; often empty
 */
public record HandshakeRejection(int status, String reason, Map<String, String> headers) implements HandshakeOutcome {

    public HandshakeRejection {
        Objects.requireNonNull(reason, "reason");
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    }

    static HandshakeRejection badRequest(String reason) {
        return new HandshakeRejection(400, reason, Map.of());
    }
}
