package dev.tideway.websocket.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tideway.websocket.protocol.extension.Extension;
import dev.tideway.websocket.protocol.extension.ExtensionOffer;
import dev.tideway.websocket.protocol.handshake.HandshakeKeys;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The request bytes and every verdict on the server's answer, without a network. */
class ClientHandshakeTest {
    /** The key and accept of RFC 6455 §1.3. */
    private static final String KEY = "dGhlIHNhbXBsZSBub25jZQ==";
    private static final String ACCEPT = "s3pPLMBiTxaQ9kYGzzhZRbK+xOo=";
    private static final String UPGRADED = "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n"
            + "Connection: Upgrade\r\nSec-WebSocket-Accept: " + ACCEPT + "\r\n";

    @Test
    void writesTheUpgradeRequestWithEveryOfferAndConfiguredHeader() throws Exception {
        ClientHandshakeRequest request = builder("ws://example.com:8080/chat?room=1")
                .subprotocols(List.of("chat", "superchat"))
                .rawExtensionOffers(List.of(ExtensionOffer.of("x-raw", new ExtensionOffer.Parameter("a", "1"))))
                .header("Origin", "http://example.com")
                .credentials(new BasicCredentials("bob", "secret"))
                .build();

        assertEquals("GET /chat?room=1 HTTP/1.1\r\n"
                + "Connection: Upgrade\r\n"
                + "Content-Length: 0\r\n"
                + "Host: example.com:8080\r\n"
                + "Origin: http://example.com\r\n"
                + "Sec-WebSocket-Extensions: permessage-deflate, x-raw; a=1\r\n"
                + "Sec-WebSocket-Key: " + KEY + "\r\n"
                + "Sec-WebSocket-Protocol: chat, superchat\r\n"
                + "Sec-WebSocket-Version: 13\r\n"
                + "Upgrade: websocket\r\n"
                + "\r\n", requestText(create(request, false)));
    }

    @Test
    void aMinimalRequestHasNoOptionalHeaderAndTheDefaultPortIsLeftOut() throws Exception {
        ClientHandshakeRequest request = builder("wss://example.com").extensions(List.of()).build();

        assertEquals("GET / HTTP/1.1\r\nConnection: Upgrade\r\nContent-Length: 0\r\nHost: example.com\r\nSec-WebSocket-Key: " + KEY
                + "\r\nSec-WebSocket-Version: 13\r\nUpgrade: websocket\r\n\r\n", requestText(create(request, false)));
    }

    @Test
    void credentialsAreSentOnlyWhenAsked() throws Exception {
        ClientHandshakeRequest request = builder("ws://example.com/").credentials(new BasicCredentials("bob", "secret")).build();

        assertEquals(List.of("Basic Ym9iOnNlY3JldA=="), create(request, true).requestHeaders().get("authorization"));
        assertNull(create(request, false).requestHeaders().get("authorization"));
    }

    @Test
    void theHookSeesEveryHeaderAndTheAnswerIsJudgedAgainstWhatItLeft() throws Exception {
        String otherKey = "AQIDBAUGBwgJCgsMDQ4PEA==";
        ClientHandshakeRequest request = builder("ws://example.com/").header("Origin", "o").beforeRequest(headers -> {
            assertEquals(List.of("example.com"), headers.get("host"));
            assertEquals(List.of(KEY), headers.get("sec-websocket-key"));
            headers.remove("Origin");
            headers.put("Sec-WebSocket-Key", List.of(otherKey));
            headers.put("Sec-WebSocket-Protocol", List.of("added"));
        }).build();
        ClientHandshake handshake = create(request, false);
        String accept = HandshakeKeys.acceptFor(otherKey);

        assertFalse(requestText(handshake).contains("Origin"));
        ClientHandshake.Upgraded upgraded = assertInstanceOf(ClientHandshake.Upgraded.class, handshake.evaluate(
                response("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                        + "Sec-WebSocket-Accept: " + accept + "\r\nSec-WebSocket-Protocol: added\r\n")));
        assertEquals("added", upgraded.result().subprotocol());
    }

    @Test
    void aHookThatBreaksTheRequestFailsItBeforeAnythingIsSent() {
        ClientHandshakeRequest injecting = builder("ws://example.com/")
                .beforeRequest(headers -> headers.put("X-Evil", List.of("a\r\nHost: evil"))).build();
        ClientHandshakeRequest keyless = builder("ws://example.com/")
                .beforeRequest(headers -> headers.remove("sec-websocket-key")).build();
        ClientHandshakeRequest badName = builder("ws://example.com/")
                .beforeRequest(headers -> headers.put("Bad Name", List.of("x"))).build();

        assertEquals("Request header X-Evil has a value with CR, LF or NUL, or none", failure(injecting).getMessage());
        assertEquals("The request has no Sec-WebSocket-Key header (beforeRequest removed it)", failure(keyless).getMessage());
        assertEquals("Request header name is not an HTTP token: \"Bad Name\"", failure(badName).getMessage());
    }

    @Test
    void theBuilderRejectsSubprotocolsAndHeaderNamesThatAreNotTokens() {
        assertEquals("Subprotocol is not an HTTP token: \"a b\"", assertThrows(IllegalArgumentException.class,
                () -> builder("ws://h/").subprotocols(List.of("a b"))).getMessage());
        assertEquals("Header name is not an HTTP token: \"X:Y\"", assertThrows(IllegalArgumentException.class,
                () -> builder("ws://h/").header("X:Y", "v")).getMessage());
    }

    @Test
    void aValidAnswerUpgradesWithNoSubprotocolAndNoExtension() throws Exception {
        ClientHandshake.Outcome outcome = create(builder("wss://example.com/").build(), false).evaluate(response(UPGRADED));

        HandshakeResult result = assertInstanceOf(ClientHandshake.Upgraded.class, outcome).result();
        assertEquals("", result.subprotocol());
        assertEquals(List.of(), result.extensions());
        assertEquals(URI.create("wss://example.com/"), result.uri());
        assertTrue(result.secure());
        assertEquals(List.of(ACCEPT), result.responseHeaders().get("SEC-WEBSOCKET-ACCEPT"));
    }

    @Test
    void anotherStatusFailsWithItAndTheResponseHeaders() {
        ClientHandshakeException e = failure(builder("ws://h/").build(), "HTTP/1.1 404 Not Found\r\nServer: test\r\n");

        assertEquals("Server answered 404 Not Found instead of 101 Switching Protocols", e.getMessage());
        assertEquals(404, e.statusCode());
        assertEquals(Map.of("Server", List.of("test")), Map.copyOf(e.responseHeaders()));
    }

    @Test
    void upgradeConnectionAndAcceptAreChecked() {
        ClientHandshakeRequest request = builder("ws://h/").build();

        assertEquals("Server answered 101 without 'Upgrade: websocket' (no Upgrade header)", failure(request,
                "HTTP/1.1 101 OK\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: " + ACCEPT + "\r\n").getMessage());
        assertEquals("Server answered 101 without 'Connection: Upgrade' (Connection: keep-alive)", failure(request,
                "HTTP/1.1 101 OK\r\nUpgrade: WebSocket\r\nConnection: keep-alive\r\nSec-WebSocket-Accept: " + ACCEPT
                        + "\r\n").getMessage());
        assertEquals("Sec-WebSocket-Accept mismatch: expected " + ACCEPT + ", got none", failure(request,
                "HTTP/1.1 101 OK\r\nUpgrade: websocket\r\nConnection: upgrade\r\n").getMessage());
        assertEquals("Sec-WebSocket-Accept mismatch: expected " + ACCEPT + ", got " + ACCEPT + ", " + ACCEPT,
                failure(request, UPGRADED + "Sec-WebSocket-Accept: " + ACCEPT + "\r\n").getMessage());
    }

    @Test
    void theSubprotocolMustBeOneOfferedAndOnlyOne() {
        ClientHandshakeRequest offering = builder("ws://h/").subprotocols(List.of("a", "b")).build();
        ClientHandshakeRequest offeringNone = builder("ws://h/").build();

        assertEquals("Server selected subprotocol 'c' which was not offered [a, b]",
                failure(offering, UPGRADED + "Sec-WebSocket-Protocol: c\r\n").getMessage());
        assertEquals("Server selected subprotocol 'A' which was not offered [a, b]",
                failure(offering, UPGRADED + "Sec-WebSocket-Protocol: A\r\n").getMessage());
        assertEquals("Server selected more than one subprotocol: [a, b]",
                failure(offering, UPGRADED + "Sec-WebSocket-Protocol: a, b\r\n").getMessage());
        assertEquals("Server selected subprotocol 'x' which was not offered []",
                failure(offeringNone, UPGRADED + "Sec-WebSocket-Protocol: x\r\n").getMessage());
    }

    @Test
    void anAcceptedPermessageDeflateBecomesTheConnectionsExtension() throws Exception {
        ClientHandshake.Outcome outcome = create(builder("ws://h/").build(), false).evaluate(
                response(UPGRADED + "Sec-WebSocket-Extensions: permessage-deflate; server_no_context_takeover\r\n"));

        List<Extension> extensions = assertInstanceOf(ClientHandshake.Upgraded.class, outcome).result().extensions();
        assertEquals(1, extensions.size());
        assertEquals("permessage-deflate; server_no_context_takeover", extensions.get(0).negotiated().toHeaderValue());
        extensions.forEach(Extension::release);
    }

    @Test
    void anExtensionNotOfferedOrOfferedRawOrBadlyParameterizedFailsTheConnect() {
        ClientHandshakeRequest request = builder("ws://h/")
                .rawExtensionOffers(List.of(ExtensionOffer.of("x-raw"))).build();

        assertEquals("The server accepted extension 'x-other', which was not offered",
                failure(request, UPGRADED + "Sec-WebSocket-Extensions: x-other\r\n").getMessage());
        assertEquals("Server accepted extension 'X-Raw', which was offered as configured but is not implemented"
                + " by this client", failure(request, UPGRADED + "Sec-WebSocket-Extensions: X-Raw\r\n").getMessage());
        assertTrue(failure(request, UPGRADED + "Sec-WebSocket-Extensions: permessage-deflate; client_max_window_bits=10\r\n")
                .getMessage().contains("client_max_window_bits"));
        assertEquals("Malformed response header: Sec-WebSocket-Extensions: expected an extension name but found"
                + " ';' at index 0", failure(request, UPGRADED + "Sec-WebSocket-Extensions: ;x\r\n").getMessage());
    }

    @Test
    void aRedirectNamesItsTargetOrFailsWithoutLocation() throws Exception {
        ClientHandshake handshake = create(builder("ws://example.com/a").build(), false);

        ClientHandshake.Outcome outcome = handshake.evaluate(response("HTTP/1.1 308 Permanent Redirect\r\nLocation: https://secure.example/b\r\n"));

        assertEquals(URI.create("wss://secure.example/b"),
                assertInstanceOf(ClientHandshake.Redirect.class, outcome).target().uri());
        assertEquals("Server answered 302 Found without a Location header",
                failure(builder("ws://example.com/a").build(), "HTTP/1.1 302 Found\r\n").getMessage());
    }

    @Test
    void a401IsRetriedOnlyForBasicWithCredentialsNotYetSent() throws Exception {
        BasicCredentials bob = new BasicCredentials("bob", "secret");
        String basic = "HTTP/1.1 401 Unauthorized\r\nWWW-Authenticate: Bearer, Basic realm=\"r\"\r\n";
        String digest = "HTTP/1.1 401 Unauthorized\r\nWWW-Authenticate: Digest realm=\"Basic\", nonce=\"x\"\r\n";

        assertInstanceOf(ClientHandshake.Authenticate.class,
                create(builder("ws://h/").credentials(bob).build(), false).evaluate(response(basic)));
        assertEquals("Server answered 401 Unauthorized to the credentials of user 'bob' (WWW-Authenticate: Bearer,"
                + " Basic realm=\"r\")", assertThrows(ClientHandshakeException.class,
                () -> create(builder("ws://h/").credentials(bob).build(), true).evaluate(response(basic))).getMessage());
        assertEquals("Server answered 401 Unauthorized without offering Basic authentication, the only scheme"
                + " supported (WWW-Authenticate: Digest realm=\"Basic\", nonce=\"x\")",
                failure(builder("ws://h/").credentials(bob).build(), digest).getMessage());
        assertEquals("Server answered 401 Unauthorized and no credentials are configured (WWW-Authenticate: Bearer,"
                + " Basic realm=\"r\")", failure(builder("ws://h/").build(), basic).getMessage());
    }

    private static ClientHandshakeRequest.Builder builder(String uri) {
        return ClientHandshakeRequest.builder(URI.create(uri));
    }

    private static ClientHandshake create(ClientHandshakeRequest request, boolean withCredentials)
            throws ClientHandshakeException {
        return ClientHandshake.create(request, request.target(), withCredentials, KEY);
    }

    private static String requestText(ClientHandshake handshake) {
        return StandardCharsets.UTF_8.decode(handshake.requestBytes()).toString();
    }

    private static HttpResponseHead response(String head) throws ClientHandshakeException {
        return new HttpResponseParser().parse(ByteBuffer.wrap((head + "\r\n").getBytes(StandardCharsets.ISO_8859_1)));
    }

    private static ClientHandshakeException failure(ClientHandshakeRequest request) {
        return assertThrows(ClientHandshakeException.class, () -> create(request, false));
    }

    private static ClientHandshakeException failure(ClientHandshakeRequest request, String head) {
        return assertThrows(ClientHandshakeException.class, () -> create(request, false).evaluate(response(head)));
    }
}
