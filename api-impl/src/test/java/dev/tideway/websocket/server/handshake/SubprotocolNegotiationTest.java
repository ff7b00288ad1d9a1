package dev.tideway.websocket.server.handshake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** RFC 6455 §4.2.2 point 5.4 and the default Jakarta configurator's rule. */
class SubprotocolNegotiationTest {

    @Test
    void defaultRuleTakesTheClientsFirstSupportedChoice() {
        HandshakeAcceptance accepted = accept(ServerHandshake.builder().subprotocols(List.of("chat", "superchat")),
                "superchat, chat");

        assertEquals("superchat", accepted.subprotocol());
        assertEquals("superchat", accepted.responseHeaders().get("Sec-WebSocket-Protocol"));
    }

    @Test
    void unsupportedRequestsAreSkipped() {
        HandshakeAcceptance accepted = accept(ServerHandshake.builder().subprotocols(List.of("v2.proto", "v1.proto")),
                "v9.proto", "v1.proto, v2.proto");

        assertEquals("v1.proto", accepted.subprotocol());
    }

    @Test
    void matchingIsCaseSensitive() {
        HandshakeAcceptance accepted = accept(ServerHandshake.builder().subprotocols(List.of("Chat")), "chat");

        assertNull(accepted.subprotocol());
        assertFalse(accepted.responseHeaders().containsKey("Sec-WebSocket-Protocol"));
    }

    @Test
    void noCommonSubprotocolStillAcceptsWithoutTheHeader() {
        HandshakeAcceptance accepted = accept(ServerHandshake.builder().subprotocols(List.of("mqtt")), "stomp");

        assertNull(accepted.subprotocol());
        assertFalse(accepted.responseHeaders().containsKey("Sec-WebSocket-Protocol"));
    }

    @Test
    void aPluggableChooserSeesBothListsInTheirOrder() {
        List<List<String>> seen = new ArrayList<>();
        SubprotocolChooser serverPreference = (supported, requested) -> {
            seen.add(supported);
            seen.add(requested);
            return supported.stream().filter(requested::contains).findFirst().orElse("");
        };
        HandshakeAcceptance accepted = accept(ServerHandshake.builder()
                .subprotocols(List.of("chat", "superchat")).subprotocolChooser(serverPreference), "superchat, chat");

        assertEquals("chat", accepted.subprotocol());
        assertEquals(List.of(List.of("chat", "superchat"), List.of("superchat", "chat")), seen);
    }

    @Test
    void emptyStringFromTheChooserMeansNone() {
        HandshakeAcceptance accepted = accept(ServerHandshake.builder().subprotocols(List.of("chat"))
                .subprotocolChooser((supported, requested) -> ""), "chat");

        assertNull(accepted.subprotocol());
        assertFalse(accepted.responseHeaders().containsKey("Sec-WebSocket-Protocol"));
    }

    @Test
    void theChooserIsNotAskedWhenTheClientRequestedNothing() {
        HandshakeAcceptance accepted = accept(ServerHandshake.builder().subprotocols(List.of("chat"))
                .subprotocolChooser((supported, requested) -> {
                    throw new AssertionError("asked with " + requested);
                }));

        assertNull(accepted.subprotocol());
    }

    @Test
    void aChoiceTheClientDidNotRequestIsABug() {
        ServerHandshake handshake = ServerHandshake.builder().subprotocols(List.of("chat"))
                .subprotocolChooser((supported, requested) -> "chat").build();

        IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> handshake.process("GET",
                RequestHeaders.valid().set("Sec-WebSocket-Protocol", "stomp")));
        assertEquals("Subprotocol chooser picked \"chat\", which the client did not request: [stomp]",
                thrown.getMessage());
    }

    @Test
    void aMalformedProtocolHeaderIsRejectedNamingIt() {
        HandshakeRejection rejection = assertInstanceOf(HandshakeRejection.class, ServerHandshake.builder().build()
                .process("GET", RequestHeaders.valid().set("Sec-WebSocket-Protocol", "chat superchat")));

        assertEquals(400, rejection.status());
        assertEquals("Sec-WebSocket-Protocol: expected ',' but found 's' at index 5", rejection.reason());
    }

    private static HandshakeAcceptance accept(ServerHandshake.Builder builder, String... requested) {
        RequestHeaders headers = RequestHeaders.valid();
        if (requested.length > 0) {
            headers.set("Sec-WebSocket-Protocol", requested);
        }
        return assertInstanceOf(HandshakeAcceptance.class, builder.build().process("GET", headers));
    }
}
