package dev.tideway.websocket.server.handshake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tideway.websocket.protocol.FrameHeader;
import dev.tideway.websocket.protocol.extension.Extension;
import dev.tideway.websocket.protocol.extension.ExtensionOffer;
import dev.tideway.websocket.protocol.extension.PerMessageDeflateFactory;
import java.util.List;
import org.junit.jupiter.api.Test;

/** RFC 6455 §9.1 and RFC 7692 §7 as the server handshake applies them. */
class ExtensionHandshakeTest {
    private final ServerHandshake withDeflate = ServerHandshake.builder()
            .extensions(List.of(new PerMessageDeflateFactory())).build();

    @Test
    void permessageDeflateIsAcceptedAndAnswered() {
        HandshakeAcceptance accepted = accept(withDeflate, "permessage-deflate; client_max_window_bits");

        assertEquals(1, accepted.extensions().size());
        Extension deflate = accepted.extensions().get(0);
        assertEquals(FrameHeader.RSV1, deflate.rsvBits());
        assertEquals("permessage-deflate", accepted.responseHeaders().get("Sec-WebSocket-Extensions"));
        accepted.releaseExtensions();
    }

    @Test
    void theAnswerCarriesTheNegotiatedParameters() {
        HandshakeAcceptance accepted = accept(withDeflate,
                "permessage-deflate; server_no_context_takeover; client_no_context_takeover");

        assertEquals("permessage-deflate; server_no_context_takeover; client_no_context_takeover",
                accepted.responseHeaders().get("Sec-WebSocket-Extensions"));
        accepted.releaseExtensions();
    }

    @Test
    void aDeclinedOfferFallsThroughToTheClientsNextOne() {
        // a window below 15 bits cannot be honoured by java.util.zip's Deflater
        HandshakeAcceptance accepted = accept(withDeflate,
                "permessage-deflate; server_max_window_bits=10, permessage-deflate; server_max_window_bits=15");

        assertEquals("permessage-deflate; server_max_window_bits=15",
                accepted.responseHeaders().get("Sec-WebSocket-Extensions"));
        accepted.releaseExtensions();
    }

    @Test
    void unknownExtensionsAreIgnored() {
        HandshakeAcceptance accepted = accept(withDeflate, "x-webkit-deflate-frame", "x-custom; a=1");

        assertEquals(List.of(), accepted.extensions());
        assertFalse(accepted.responseHeaders().containsKey("Sec-WebSocket-Extensions"));
    }

    @Test
    void withoutFactoriesNothingIsAccepted() {
        HandshakeAcceptance accepted = accept(ServerHandshake.builder().build(), "permessage-deflate");

        assertEquals(List.of(), accepted.extensions());
        assertFalse(accepted.responseHeaders().containsKey("Sec-WebSocket-Extensions"));
    }

    @Test
    void aMalformedExtensionsHeaderIsRejectedNamingIt() {
        HandshakeRejection rejection = assertInstanceOf(HandshakeRejection.class, withDeflate.process("GET",
                RequestHeaders.valid().set("Sec-WebSocket-Extensions", "permessage-deflate; a=\"1")));

        assertEquals(400, rejection.status());
        assertEquals("Sec-WebSocket-Extensions: unterminated quoted string at index 22", rejection.reason());
    }

    @Test
    void releasingTheAcceptanceReleasesItsExtensions() {
        ReleaseCountingFactory factory = new ReleaseCountingFactory();
        HandshakeAcceptance accepted = assertInstanceOf(HandshakeAcceptance.class,
                ServerHandshake.builder().extensions(List.of(factory)).build()
                        .process("GET", RequestHeaders.valid().set("Sec-WebSocket-Extensions", "x-counted")));

        accepted.releaseExtensions();

        assertEquals(1, factory.releases);
        assertTrue(factory.created);
    }

    private static HandshakeAcceptance accept(ServerHandshake handshake, String... offers) {
        return assertInstanceOf(HandshakeAcceptance.class,
                handshake.process("GET", RequestHeaders.valid().set("Sec-WebSocket-Extensions", offers)));
    }

    /** Accepts every offer of {@code x-counted} and counts releases of what it created. */
    private static final class ReleaseCountingFactory implements dev.tideway.websocket.protocol.extension.ExtensionFactory {
        int releases;
        boolean created;

        @Override
        public String name() {
            return "x-counted";
        }

        @Override
        public List<ExtensionOffer> clientOffers() {
            return List.of(ExtensionOffer.of(name()));
        }

        @Override
        public Extension acceptOffer(ExtensionOffer offer) {
            created = true;
            return new Extension() {
                @Override
                public ExtensionOffer negotiated() {
                    return offer;
                }

                @Override
                public int rsvBits() {
                    return FrameHeader.RSV2;
                }

                @Override
                public void decode(int messageRsv, java.nio.ByteBuffer chunk, boolean messageEnd,
                                   dev.tideway.websocket.protocol.extension.PayloadSink next) {
                    throw new UnsupportedOperationException();
                }

                @Override
                public void encode(dev.tideway.websocket.protocol.extension.OutboundPayload fragment,
                                   boolean messageStart, boolean messageEnd) {
                    throw new UnsupportedOperationException();
                }

                @Override
                public void release() {
                    releases++;
                }
            };
        }

        @Override
        public Extension acceptResponse(ExtensionOffer response) {
            throw new UnsupportedOperationException();
        }
    }
}
