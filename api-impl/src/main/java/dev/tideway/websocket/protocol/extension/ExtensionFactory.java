package dev.tideway.websocket.protocol.extension;

import java.util.List;

/**
 * Negotiates one kind of extension and creates its per-connection instances. Implementations are
 * immutable and shared by every connection of a container.
 */
public interface ExtensionFactory {

    /** The extension token, as in {@code Sec-WebSocket-Extensions}. */
    String name();

    /** Client side: the offers to send, most preferred first (an extension may offer itself several times). */
    List<ExtensionOffer> clientOffers();

    /**
     * Server side: considers one offer of this extension, in the order the client wrote them.
     *
     * @return the extension accepting that offer, or {@code null} to decline it (the next offer, if any,
     *         is considered next)
     */
    Extension acceptOffer(ExtensionOffer offer);

    /**
     * Client side: the server's response element for this extension.
     *
     * @throws ExtensionNegotiationException when the response is not one of the offers this factory can
     *         honour; the client must then fail the connection (RFC 6455 §9.1)
     */
    Extension acceptResponse(ExtensionOffer response) throws ExtensionNegotiationException;
}
