package dev.tideway.websocket.protocol.extension;

import static dev.tideway.websocket.protocol.extension.DeflateTestSupport.element;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tideway.websocket.protocol.FrameHeader;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExtensionNegotiationTest {
    private final FakeExtensionFactory alpha = new FakeExtensionFactory("x-alpha", FrameHeader.RSV2, true);
    private final FakeExtensionFactory beta = new FakeExtensionFactory("x-beta", FrameHeader.RSV3, true);
    private final FakeExtensionFactory onRsv1 = new FakeExtensionFactory("x-rsv1", FrameHeader.RSV1, true);
    private final FakeExtensionFactory declining = new FakeExtensionFactory("x-declining", FrameHeader.RSV2, false);
    private final PerMessageDeflateFactory deflate = new PerMessageDeflateFactory();

    // --- server

    @Test
    void acceptedExtensionsFollowTheClientsOrderNotTheServers() {
        List<Extension> accepted = ExtensionNegotiation.negotiate(
                List.of(element("x-beta"), element("permessage-deflate"), element("x-alpha")),
                List.of(alpha, deflate, beta));

        assertEquals(List.of("x-beta", "permessage-deflate", "x-alpha"), names(accepted));
    }

    @Test
    void offersWithoutAFactoryAreIgnored() {
        List<Extension> accepted = ExtensionNegotiation.negotiate(
                List.of(element("x-unknown; a=1"), element("x-alpha")), List.of(alpha));

        assertEquals(List.of("x-alpha"), names(accepted));
    }

    @Test
    void extensionNamesMatchIgnoringCase() {
        List<Extension> accepted = ExtensionNegotiation.negotiate(
                List.of(element("Permessage-Deflate")), List.of(deflate));

        assertEquals(List.of("permessage-deflate"), names(accepted));
    }

    @Test
    void laterOffersOfAnAcceptedExtensionAreNotConsidered() {
        List<Extension> accepted = ExtensionNegotiation.negotiate(
                List.of(element("x-alpha; first"), element("x-alpha; second")), List.of(alpha));

        assertEquals(List.of("x-alpha; first"), accepted.stream().map(e -> e.negotiated().toHeaderValue()).toList());
        assertEquals(1, alpha.created.size());
    }

    @Test
    void declinedOffersLeaveNothingBehind() {
        List<Extension> accepted = ExtensionNegotiation.negotiate(
                List.of(element("x-declining"), element("x-beta")), List.of(declining, beta));

        assertEquals(List.of("x-beta"), names(accepted));
    }

    @Test
    void extensionOnAnRsvBitAlreadyTakenByAnEarlierOfferIsDropped() {
        List<Extension> accepted = ExtensionNegotiation.negotiate(
                List.of(element("x-rsv1"), element("permessage-deflate"), element("x-beta")),
                List.of(deflate, onRsv1, beta));

        assertEquals(List.of("x-rsv1", "x-beta"), names(accepted));
    }

    @Test
    void droppedExtensionIsReleased() {
        FakeExtensionFactory alsoRsv2 = new FakeExtensionFactory("x-also-rsv2", FrameHeader.RSV2, true);

        List<Extension> accepted = ExtensionNegotiation.negotiate(
                List.of(element("x-alpha"), element("x-also-rsv2")), List.of(alpha, alsoRsv2));

        assertEquals(List.of("x-alpha"), names(accepted));
        assertTrue(alsoRsv2.created.get(0).released);
    }

    @Test
    void noOffersNoExtensions() {
        assertEquals(List.of(), ExtensionNegotiation.negotiate(List.of(), List.of(deflate)));
    }

    // --- client

    @Test
    void responseInTheServersOrderIsAccepted() throws Exception {
        List<Extension> accepted = ExtensionNegotiation.acceptResponse(
                List.of(element("x-beta"), element("permessage-deflate; server_no_context_takeover")),
                List.of(deflate, beta));

        assertEquals(List.of("x-beta", "permessage-deflate"), names(accepted));
        assertEquals(FrameHeader.RSV1 | FrameHeader.RSV3, ExtensionNegotiation.rsvBits(accepted));
    }

    @Test
    void emptyResponseMeansNoExtensions() throws Exception {
        assertEquals(List.of(), ExtensionNegotiation.acceptResponse(List.of(), List.of(deflate)));
    }

    @Test
    void extensionThatWasNotOfferedFails() {
        assertFailure("The server accepted extension 'x-beta', which was not offered",
                List.of(element("x-alpha"), element("x-beta")), List.of(alpha));
        assertTrue(alpha.created.get(0).released);
    }

    @Test
    void extensionAcceptedTwiceFails() {
        assertFailure("The server accepted extension 'X-Alpha' more than once",
                List.of(element("x-alpha"), element("X-Alpha")), List.of(alpha));
        assertTrue(alpha.created.get(0).released);
    }

    @Test
    void extensionsSharingAnRsvBitFail() {
        assertFailure("Extension 'permessage-deflate' uses an RSV bit already used by an earlier extension",
                List.of(element("x-rsv1"), element("permessage-deflate")), List.of(onRsv1, deflate));
        assertTrue(onRsv1.created.get(0).released);
    }

    @Test
    void responseItsFactoryRejectsFailsAndReleasesTheOthers() {
        assertFailure("fake x-declining rejects x-declining",
                List.of(element("x-beta"), element("x-declining")), List.of(beta, declining));
        assertTrue(beta.created.get(0).released);
    }

    @Test
    void invalidPermessageDeflateResponseFails() {
        assertFailure("Invalid permessage-deflate 'permessage-deflate; mux': unknown parameter 'mux'",
                List.of(element("permessage-deflate; mux")), List.of(deflate));
    }

    // --- rsv bits

    @Test
    void rsvBitsCombineTheExtensionsBits() {
        List<Extension> accepted = ExtensionNegotiation.negotiate(
                List.of(element("permessage-deflate"), element("x-alpha"), element("x-beta")),
                List.of(deflate, alpha, beta));

        assertEquals(FrameHeader.RSV1 | FrameHeader.RSV2 | FrameHeader.RSV3, ExtensionNegotiation.rsvBits(accepted));
        assertEquals(0, ExtensionNegotiation.rsvBits(List.of()));
    }

    private static void assertFailure(String message, List<ExtensionOffer> response, List<ExtensionFactory> offered) {
        ExtensionNegotiationException e = assertThrows(ExtensionNegotiationException.class,
                () -> ExtensionNegotiation.acceptResponse(response, offered));
        assertEquals(message, e.getMessage());
    }

    private static List<String> names(List<Extension> extensions) {
        return extensions.stream().map(e -> e.negotiated().name()).toList();
    }
}
