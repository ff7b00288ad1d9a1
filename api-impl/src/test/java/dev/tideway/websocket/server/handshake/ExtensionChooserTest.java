package dev.tideway.websocket.server.handshake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.tideway.websocket.protocol.extension.ExtensionOffer;
import dev.tideway.websocket.protocol.extension.PerMessageDeflateFactory;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The extension chooser (the Jakarta configurator's say) runs before the installed extensions negotiate. */
class ExtensionChooserTest {
    private final List<List<ExtensionOffer>> asked = new ArrayList<>();

    private ServerHandshake handshake(ExtensionChooser chooser) {
        return ServerHandshake.builder().extensions(List.of(new PerMessageDeflateFactory()))
                .extensionChooser(requested -> {
                    asked.add(requested);
                    return chooser.choose(requested);
                }).build();
    }

    @Test
    void aChooserThatKeepsNothingLeavesTheConnectionWithoutExtensions() {
        HandshakeAcceptance accepted = assertInstanceOf(HandshakeAcceptance.class, handshake(requested -> List.of())
                .process("GET", RequestHeaders.valid().set("Sec-WebSocket-Extensions", "permessage-deflate")));

        assertEquals(List.of(List.of(ExtensionOffer.of("permessage-deflate"))), asked);
        assertEquals(List.of(), accepted.extensions());
        assertFalse(accepted.responseHeaders().containsKey("Sec-WebSocket-Extensions"));
    }

    @Test
    void theChosenOffersAreNegotiatedInTheChoosersOrder() {
        HandshakeAcceptance accepted = assertInstanceOf(HandshakeAcceptance.class,
                handshake(requested -> List.of(requested.get(1))).process("GET", RequestHeaders.valid()
                        .set("Sec-WebSocket-Extensions", "permessage-deflate; server_no_context_takeover",
                                "permessage-deflate")));

        assertEquals("permessage-deflate", accepted.responseHeaders().get("Sec-WebSocket-Extensions"));
        accepted.releaseExtensions();
    }

    @Test
    void theChooserIsNotAskedWhenTheClientOffersNothing() {
        assertInstanceOf(HandshakeAcceptance.class, handshake(ExtensionChooser.ALL).process("GET", RequestHeaders.valid()));

        assertEquals(List.of(), asked);
    }
}
