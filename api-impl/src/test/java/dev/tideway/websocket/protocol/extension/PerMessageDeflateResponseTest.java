package dev.tideway.websocket.protocol.extension;

import static dev.tideway.websocket.protocol.extension.DeflateTestSupport.HELLO;
import static dev.tideway.websocket.protocol.extension.DeflateTestSupport.decodeCompressed;
import static dev.tideway.websocket.protocol.extension.DeflateTestSupport.element;
import static dev.tideway.websocket.protocol.extension.DeflateTestSupport.encodeWhole;
import static dev.tideway.websocket.protocol.extension.DeflateTestSupport.hex;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tideway.websocket.protocol.CloseCodes;
import dev.tideway.websocket.protocol.ProtocolException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Client side: what {@link PerMessageDeflateFactory} offers and which responses it takes (RFC 7692 §7.1). */
class PerMessageDeflateResponseTest {
    private static final String PMD = "permessage-deflate";

    private final PerMessageDeflateFactory factory = new PerMessageDeflateFactory();
    private final RecordingSink sink = new RecordingSink();

    @Test
    void defaultOfferHasNoParameters() {
        assertEquals(PMD, factory.clientOffers().get(0).toHeaderValue());
        assertEquals(1, factory.clientOffers().size());
    }

    @Test
    void configuredOfferAsksForNoContextTakeoverBothWays() {
        PerMessageDeflateFactory configured = new PerMessageDeflateFactory(PerMessageDeflateConfig.builder()
                .serverNoContextTakeover(true).clientNoContextTakeover(true).build());

        assertEquals(PMD + "; client_no_context_takeover; server_no_context_takeover",
                configured.clientOffers().get(0).toHeaderValue());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            PMD,
            PMD + "; server_no_context_takeover",
            PMD + "; client_no_context_takeover",
            PMD + "; server_max_window_bits=8",
            PMD + "; server_max_window_bits=12",
            PMD + "; server_max_window_bits=15",
            PMD + "; server_no_context_takeover; client_no_context_takeover; server_max_window_bits=9"})
    void acceptedResponses(String response) throws Exception {
        ExtensionOffer element = element(response);
        assertSame(element, factory.acceptResponse(element).negotiated());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            permessage-deflate; client_max_window_bits=15 | client_max_window_bits was not offered; this client always compresses with a 32 KiB window (15 bits)
            permessage-deflate; client_max_window_bits=10 | client_max_window_bits was not offered; this client always compresses with a 32 KiB window (15 bits)
            permessage-deflate; client_max_window_bits    | parameter 'client_max_window_bits' needs a value from 8 to 15 without leading zeroes, got none
            permessage-deflate; server_max_window_bits    | parameter 'server_max_window_bits' needs a value from 8 to 15 without leading zeroes, got none
            permessage-deflate; server_max_window_bits=7  | parameter 'server_max_window_bits' needs a value from 8 to 15 without leading zeroes, got '7'
            permessage-deflate; server_max_window_bits=16 | parameter 'server_max_window_bits' needs a value from 8 to 15 without leading zeroes, got '16'
            permessage-deflate; server_max_window_bits=08 | parameter 'server_max_window_bits' needs a value from 8 to 15 without leading zeroes, got '08'
            permessage-deflate; server_no_context_takeover=1 | parameter 'server_no_context_takeover' takes no value
            permessage-deflate; client_no_context_takeover=x | parameter 'client_no_context_takeover' takes no value
            permessage-deflate; x_compression                | unknown parameter 'x_compression'
            permessage-deflate; server_no_context_takeover; server_no_context_takeover | parameter 'server_no_context_takeover' appears more than once
            permessage-deflate; server_max_window_bits=10; server_max_window_bits=12   | parameter 'server_max_window_bits' appears more than once
            """)
    void rejectedResponses(String response, String reason) {
        ExtensionNegotiationException e = assertThrows(ExtensionNegotiationException.class,
                () -> factory.acceptResponse(element(response)));
        assertEquals("Invalid permessage-deflate '" + response + "': " + reason, e.getMessage());
    }

    @Test
    void clientNoContextTakeoverInTheResponseResetsTheClientsDeflater() throws Exception {
        Extension client = factory.acceptResponse(element(PMD + "; client_no_context_takeover"));
        assertEquals("f2 48 cd c9 c9 07 00", hex(encodeWhole(client, HELLO)));
        assertEquals("f2 48 cd c9 c9 07 00", hex(encodeWhole(client, HELLO)));
    }

    @Test
    void configuredClientNoContextTakeoverHoldsWhateverTheResponse() throws Exception {
        PerMessageDeflateFactory configured = new PerMessageDeflateFactory(
                PerMessageDeflateConfig.builder().clientNoContextTakeover(true).build());
        Extension client = configured.acceptResponse(element(PMD));
        assertEquals("f2 48 cd c9 c9 07 00", hex(encodeWhole(client, HELLO)));
        assertEquals("f2 48 cd c9 c9 07 00", hex(encodeWhole(client, HELLO)));
    }

    @Test
    void withoutParametersTheClientTakesOverItsContext() throws Exception {
        Extension client = factory.acceptResponse(element(PMD));
        assertEquals("f2 48 cd c9 c9 07 00", hex(encodeWhole(client, HELLO)));
        assertEquals("f2 00 11 00 00", hex(encodeWhole(client, HELLO)));
        decodeCompressed(client, hex("f2 48 cd c9 c9 07 00"), sink);
        assertArrayEquals(HELLO, decodeCompressed(client, hex("f2 00 11 00 00"), sink));
    }

    @Test
    void serverNoContextTakeoverInTheResponseResetsTheClientsInflater() throws Exception {
        Extension client = factory.acceptResponse(element(PMD + "; server_no_context_takeover"));
        decodeCompressed(client, hex("f2 48 cd c9 c9 07 00"), sink);

        ProtocolException e = assertThrows(ProtocolException.class,
                () -> decodeCompressed(client, hex("f2 00 11 00 00"), sink));
        assertEquals(CloseCodes.INVALID_PAYLOAD_DATA, e.closeCode());
    }
}
