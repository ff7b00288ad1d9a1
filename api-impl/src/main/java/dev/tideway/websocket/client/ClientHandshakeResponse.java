package dev.tideway.websocket.client;

import jakarta.websocket.HandshakeResponse;
import java.util.List;
import java.util.Map;

/** The server's 101 response as {@code ClientEndpointConfig.Configurator.afterResponse} sees it. */
record ClientHandshakeResponse(Map<String, List<String>> headers) implements HandshakeResponse {
    @Override
    public Map<String, List<String>> getHeaders() {
        return headers;
    }
}
