package dev.tideway.websocket.client;

import dev.tideway.websocket.protocol.extension.Extension;
import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * What a successful opening handshake settled: given to the listener factory of
 * {@link WebSocketConnector#connect}, and kept by the {@link ClientConnection}.
 *
 * @param uri             the URI finally connected to, after any redirects
 * @param subprotocol     the subprotocol the server selected, or the empty string when none
 * @param extensions      the negotiated extensions, in the order of the response header; the connection
 *                        owns them
 * @param responseHeaders the header fields of the 101 response, names compared ignoring case
 * @param secure          whether the connection runs over TLS
 */
public record HandshakeResult(URI uri, String subprotocol, List<Extension> extensions,
                              Map<String, List<String>> responseHeaders, boolean secure) {
    public HandshakeResult {
        extensions = List.copyOf(extensions);
    }
}
