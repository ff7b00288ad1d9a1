package dev.tideway.websocket.samples.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import org.junit.jupiter.api.Test;

class ClientOptionsTest {

    @Test
    void aUriAloneIsASafeConnection() {
        assertEquals(new ClientOptions(URI.create("wss://example.com/chat"), false),
                ClientOptions.parse("wss://example.com/chat"));
    }

    @Test
    void insecureMayComeBeforeOrAfterTheUri() {
        ClientOptions expected = new ClientOptions(URI.create("wss://localhost:8443/echo"), true);
        assertEquals(expected, ClientOptions.parse("--insecure", "wss://localhost:8443/echo"));
        assertEquals(expected, ClientOptions.parse("wss://localhost:8443/echo", "--insecure"));
    }

    @Test
    void badCommandLinesSayWhatIsWrong() {
        assertEquals("Which server? Give a ws:// or wss:// URI",
                assertThrows(IllegalArgumentException.class, ClientOptions::parse).getMessage());
        assertEquals("'http://example.com/' is not a ws:// or wss:// URI with a host",
                assertThrows(IllegalArgumentException.class, () -> ClientOptions.parse("http://example.com/"))
                        .getMessage());
        assertEquals("Unknown option '--secure'",
                assertThrows(IllegalArgumentException.class, () -> ClientOptions.parse("--secure", "ws://a/"))
                        .getMessage());
        assertEquals("One URI only, not also 'ws://b/'",
                assertThrows(IllegalArgumentException.class, () -> ClientOptions.parse("ws://a/", "ws://b/"))
                        .getMessage());
    }
}
