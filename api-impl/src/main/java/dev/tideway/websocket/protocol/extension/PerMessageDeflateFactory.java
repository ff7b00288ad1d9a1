package dev.tideway.websocket.protocol.extension;

import static dev.tideway.websocket.protocol.extension.DeflateParameters.CLIENT_NO_CONTEXT_TAKEOVER;
import static dev.tideway.websocket.protocol.extension.DeflateParameters.MAX_WINDOW_BITS;
import static dev.tideway.websocket.protocol.extension.DeflateParameters.SERVER_MAX_WINDOW_BITS;
import static dev.tideway.websocket.protocol.extension.DeflateParameters.SERVER_NO_CONTEXT_TAKEOVER;

import dev.tideway.websocket.protocol.extension.DeflateParameters.Source;
import dev.tideway.websocket.protocol.extension.ExtensionOffer.Parameter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Negotiates permessage-deflate (RFC 7692 §7.1) for a server or a client.
 *
 * <p>What java.util.zip can do shapes the negotiation: its {@code Inflater} decodes data made with any
 * window up to 32 KiB, but its {@code Deflater} always compresses with the full 32 KiB window (15 bits).
 * So this side accepts any window the peer compresses with, and never agrees to compress with a smaller
 * one.
 */
public final class PerMessageDeflateFactory implements ExtensionFactory {
    public static final String NAME = "permessage-deflate";

    private final PerMessageDeflateConfig config;
    private final List<ExtensionOffer> clientOffers;

    /** With {@link PerMessageDeflateConfig#DEFAULTS}. */
    public PerMessageDeflateFactory() {
        this(PerMessageDeflateConfig.DEFAULTS);
    }

    public PerMessageDeflateFactory(PerMessageDeflateConfig config) {
        this.config = Objects.requireNonNull(config, "config");
        this.clientOffers = List.of(clientOffer(config));
    }

    public PerMessageDeflateConfig config() {
        return config;
    }

    @Override
    public String name() {
        return NAME;
    }

    /**
     * One offer: {@code permessage-deflate}, with {@code client_no_context_takeover} and
     * {@code server_no_context_takeover} as configured.
     *
     * <p>It leaves out {@code client_max_window_bits}: offering it, even without a value, lets the server
     * answer with a smaller client window (§7.1.2.2), which our Deflater cannot keep to, and the client
     * would then have to fail the connection. Left out, the server must not send it, and we compress with
     * 15 bits. It leaves out {@code server_max_window_bits} too: our Inflater takes any server window, and
     * the server may still pick a smaller one and say so in its response (§7.1.2.1).
     */
    @Override
    public List<ExtensionOffer> clientOffers() {
        return clientOffers;
    }

    private static ExtensionOffer clientOffer(PerMessageDeflateConfig config) {
        List<Parameter> parameters = new ArrayList<>();
        if (config.clientNoContextTakeover()) {
            parameters.add(new Parameter(CLIENT_NO_CONTEXT_TAKEOVER, null));
        }
        if (config.serverNoContextTakeover()) {
            parameters.add(new Parameter(SERVER_NO_CONTEXT_TAKEOVER, null));
        }
        return new ExtensionOffer(NAME, parameters);
    }

    /**
     * Server side. Declines (returns {@code null}) an offer with an unknown or repeated parameter or an
     * invalid value (§7.1), and one asking for {@code server_max_window_bits} below 15, which our Deflater
     * cannot honour. Otherwise answers with:
     * <ul>
     *   <li>{@code server_no_context_takeover} when offered or configured (§7.1.1.1);</li>
     *   <li>{@code client_no_context_takeover} when offered or configured, which makes the client's hint
     *       binding and lets this side reset its inflater between messages (§7.1.1.2);</li>
     *   <li>{@code server_max_window_bits=15} when offered as 15: accepting it means echoing it
     *       (§7.1.2.1).</li>
     * </ul>
     * An offered {@code client_max_window_bits} is accepted and not echoed: our Inflater takes any client
     * window, and without the parameter in the response the client may use up to 15 bits (§7.1.2.2).
     */
    @Override
    public Extension acceptOffer(ExtensionOffer offer) {
        DeflateParameters offered;
        try {
            offered = DeflateParameters.parse(offer, Source.OFFER);
        } catch (ExtensionNegotiationException invalid) {
            return null;
        }
        if (offered.serverMaxWindowBits() != DeflateParameters.ABSENT
                && offered.serverMaxWindowBits() < MAX_WINDOW_BITS) {
            return null;
        }
        boolean serverNoContextTakeover = offered.serverNoContextTakeover() || config.serverNoContextTakeover();
        boolean clientNoContextTakeover = offered.clientNoContextTakeover() || config.clientNoContextTakeover();
        List<Parameter> response = new ArrayList<>();
        if (serverNoContextTakeover) {
            response.add(new Parameter(SERVER_NO_CONTEXT_TAKEOVER, null));
        }
        if (clientNoContextTakeover) {
            response.add(new Parameter(CLIENT_NO_CONTEXT_TAKEOVER, null));
        }
        if (offered.serverMaxWindowBits() == MAX_WINDOW_BITS) {
            response.add(new Parameter(SERVER_MAX_WINDOW_BITS, Integer.toString(MAX_WINDOW_BITS)));
        }
        return new PerMessageDeflate(new ExtensionOffer(NAME, response),
                serverNoContextTakeover, clientNoContextTakeover, config);
    }

    /**
     * Client side. Fails on an unknown or repeated parameter or an invalid value (§7.1), and on any
     * {@code client_max_window_bits}: we never offer it, so the server must not send it (§7.1.2.2), and
     * we could not compress with a window below 15 anyway. Any {@code server_max_window_bits} from 8 to 15
     * is fine for our Inflater. This side stops taking over its context when the server says
     * {@code client_no_context_takeover} or the configuration says so, and resets its inflater between
     * messages when the server says {@code server_no_context_takeover}. A response without the
     * {@code server_no_context_takeover} we asked for is taken as it is (our inflater then keeps its
     * window) rather than failed: we can decompress either way.
     */
    @Override
    public Extension acceptResponse(ExtensionOffer response) throws ExtensionNegotiationException {
        DeflateParameters accepted = DeflateParameters.parse(response, Source.RESPONSE);
        if (accepted.clientMaxWindowBits() != DeflateParameters.ABSENT) {
            throw DeflateParameters.invalid(response, "client_max_window_bits was not offered; this client"
                    + " always compresses with a 32 KiB window (15 bits)");
        }
        return new PerMessageDeflate(response,
                accepted.clientNoContextTakeover() || config.clientNoContextTakeover(),
                accepted.serverNoContextTakeover(), config);
    }

    @Override
    public String toString() {
        return "PerMessageDeflateFactory[" + config + "]";
    }
}
