package dev.tideway.websocket.protocol.extension;

import dev.tideway.websocket.protocol.extension.ExtensionOffer.Parameter;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The parameters of one permessage-deflate offer or response element, checked against the syntax of
 * RFC 7692 §7.1: only the four defined names, each at most once, the two {@code *_no_context_takeover}
 * without a value, window bits as a decimal 8 to 15 without leading zeroes. Whether a valid element is
 * acceptable is the factory's decision, not this class's.
 *
 * @param serverMaxWindowBits {@link #ABSENT} or 8..15
 * @param clientMaxWindowBits {@link #ABSENT}, 8..15, or {@link #MAX_WINDOW_BITS} for a value-less
 *                            {@code client_max_window_bits} in an offer (the client will not go above 15)
 */
record DeflateParameters(boolean serverNoContextTakeover, boolean clientNoContextTakeover,
                         int serverMaxWindowBits, int clientMaxWindowBits) {

    static final String SERVER_NO_CONTEXT_TAKEOVER = "server_no_context_takeover";
    static final String CLIENT_NO_CONTEXT_TAKEOVER = "client_no_context_takeover";
    static final String SERVER_MAX_WINDOW_BITS = "server_max_window_bits";
    static final String CLIENT_MAX_WINDOW_BITS = "client_max_window_bits";

    /** The window bits of a parameter that was not given. */
    static final int ABSENT = 0;
    /** A 32 KiB window: the largest DEFLATE allows, and the only one java.util.zip compresses with. */
    static final int MAX_WINDOW_BITS = 15;
    private static final int MIN_WINDOW_BITS = 8;
    private static final Pattern WINDOW_BITS = Pattern.compile("[1-9][0-9]?");

    /** Where the element comes from: {@code client_max_window_bits} may go without a value only in an offer. */
    enum Source { OFFER, RESPONSE }

    static DeflateParameters parse(ExtensionOffer element, Source source) throws ExtensionNegotiationException {
        boolean serverNoContextTakeover = false;
        boolean clientNoContextTakeover = false;
        int serverMaxWindowBits = ABSENT;
        int clientMaxWindowBits = ABSENT;
        Set<String> seen = new HashSet<>();
        for (Parameter parameter : element.parameters()) {
            String name = parameter.name().toLowerCase(Locale.ROOT);
            if (!seen.add(name)) {
                throw invalid(element, "parameter '" + name + "' appears more than once");
            }
            switch (name) {
                case SERVER_NO_CONTEXT_TAKEOVER -> serverNoContextTakeover = flag(element, parameter);
                case CLIENT_NO_CONTEXT_TAKEOVER -> clientNoContextTakeover = flag(element, parameter);
                case SERVER_MAX_WINDOW_BITS -> serverMaxWindowBits = windowBits(element, parameter);
                case CLIENT_MAX_WINDOW_BITS -> clientMaxWindowBits =
                        parameter.value() == null && source == Source.OFFER
                                ? MAX_WINDOW_BITS
                                : windowBits(element, parameter);
                default -> throw invalid(element, "unknown parameter '" + parameter.name() + "'");
            }
        }
        return new DeflateParameters(serverNoContextTakeover, clientNoContextTakeover,
                serverMaxWindowBits, clientMaxWindowBits);
    }

    private static boolean flag(ExtensionOffer element, Parameter parameter) throws ExtensionNegotiationException {
        if (parameter.value() != null) {
            throw invalid(element, "parameter '" + parameter.name() + "' takes no value");
        }
        return true;
    }

    private static int windowBits(ExtensionOffer element, Parameter parameter)
            throws ExtensionNegotiationException {
        String value = parameter.value();
        if (value != null && WINDOW_BITS.matcher(value).matches()) {
            int bits = Integer.parseInt(value);
            if (bits >= MIN_WINDOW_BITS && bits <= MAX_WINDOW_BITS) {
                return bits;
            }
        }
        throw invalid(element, "parameter '" + parameter.name() + "' needs a value from 8 to 15 without"
                + " leading zeroes, got " + (value == null ? "none" : "'" + value + "'"));
    }

    static ExtensionNegotiationException invalid(ExtensionOffer element, String reason) {
        return new ExtensionNegotiationException("Invalid " + element.name() + " '" + element.toHeaderValue()
                + "': " + reason);
    }
}
