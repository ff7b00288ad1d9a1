package dev.tideway.websocket.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import org.junit.jupiter.api.Test;

class WebSocketUriTest {

    @Test
    void defaultPortsAreLeftOutOfTheHostHeader() {
        WebSocketUri ws = WebSocketUri.of(URI.create("ws://example.com/chat"));
        WebSocketUri wss = WebSocketUri.of(URI.create("WSS://example.com:443"));

        assertEquals(80, ws.port());
        assertFalse(ws.secure());
        assertEquals("example.com", ws.hostHeader());
        assertEquals("example.com:80", ws.authority());
        assertEquals(443, wss.port());
        assertTrue(wss.secure());
        assertEquals("example.com", wss.hostHeader());
        assertEquals("/", wss.requestTarget());
    }

    @Test
    void anOtherPortIsInTheHostHeaderAndTheQueryInTheRequestTarget() {
        WebSocketUri uri = WebSocketUri.of(URI.create("ws://example.com:8080/a%20b/c?x=1&y=%2F"));

        assertEquals("example.com:8080", uri.hostHeader());
        assertEquals("/a%20b/c?x=1&y=%2F", uri.requestTarget());
    }

    @Test
    void anIpv6HostIsBracketedInHeadersButNotForTheResolver() {
        WebSocketUri uri = WebSocketUri.of(URI.create("ws://[::1]:9000/"));

        assertEquals("::1", uri.host());
        assertEquals("[::1]:9000", uri.hostHeader());
    }

    @Test
    void rejectsOtherSchemesMissingHostsAndFragments() {
        assertEquals("Not a WebSocket URI (scheme must be ws or wss): http://example.com/",
                assertThrows(IllegalArgumentException.class, () -> WebSocketUri.of(URI.create("http://example.com/")))
                        .getMessage());
        assertEquals("WebSocket URI has no host: ws:/path",
                assertThrows(IllegalArgumentException.class, () -> WebSocketUri.of(URI.create("ws:/path"))).getMessage());
        assertEquals("WebSocket URI must not have a fragment: ws://example.com/#f",
                assertThrows(IllegalArgumentException.class, () -> WebSocketUri.of(URI.create("ws://example.com/#f")))
                        .getMessage());
    }

    @Test
    void redirectsResolveRelativeLocationsAndMapHttpSchemes() throws Exception {
        WebSocketUri ws = WebSocketUri.of(URI.create("ws://example.com:8080/old/path?q=1"));

        assertEquals(URI.create("ws://example.com:8080/new"), ws.redirectTo("/new").uri());
        assertEquals(URI.create("ws://example.com:8080/old/sibling"), ws.redirectTo("sibling").uri());
        assertEquals(URI.create("ws://other.example/x%20y"), ws.redirectTo("http://other.example/x%20y").uri());
        assertEquals(URI.create("wss://other.example/"), ws.redirectTo("https://other.example/#top").uri());
    }

    @Test
    void refusesRedirectsToOtherSchemesAndFromWssToWs() {
        WebSocketUri ws = WebSocketUri.of(URI.create("ws://example.com/"));
        WebSocketUri wss = WebSocketUri.of(URI.create("wss://example.com/"));

        assertEquals("Redirect to 'ftp://example.com/', which is not a ws, wss, http or https URI",
                assertThrows(ClientHandshakeException.class, () -> ws.redirectTo("ftp://example.com/")).getMessage());
        assertEquals("Refusing a redirect from wss://example.com/ to http://example.com/: it would drop TLS",
                assertThrows(ClientHandshakeException.class, () -> wss.redirectTo("http://example.com/")).getMessage());
        assertEquals("Redirect to a malformed Location 'http://exa mple/'",
                assertThrows(ClientHandshakeException.class, () -> ws.redirectTo("http://exa mple/")).getMessage());
    }
}
