package dev.tideway.websocket.protocol.extension;

import static dev.tideway.websocket.protocol.extension.DeflateTestSupport.HELLO;
import static dev.tideway.websocket.protocol.extension.DeflateTestSupport.decodeCompressed;
import static dev.tideway.websocket.protocol.extension.DeflateTestSupport.element;
import static dev.tideway.websocket.protocol.extension.DeflateTestSupport.encodeWhole;
import static dev.tideway.websocket.protocol.extension.DeflateTestSupport.hex;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tideway.websocket.protocol.CloseCodes;
import dev.tideway.websocket.protocol.ProtocolException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Server side: which offers {@link PerMessageDeflateFactory#acceptOffer} takes, and what it answers (RFC 7692 §7.1). */
class PerMessageDeflateOfferTest {
    private static final String PMD = "permessage-deflate";

    private final PerMessageDeflateFactory factory = new PerMessageDeflateFactory();
    private final RecordingSink sink = new RecordingSink();

    @ParameterizedTest(name = "{0}  ->  {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            permessage-deflate                                    | permessage-deflate
            permessage-deflate; server_no_context_takeover        | permessage-deflate; server_no_context_takeover
            permessage-deflate; client_no_context_takeover        | permessage-deflate; client_no_context_takeover
            permessage-deflate; client_no_context_takeover; server_no_context_takeover | permessage-deflate; server_no_context_takeover; client_no_context_takeover
            permessage-deflate; server_max_window_bits=15         | permessage-deflate; server_max_window_bits=15
            permessage-deflate; client_max_window_bits            | permessage-deflate
            permessage-deflate; client_max_window_bits=8          | permessage-deflate
            permessage-deflate; client_max_window_bits=15         | permessage-deflate
            permessage-deflate; Server_No_Context_Takeover        | permessage-deflate; server_no_context_takeover
            permessage-deflate; client_max_window_bits; server_max_window_bits=15; server_no_context_takeover; client_no_context_takeover | permessage-deflate; server_no_context_takeover; client_no_context_takeover; server_max_window_bits=15
            """)
    void acceptedOffers(String offer, String response) {
        assertEquals(response, factory.acceptOffer(element(offer)).negotiated().toHeaderValue());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            // windows below 15: our Deflater cannot honour them
            PMD + "; server_max_window_bits=8",
            PMD + "; server_max_window_bits=14",
            // invalid values (§7.1.2.1, §7.1.2.2: a decimal 8..15 without leading zeroes)
            PMD + "; server_max_window_bits",
            PMD + "; server_max_window_bits=16",
            PMD + "; server_max_window_bits=7",
            PMD + "; server_max_window_bits=015",
            PMD + "; server_max_window_bits=+15",
            PMD + "; server_max_window_bits=fifteen",
            PMD + "; server_max_window_bits=",
            PMD + "; client_max_window_bits=16",
            PMD + "; client_max_window_bits=0",
            PMD + "; client_max_window_bits=09",
            // the no-context-takeover parameters take no value (§7.1.1)
            PMD + "; server_no_context_takeover=true",
            PMD + "; client_no_context_takeover=1",
            // unknown parameters
            PMD + "; mux",
            PMD + "; max_window_bits=15",
            // duplicated parameters, also with different values or case
            PMD + "; server_no_context_takeover; server_no_context_takeover",
            PMD + "; client_no_context_takeover; client_no_context_takeover",
            PMD + "; server_max_window_bits=15; server_max_window_bits=15",
            PMD + "; client_max_window_bits; client_max_window_bits=10",
            PMD + "; client_no_context_takeover; CLIENT_NO_CONTEXT_TAKEOVER"})
    void declinedOffers(String offer) {
        assertNull(factory.acceptOffer(element(offer)));
    }

    @Test
    void configuredServerAsksForNoContextTakeoverBothWaysEvenUnasked() {
        PerMessageDeflateFactory configured = new PerMessageDeflateFactory(PerMessageDeflateConfig.builder()
                .serverNoContextTakeover(true).clientNoContextTakeover(true).build());

        assertEquals(PMD + "; server_no_context_takeover; client_no_context_takeover",
                configured.acceptOffer(element(PMD)).negotiated().toHeaderValue());
    }

    @Test
    void firstDeclinedOfferFallsThroughToTheNext() {
        List<Extension> accepted = ExtensionNegotiation.negotiate(
                List.of(element(PMD + "; server_max_window_bits=10"),
                        element(PMD + "; unknown_parameter"),
                        element(PMD + "; client_max_window_bits; server_no_context_takeover"),
                        element(PMD)),
                List.of(factory));

        assertEquals(List.of(PMD + "; server_no_context_takeover"),
                accepted.stream().map(e -> e.negotiated().toHeaderValue()).toList());
    }

    @Test
    void withContextTakeoverTheServerRefersToEarlierMessages() {
        Extension server = factory.acceptOffer(element(PMD));
        assertEquals("f2 48 cd c9 c9 07 00", hex(encodeWhole(server, HELLO)));
        assertEquals("f2 00 11 00 00", hex(encodeWhole(server, HELLO)));
    }

    @Test
    void serverNoContextTakeoverResetsTheServersDeflater() {
        Extension server = factory.acceptOffer(element(PMD + "; server_no_context_takeover"));
        assertEquals("f2 48 cd c9 c9 07 00", hex(encodeWhole(server, HELLO)));
        assertEquals("f2 48 cd c9 c9 07 00", hex(encodeWhole(server, HELLO)));
    }

    @Test
    void withContextTakeoverTheServerInflatesReferencesToEarlierMessages() throws Exception {
        Extension server = factory.acceptOffer(element(PMD));
        decodeCompressed(server, hex("f2 48 cd c9 c9 07 00"), sink);
        assertArrayEquals(HELLO, decodeCompressed(server, hex("f2 00 11 00 00"), sink));
    }

    @Test
    void clientNoContextTakeoverResetsTheServersInflater() throws Exception {
        Extension server = factory.acceptOffer(element(PMD + "; client_no_context_takeover"));
        decodeCompressed(server, hex("f2 48 cd c9 c9 07 00"), sink);

        ProtocolException e = assertThrows(ProtocolException.class,
                () -> decodeCompressed(server, hex("f2 00 11 00 00"), sink));
        assertEquals(CloseCodes.INVALID_PAYLOAD_DATA, e.closeCode());
    }
}
