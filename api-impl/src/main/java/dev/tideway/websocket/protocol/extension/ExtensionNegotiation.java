package dev.tideway.websocket.protocol.extension;

import java.util.ArrayList;
import java.util.List;

/**
 * The extension part of the opening handshake (RFC 6455 §9.1), for both sides: which of the offered
 * extensions a server accepts, and whether a client can live with the server's answer. The extensions
 * themselves judge their parameters through their {@link ExtensionFactory}; this class keeps the rules
 * that span extensions: order, one use per extension, no two extensions on the same RSV bit.
 */
public final class ExtensionNegotiation {

    private ExtensionNegotiation() {
    }

    /**
     * Server side: walks the client's offers in the client's order (its preference) and lets the factory
     * of each offered extension accept or decline the offer. An extension accepted once is not considered
     * again, so a declined offer falls through to the client's next offer of the same extension. An
     * extension that would use an RSV bit already taken is dropped.
     *
     * @return the accepted extensions in the client's order, which is also their order in the response
     *         header and in the processing chain; empty when none
     */
    public static List<Extension> negotiate(List<ExtensionOffer> offers, List<ExtensionFactory> available) {
        List<Extension> accepted = new ArrayList<>();
        int usedRsv = 0;
        for (ExtensionOffer offer : offers) {
            ExtensionFactory factory = factoryNamed(available, offer.name());
            if (factory == null || isAccepted(accepted, offer.name())) {
                continue;
            }
            Extension extension = factory.acceptOffer(offer);
            if (extension == null) {
                continue;
            }
            if ((extension.rsvBits() & usedRsv) != 0) {
                extension.release();
                continue;
            }
            accepted.add(extension);
            usedRsv |= extension.rsvBits();
        }
        return List.copyOf(accepted);
    }

    /**
     * Client side: checks the server's {@code Sec-WebSocket-Extensions} response. Every element must name
     * an extension we offered, at most once, and be acceptable to its factory; no two may share an RSV
     * bit. On failure the extensions already created are released.
     *
     * @param response the response's elements in header order
     * @param offered  the factories whose offers the request carried
     * @return the negotiated extensions in the response's order
     * @throws ExtensionNegotiationException when the client must fail the connection (RFC 6455 §9.1)
     */
    public static List<Extension> acceptResponse(List<ExtensionOffer> response, List<ExtensionFactory> offered)
            throws ExtensionNegotiationException {
        List<Extension> accepted = new ArrayList<>();
        try {
            int usedRsv = 0;
            for (ExtensionOffer element : response) {
                ExtensionFactory factory = factoryNamed(offered, element.name());
                if (factory == null) {
                    throw new ExtensionNegotiationException("The server accepted extension '" + element.name()
                            + "', which was not offered");
                }
                if (isAccepted(accepted, element.name())) {
                    throw new ExtensionNegotiationException("The server accepted extension '" + element.name()
                            + "' more than once");
                }
                Extension extension = factory.acceptResponse(element);
                accepted.add(extension);
                if ((extension.rsvBits() & usedRsv) != 0) {
                    throw new ExtensionNegotiationException("Extension '" + element.name()
                            + "' uses an RSV bit already used by an earlier extension");
                }
                usedRsv |= extension.rsvBits();
            }
            return List.copyOf(accepted);
        } catch (ExtensionNegotiationException failure) {
            accepted.forEach(Extension::release);
            throw failure;
        }
    }

    /** The RSV bits the extensions give a meaning to; a frame with any other bit set is a protocol error. */
    public static int rsvBits(List<Extension> extensions) {
        int bits = 0;
        for (Extension extension : extensions) {
            bits |= extension.rsvBits();
        }
        return bits;
    }

    /** Extension names are tokens, compared ignoring case like other HTTP tokens. */
    private static ExtensionFactory factoryNamed(List<ExtensionFactory> factories, String name) {
        for (ExtensionFactory factory : factories) {
            if (factory.name().equalsIgnoreCase(name)) {
                return factory;
            }
        }
        return null;
    }

    private static boolean isAccepted(List<Extension> accepted, String name) {
        for (Extension extension : accepted) {
            if (extension.negotiated().name().equalsIgnoreCase(name)) {
                return true;
            }
        }
        return false;
    }
}
