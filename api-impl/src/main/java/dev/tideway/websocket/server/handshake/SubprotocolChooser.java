package dev.tideway.websocket.server.handshake;

import java.util.List;

/**
 * Picks the subprotocol of a connection from those the client requested (RFC 6455 §4.2.2, point 5.4).
 * The Jakarta layer plugs {@code ServerEndpointConfig.Configurator.getNegotiatedSubprotocol} in here.
 */
@FunctionalInterface
public interface SubprotocolChooser {

    /**
     * The rule of the default Jakarta configurator: the first subprotocol in the client's list that the
     * server supports. The client's order is its preference, and the Jakarta API documents the default
     * configurator as honouring it.
     */
    SubprotocolChooser CLIENT_PREFERENCE = (supported, requested) -> {
        for (String candidate : requested) {
            if (supported.contains(candidate)) {
                return candidate;
            }
        }
        return null;
    };

    /**
     * @param supported the server's subprotocols, in its order of preference
     * @param requested the client's {@code Sec-WebSocket-Protocol} values, in its order; never empty
     * @return one of {@code requested}, or {@code null} or the empty string for none
     */
    String choose(List<String> supported, List<String> requested);
}
