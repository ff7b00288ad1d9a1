package dev.tideway.websocket.server.handshake;

import dev.tideway.websocket.protocol.extension.Extension;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An upgrade request the server accepts: what was negotiated and the headers of the 101 response.
 *
 * <p>The extensions are live, per-connection instances (a permessage-deflate one holds a native
 * compressor): pass them to the connection, or {@link #releaseExtensions() release} them when the upgrade
 * does not go ahead after all.
 *
 * @param subprotocol     the chosen subprotocol, or {@code null} when none
 * @param extensions      the accepted extensions, in the order of the response header and of processing
 * @param responseHeaders the 101 response's headers in the order to set them: {@code Upgrade},
 *                        {@code Connection}, {@code Sec-WebSocket-Accept}, then
 *                        {@code Sec-WebSocket-Protocol} and {@code Sec-WebSocket-Extensions} when there
 *                        is something to say
 */
public record HandshakeAcceptance(String subprotocol, List<Extension> extensions,
                                  Map<String, String> responseHeaders) implements HandshakeOutcome {

    public HandshakeAcceptance {
        extensions = List.copyOf(extensions);
        responseHeaders = Collections.unmodifiableMap(new LinkedHashMap<>(responseHeaders));
    }

    /** Frees the extensions when no connection will use them. */
    public void releaseExtensions() {
        extensions.forEach(Extension::release);
    }
}
