package dev.tideway.websocket.server.handshake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tideway.websocket.protocol.extension.PerMessageDeflateFactory;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** RFC 6455 §4.2.2 point 5: the headers of the 101 response, exactly and in order. */
class AcceptanceResponseTest {

    @Test
    void minimalResponseOfRfc6455Section1_3() {
        HandshakeAcceptance accepted = assertInstanceOf(HandshakeAcceptance.class,
                ServerHandshake.builder().build().process("GET", RequestHeaders.valid()));

        assertEquals(List.of(
                Map.entry("Upgrade", "websocket"),
                Map.entry("Connection", "Upgrade"),
                Map.entry("Sec-WebSocket-Accept", RequestHeaders.RFC_ACCEPT)),
                List.copyOf(accepted.responseHeaders().entrySet()));
    }

    @Test
    void fullResponseListsProtocolThenExtensions() {
        ServerHandshake handshake = ServerHandshake.builder()
                .subprotocols(List.of("chat"))
                .extensions(List.of(new PerMessageDeflateFactory()))
                .build();

        HandshakeAcceptance accepted = assertInstanceOf(HandshakeAcceptance.class, handshake.process("GET",
                RequestHeaders.valid()
                        .set("Sec-WebSocket-Protocol", "chat")
                        .set("Sec-WebSocket-Extensions", "permessage-deflate")));

        assertEquals(List.of(
                Map.entry("Upgrade", "websocket"),
                Map.entry("Connection", "Upgrade"),
                Map.entry("Sec-WebSocket-Accept", RequestHeaders.RFC_ACCEPT),
                Map.entry("Sec-WebSocket-Protocol", "chat"),
                Map.entry("Sec-WebSocket-Extensions", "permessage-deflate")),
                List.copyOf(accepted.responseHeaders().entrySet()));
        accepted.releaseExtensions();
    }

    @Test
    void theOutcomeIsImmutable() {
        HandshakeAcceptance accepted = assertInstanceOf(HandshakeAcceptance.class,
                ServerHandshake.builder().build().process("GET", RequestHeaders.valid()));

        assertThrows(UnsupportedOperationException.class, () -> accepted.responseHeaders().put("X", "y"));
        assertThrows(UnsupportedOperationException.class, () -> accepted.extensions().clear());
    }
}
