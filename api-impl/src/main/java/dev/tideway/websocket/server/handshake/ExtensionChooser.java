package dev.tideway.websocket.server.handshake;

import dev.tideway.websocket.protocol.extension.ExtensionOffer;
import java.util.List;

/**
 * Picks which of the client's extension offers the server considers, before the installed extensions
 * negotiate their parameters. The Jakarta layer plugs
 * {@code ServerEndpointConfig.Configurator.getNegotiatedExtensions} in here.
 */
@FunctionalInterface
public interface ExtensionChooser {

    /** Every offer, in the client's order. */
    ExtensionChooser ALL = requested -> requested;

    /**
     * @param requested the client's {@code Sec-WebSocket-Extensions} elements, in its order; never empty
     * @return some of {@code requested}, in the order to negotiate them
     */
    List<ExtensionOffer> choose(List<ExtensionOffer> requested);
}
