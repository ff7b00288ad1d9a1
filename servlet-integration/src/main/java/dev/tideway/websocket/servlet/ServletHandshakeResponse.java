package dev.tideway.websocket.servlet;

import jakarta.websocket.HandshakeResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The 101 response's headers as {@code modifyHandshake} sees them: pre-filled with what the handshake
 * negotiated, and changeable; whatever the map holds afterwards is what is sent.
 */
final class ServletHandshakeResponse implements HandshakeResponse {
    private final Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);

    ServletHandshakeResponse(Map<String, String> negotiated) {
        negotiated.forEach((name, value) -> headers.put(name, new ArrayList<>(List.of(value))));
    }

    @Override
    public Map<String, List<String>> getHeaders() {
        return headers;
    }
}
