package dev.tideway.websocket.client;

import static dev.tideway.websocket.protocol.handshake.HeaderNames.ACCEPT;
import static dev.tideway.websocket.protocol.handshake.HeaderNames.CONNECTION;
import static dev.tideway.websocket.protocol.handshake.HeaderNames.EXTENSIONS;
import static dev.tideway.websocket.protocol.handshake.HeaderNames.KEY;
import static dev.tideway.websocket.protocol.handshake.HeaderNames.PROTOCOL;
import static dev.tideway.websocket.protocol.handshake.HeaderNames.UPGRADE;
import static dev.tideway.websocket.protocol.handshake.HeaderNames.VERSION;

import dev.tideway.websocket.protocol.extension.Extension;
import dev.tideway.websocket.protocol.extension.ExtensionFactory;
import dev.tideway.websocket.protocol.extension.ExtensionNegotiation;
import dev.tideway.websocket.protocol.extension.ExtensionNegotiationException;
import dev.tideway.websocket.protocol.extension.ExtensionOffer;
import dev.tideway.websocket.protocol.handshake.HandshakeException;
import dev.tideway.websocket.protocol.handshake.HandshakeHeaders;
import dev.tideway.websocket.protocol.handshake.HandshakeKeys;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One opening handshake of RFC 6455 §4.1, client side: the GET request to send, and the verdict on the
 * server's answer. Created per request: a redirect or an authentication challenge leads to a new one (a
 * new key, a new {@code Host}).
 *
 * <p>The request is judged as it was sent: the {@code beforeRequest} hook may have changed the key, the
 * subprotocols or the extension offers, and the response is checked against what the hook left.
 */
final class ClientHandshake {
    static final String AUTHORIZATION = "Authorization";
    static final String WWW_AUTHENTICATE = "WWW-Authenticate";
    static final String LOCATION = "Location";

    /** What the server's answer means for the connect. */
    sealed interface Outcome permits Upgraded, Redirect, Authenticate {
    }

    /** 101 and every check passed. */
    record Upgraded(HandshakeResult result) implements Outcome {
    }

    /** A 3xx with a usable {@code Location}: try again there. */
    record Redirect(WebSocketUri target) implements Outcome {
    }

    /** A 401 asking for Basic authentication, and credentials not sent yet: try again with them. */
    record Authenticate() implements Outcome {
    }

    private final ClientHandshakeRequest request;
    private final WebSocketUri target;
    private final boolean sentCredentials;
    private final Map<String, List<String>> sentHeaders;
    private final String expectedAccept;
    private final List<String> offeredSubprotocols;
    private final List<ExtensionFactory> offeredFactories = new ArrayList<>();
    private final List<String> offeredRawNames = new ArrayList<>();
    private final byte[] requestBytes;

    private ClientHandshake(ClientHandshakeRequest request, WebSocketUri target, boolean withCredentials,
                            Map<String, List<String>> headers) throws ClientHandshakeException {
        this.request = request;
        this.target = target;
        this.sentCredentials = withCredentials;
        this.sentHeaders = Collections.unmodifiableMap(headers);
        String key = firstValue(headers, KEY);
        if (key == null) {
            throw new ClientHandshakeException("The request has no " + KEY + " header (beforeRequest removed it)");
        }
        this.expectedAccept = HandshakeKeys.acceptFor(key.strip());
        try {
            this.offeredSubprotocols = HandshakeHeaders.parseTokenList(headers.get(PROTOCOL));
            sortOffers(HandshakeHeaders.parseExtensions(headers.get(EXTENSIONS)));
        } catch (HandshakeException e) {
            throw new ClientHandshakeException("Malformed request header: " + e.getMessage(), e);
        }
        this.requestBytes = format(target, headers);
    }

    /**
     * Formulates the request to {@code target}: the handshake's fields, the configured extra headers, and
     * {@code Authorization} when {@code withCredentials}; then lets the {@code beforeRequest} hook see
     * and change them.
     *
     * @throws ClientHandshakeException when the hook left a request that cannot be sent
     */
    static ClientHandshake create(ClientHandshakeRequest request, WebSocketUri target, boolean withCredentials)
            throws ClientHandshakeException {
        return create(request, target, withCredentials, HandshakeKeys.newKey());
    }

    /** As {@link #create(ClientHandshakeRequest, WebSocketUri, boolean)}, with a given key (for tests). */
    static ClientHandshake create(ClientHandshakeRequest request, WebSocketUri target, boolean withCredentials,
                                  String key) throws ClientHandshakeException {
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        request.headers().forEach((name, values) -> headers.put(name, new ArrayList<>(values)));
        put(headers, "Host", target.hostHeader());
        put(headers, UPGRADE, "websocket");
        put(headers, CONNECTION, "Upgrade");
        put(headers, KEY, key);
        put(headers, VERSION, "13");
        // An empty body said out loud, as the JDK's own WebSocket client does: Jetty 12.1 otherwise marks the
        // request's input finished before the upgrade, and the upgraded connection ends at once
        put(headers, "Content-Length", "0");
        if (!request.subprotocols().isEmpty()) {
            put(headers, PROTOCOL, String.join(", ", request.subprotocols()));
        }
        List<ExtensionOffer> offers = new ArrayList<>();
        request.extensions().forEach(factory -> offers.addAll(factory.clientOffers()));
        offers.addAll(request.rawExtensionOffers());
        if (!offers.isEmpty()) {
            put(headers, EXTENSIONS, HandshakeHeaders.formatExtensions(offers));
        }
        if (withCredentials) {
            put(headers, AUTHORIZATION, request.credentials().authorization());
        }
        if (request.beforeRequest() != null) {
            request.beforeRequest().accept(headers);
        }
        return new ClientHandshake(request, target, withCredentials, headers);
    }

    WebSocketUri target() {
        return target;
    }

    /** The request as sent: every header field after the hook. */
    Map<String, List<String>> requestHeaders() {
        return sentHeaders;
    }

    /** The request's bytes, in a new buffer each call. */
    ByteBuffer requestBytes() {
        return ByteBuffer.wrap(requestBytes);
    }

    /**
     * Judges the server's answer (RFC 6455 §4.1, the client's checks of the response).
     *
     * @throws ClientHandshakeException saying which check failed, with the response's status and headers
     */
    Outcome evaluate(HttpResponseHead response) throws ClientHandshakeException {
        int status = response.status();
        if (status == 101) {
            return new Upgraded(checkUpgrade(response));
        }
        if (status == 301 || status == 302 || status == 303 || status == 307 || status == 308) {
            String location = response.firstValue(LOCATION);
            if (location == null || location.isEmpty()) {
                throw failure(response, "Server answered " + response.statusText() + " without a Location header");
            }
            try {
                return new Redirect(target.redirectTo(location));
            } catch (ClientHandshakeException e) {
                throw failure(response, e.getMessage());
            }
        }
        if (status == 401) {
            return authenticate(response);
        }
        throw failure(response, "Server answered " + response.statusText() + " instead of 101 Switching Protocols");
    }

    private Outcome authenticate(HttpResponseHead response) throws ClientHandshakeException {
        String answered = "Server answered " + response.statusText();
        List<String> challenges = response.values(WWW_AUTHENTICATE);
        String challengeText = challenges.isEmpty() ? "no WWW-Authenticate header"
                : WWW_AUTHENTICATE + ": " + String.join(", ", challenges);
        if (sentCredentials) {
            throw failure(response, answered + " to the credentials of user '" + request.credentials().user()
                    + "' (" + challengeText + ")");
        }
        if (!offersBasic(challenges)) {
            throw failure(response, answered + " without offering Basic authentication, the only scheme"
                    + " supported (" + challengeText + ")");
        }
        if (request.credentials() == null) {
            throw failure(response, answered + " and no credentials are configured (" + challengeText + ")");
        }
        return new Authenticate();
    }

    private HandshakeResult checkUpgrade(HttpResponseHead response) throws ClientHandshakeException {
        if (!HandshakeHeaders.containsToken(response.values(UPGRADE), "websocket")) {
            throw failure(response, "Server answered 101 without 'Upgrade: websocket' (" + describe(response, UPGRADE) + ")");
        }
        if (!HandshakeHeaders.containsToken(response.values(CONNECTION), "upgrade")) {
            throw failure(response, "Server answered 101 without 'Connection: Upgrade' ("
                    + describe(response, CONNECTION) + ")");
        }
        List<String> accept = response.values(ACCEPT);
        if (accept.size() != 1 || !accept.get(0).equals(expectedAccept)) {
            throw failure(response, ACCEPT + " mismatch: expected " + expectedAccept + ", got "
                    + (accept.isEmpty() ? "none" : String.join(", ", accept)));
        }
        String subprotocol = checkSubprotocol(response);
        List<Extension> extensions = checkExtensions(response);
        return new HandshakeResult(target.uri(), subprotocol, extensions, response.headers(), target.secure());
    }

    /** The selected subprotocol: at most one, and one we offered (RFC 6455 §4.1, item 6 of the checks). */
    private String checkSubprotocol(HttpResponseHead response) throws ClientHandshakeException {
        List<String> selected;
        try {
            selected = HandshakeHeaders.parseTokenList(response.values(PROTOCOL));
        } catch (HandshakeException e) {
            throw failure(response, "Malformed response header: " + e.getMessage());
        }
        if (selected.isEmpty()) {
            return "";
        }
        if (selected.size() > 1) {
            throw failure(response, "Server selected more than one subprotocol: " + selected);
        }
        String protocol = selected.get(0);
        if (!offeredSubprotocols.contains(protocol)) {
            throw failure(response, "Server selected subprotocol '" + protocol + "' which was not offered "
                    + offeredSubprotocols);
        }
        return protocol;
    }

    /** The accepted extensions: each one we offered and can run (RFC 6455 §4.1, item 5 of the checks). */
    private List<Extension> checkExtensions(HttpResponseHead response) throws ClientHandshakeException {
        List<ExtensionOffer> accepted;
        try {
            accepted = HandshakeHeaders.parseExtensions(response.values(EXTENSIONS));
        } catch (HandshakeException e) {
            throw failure(response, "Malformed response header: " + e.getMessage());
        }
        for (ExtensionOffer element : accepted) {
            if (containsIgnoreCase(offeredRawNames, element.name())) {
                throw failure(response, "Server accepted extension '" + element.name() + "', which was offered"
                        + " as configured but is not implemented by this client");
            }
        }
        try {
            return ExtensionNegotiation.acceptResponse(accepted, offeredFactories);
        } catch (ExtensionNegotiationException e) {
            throw failure(response, e.getMessage());
        }
    }

    /** Splits the offers as sent into extensions we run (their factories) and raw ones (their names). */
    private void sortOffers(List<ExtensionOffer> offers) {
        for (ExtensionOffer offer : offers) {
            ExtensionFactory factory = factoryNamed(offer.name());
            if (factory == null) {
                if (!containsIgnoreCase(offeredRawNames, offer.name())) {
                    offeredRawNames.add(offer.name());
                }
            } else if (!offeredFactories.contains(factory)) {
                offeredFactories.add(factory);
            }
        }
    }

    private ExtensionFactory factoryNamed(String name) {
        for (ExtensionFactory factory : request.extensions()) {
            if (factory.name().equalsIgnoreCase(name)) {
                return factory;
            }
        }
        return null;
    }

    private static byte[] format(WebSocketUri target, Map<String, List<String>> headers)
            throws ClientHandshakeException {
        StringBuilder text = new StringBuilder(256);
        text.append("GET ").append(target.requestTarget()).append(" HTTP/1.1\r\n");
        for (Map.Entry<String, List<String>> field : headers.entrySet()) {
            if (field.getValue() == null) {
                continue;
            }
            if (!HttpSyntax.isToken(field.getKey())) {
                throw new ClientHandshakeException("Request header name is not an HTTP token: \"" + field.getKey() + "\"");
            }
            for (String value : field.getValue()) {
                if (!HttpSyntax.isFieldValue(value)) {
                    throw new ClientHandshakeException("Request header " + field.getKey()
                            + " has a value with CR, LF or NUL, or none");
                }
                text.append(field.getKey()).append(": ").append(value).append("\r\n");
            }
        }
        return text.append("\r\n").toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Whether one of the challenges (RFC 9110 §11.6.1) is Basic. Each comma-separated piece is either a
     * new challenge ({@code scheme [params]}) or a parameter of the previous one ({@code name=value}),
     * told apart by whether its first word contains {@code =}.
     */
    private static boolean offersBasic(List<String> challenges) {
        for (String value : challenges) {
            for (String piece : value.split(",")) {
                String word = piece.strip().split("[ \t]", 2)[0];
                if (word.equalsIgnoreCase("Basic")) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String describe(HttpResponseHead response, String name) {
        List<String> values = response.values(name);
        return values.isEmpty() ? "no " + name + " header" : name + ": " + String.join(", ", values);
    }

    private static ClientHandshakeException failure(HttpResponseHead response, String message) {
        return new ClientHandshakeException(message, response);
    }

    private static void put(Map<String, List<String>> headers, String name, String value) {
        headers.remove(name); // the configured headers may spell it in another case
        headers.put(name, new ArrayList<>(List.of(value)));
    }

    private static String firstValue(Map<String, List<String>> headers, String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    private static boolean containsIgnoreCase(List<String> names, String name) {
        for (String n : names) {
            if (n.equalsIgnoreCase(name)) {
                return true;
            }
        }
        return false;
    }
}
