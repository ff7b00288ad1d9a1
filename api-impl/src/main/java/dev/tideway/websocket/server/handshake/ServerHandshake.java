package dev.tideway.websocket.server.handshake;

import static dev.tideway.websocket.protocol.handshake.HeaderNames.ACCEPT;
import static dev.tideway.websocket.protocol.handshake.HeaderNames.CONNECTION;
import static dev.tideway.websocket.protocol.handshake.HeaderNames.EXTENSIONS;
import static dev.tideway.websocket.protocol.handshake.HeaderNames.PROTOCOL;
import static dev.tideway.websocket.protocol.handshake.HeaderNames.UPGRADE;

import dev.tideway.websocket.protocol.extension.Extension;
import dev.tideway.websocket.protocol.extension.ExtensionFactory;
import dev.tideway.websocket.protocol.extension.ExtensionNegotiation;
import dev.tideway.websocket.protocol.extension.ExtensionOffer;
import dev.tideway.websocket.protocol.handshake.HandshakeException;
import dev.tideway.websocket.protocol.handshake.HandshakeHeaders;
import dev.tideway.websocket.protocol.handshake.HandshakeKeys;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The server's side of the opening handshake (RFC 6455 §4.2), without Servlet types: checks an upgrade
 * request, negotiates the subprotocol and the extensions, and produces the 101 response's headers, or the
 * error to answer with instead.
 *
 * <p>One instance serves one endpoint (its subprotocols and extensions); it is immutable and thread-safe.
 */
public final class ServerHandshake {
    private final List<String> subprotocols;
    private final SubprotocolChooser subprotocolChooser;
    private final ExtensionChooser extensionChooser;
    private final List<ExtensionFactory> extensions;

    private ServerHandshake(Builder builder) {
        this.subprotocols = builder.subprotocols;
        this.subprotocolChooser = builder.subprotocolChooser;
        this.extensionChooser = builder.extensionChooser;
        this.extensions = builder.extensions;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Whether a request asks for a WebSocket upgrade at all: its {@code Upgrade} header names
     * {@code websocket}. Requests that do not are none of the handshake's business and go on to the
     * application; those that do are {@linkplain #process processed}, and answered with an error when
     * malformed.
     */
    public static boolean isUpgradeRequest(HandshakeRequestHeaders headers) {
        return HandshakeHeaders.containsToken(headers.values(UPGRADE), "websocket");
    }

    /**
     * Decides on one upgrade request.
     *
     * @param method  the request method; only {@code GET} can open a WebSocket
     * @param headers the request's headers
     * @return a {@link HandshakeRejection}, or a {@link HandshakeAcceptance} whose extensions the caller
     *         now owns
     * @throws IllegalStateException when the subprotocol chooser picks one the client did not request
     */
    public HandshakeOutcome process(String method, HandshakeRequestHeaders headers) {
        HandshakeRejection rejection = UpgradeRequestRules.check(method, headers);
        if (rejection != null) {
            return rejection;
        }
        List<String> requestedSubprotocols;
        List<ExtensionOffer> offers;
        try {
            requestedSubprotocols = HandshakeHeaders.parseTokenList(headers.values(PROTOCOL));
            offers = HandshakeHeaders.parseExtensions(headers.values(EXTENSIONS));
        } catch (HandshakeException malformed) {
            return HandshakeRejection.badRequest(malformed.getMessage());
        }
        String subprotocol = chooseSubprotocol(requestedSubprotocols);
        List<Extension> accepted = ExtensionNegotiation.negotiate(
                offers.isEmpty() ? offers : extensionChooser.choose(offers), extensions);
        return new HandshakeAcceptance(subprotocol, accepted,
                responseHeaders(UpgradeRequestRules.key(headers), subprotocol, accepted));
    }

    private String chooseSubprotocol(List<String> requested) {
        if (requested.isEmpty()) {
            return null; // nothing to choose from: the response must not name one (§4.1)
        }
        String chosen = subprotocolChooser.choose(subprotocols, requested);
        if (chosen == null || chosen.isEmpty()) {
            return null;
        }
        if (!requested.contains(chosen)) {
            // the client would fail the connection (§4.1): better to fail here, where the bug is
            throw new IllegalStateException("Subprotocol chooser picked \"" + chosen
                    + "\", which the client did not request: " + requested);
        }
        return chosen;
    }

    private static Map<String, String> responseHeaders(String key, String subprotocol, List<Extension> accepted) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(UPGRADE, "websocket");
        headers.put(CONNECTION, "Upgrade");
        headers.put(ACCEPT, HandshakeKeys.acceptFor(key));
        if (subprotocol != null) {
            headers.put(PROTOCOL, subprotocol);
        }
        if (!accepted.isEmpty()) {
            List<ExtensionOffer> elements = new ArrayList<>(accepted.size());
            for (Extension extension : accepted) {
                elements.add(extension.negotiated());
            }
            headers.put(EXTENSIONS, HandshakeHeaders.formatExtensions(elements));
        }
        return headers;
    }

    /** Collects what one endpoint supports; by default no subprotocol and no extension. */
    public static final class Builder {
        private List<String> subprotocols = List.of();
        private SubprotocolChooser subprotocolChooser = SubprotocolChooser.CLIENT_PREFERENCE;
        private ExtensionChooser extensionChooser = ExtensionChooser.ALL;
        private List<ExtensionFactory> extensions = List.of();

        private Builder() {
        }

        /** The subprotocols the endpoint supports, in its order of preference. */
        public Builder subprotocols(List<String> subprotocols) {
            this.subprotocols = List.copyOf(subprotocols);
            return this;
        }

        /** How to pick among the client's subprotocols; {@link SubprotocolChooser#CLIENT_PREFERENCE} by default. */
        public Builder subprotocolChooser(SubprotocolChooser chooser) {
            this.subprotocolChooser = Objects.requireNonNull(chooser, "chooser");
            return this;
        }

        /** Which of the client's offers to consider; {@link ExtensionChooser#ALL} by default. */
        public Builder extensionChooser(ExtensionChooser chooser) {
            this.extensionChooser = Objects.requireNonNull(chooser, "chooser");
            return this;
        }

        /** The extensions the endpoint may use; the client's offers decide which, and in what order. */
        public Builder extensions(List<ExtensionFactory> extensions) {
            this.extensions = List.copyOf(extensions);
            return this;
        }

        public ServerHandshake build() {
            return new ServerHandshake(this);
        }
    }
}
