package dev.tideway.websocket.protocol.handshake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tideway.websocket.protocol.extension.ExtensionOffer;
import dev.tideway.websocket.protocol.extension.ExtensionOffer.Parameter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link HandshakeHeaders#formatExtensions}. */
class HandshakeExtensionsFormattingTest {

    @Test
    void writesOffersAndParametersInOrder() {
        List<ExtensionOffer> offers = List.of(
                ExtensionOffer.of("permessage-deflate",
                        new Parameter("client_max_window_bits", null),
                        new Parameter("server_max_window_bits", "10")),
                ExtensionOffer.of("permessage-deflate"),
                ExtensionOffer.of("x-foo", new Parameter("a", "b")));

        assertEquals("permessage-deflate; client_max_window_bits; server_max_window_bits=10, "
                + "permessage-deflate, x-foo; a=b", HandshakeHeaders.formatExtensions(offers));
    }

    @Test
    void noExtensionsIsAnEmptyValue() {
        assertEquals("", HandshakeHeaders.formatExtensions(List.of()));
    }

    @Test
    void quotesAValueOnlyWhenItIsNotAToken() {
        List<ExtensionOffer> offers = List.of(ExtensionOffer.of("x",
                new Parameter("plain", "a.b-c"),
                new Parameter("space", "a b"),
                new Parameter("escapes", "say \"hi\" \\o/"),
                new Parameter("empty", "")));

        assertEquals("x; plain=a.b-c; space=\"a b\"; escapes=\"say \\\"hi\\\" \\\\o/\"; empty=\"\"",
                HandshakeHeaders.formatExtensions(offers));
    }

    @Test
    void parsesBackToTheSameOffers() throws HandshakeException {
        List<ExtensionOffer> offers = List.of(
                ExtensionOffer.of("permessage-deflate", new Parameter("client_max_window_bits", "15"),
                        new Parameter("client_no_context_takeover", null)),
                ExtensionOffer.of("Other", new Parameter("k", "v")));

        assertEquals(offers, HandshakeHeaders.parseExtensions(List.of(HandshakeHeaders.formatExtensions(offers))));
    }

    @Test
    void refusesWhatCannotBeWritten() {
        IllegalArgumentException name = assertThrows(IllegalArgumentException.class,
                () -> HandshakeHeaders.formatExtensions(List.of(ExtensionOffer.of("bad name"))));
        assertEquals("not a token: \"bad name\"", name.getMessage());

        IllegalArgumentException parameter = assertThrows(IllegalArgumentException.class,
                () -> HandshakeHeaders.formatExtensions(List.of(ExtensionOffer.of("x", new Parameter("a;", "1")))));
        assertEquals("not a token: \"a;\"", parameter.getMessage());

        IllegalArgumentException value = assertThrows(IllegalArgumentException.class,
                () -> HandshakeHeaders.formatExtensions(List.of(ExtensionOffer.of("x", new Parameter("a", "1\n2")))));
        assertEquals("character 0x0A cannot be sent in a header: \"1\n2\"", value.getMessage());
    }
}
