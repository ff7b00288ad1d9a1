package dev.tideway.websocket.protocol;

import static dev.tideway.websocket.protocol.EngineTranscript.binary;
import static dev.tideway.websocket.protocol.EngineTranscript.close;
import static dev.tideway.websocket.protocol.EngineTranscript.pong;
import static dev.tideway.websocket.protocol.EngineTranscript.text;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tideway.websocket.protocol.EngineTranscript.Sent;
import dev.tideway.websocket.protocol.extension.Extension;
import dev.tideway.websocket.protocol.extension.ExtensionNegotiation;
import dev.tideway.websocket.protocol.extension.ExtensionNegotiationException;
import dev.tideway.websocket.protocol.extension.ExtensionOffer;
import dev.tideway.websocket.protocol.extension.ExtensionOffer.Parameter;
import dev.tideway.websocket.protocol.extension.PerMessageDeflateConfig;
import dev.tideway.websocket.protocol.extension.PerMessageDeflateFactory;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Autobahn TestSuite sections 12 and 13, permessage-deflate (RFC 7692), over byte streams.
 *
 * <p>Each case first negotiates as the Autobahn peer would: as a client, with the offers of the case's
 * parameter set; as a server, accepting the engine's own offer the way the case's {@code accept} function
 * does. Then the peer sends messages of the case's size, compressed (its own {@link Deflater}, not the
 * engine's code) and cut into frames of the case's auto-fragment size, and checks every echo: the same
 * bytes, RSV1 on the first frame only, frames no larger than the engine's frame size, and decodable with a
 * fresh inflater per message whenever the engine promised {@code *_no_context_takeover}, which proves it
 * kept the promise. Where negotiation declines (java.util.zip's {@code Deflater} only compresses with a
 * 15-bit window), the same messages go uncompressed.
 *
 * <p>Autobahn sends 1000 messages per case and uses files it ships; here a case sends up to 32 KiB in 1 to
 * 8 messages (several wherever they are small, so that context takeover between messages is exercised),
 * and section 12's five kinds of payload are generated in their spirit (JSON, a bitmap, German prose,
 * HTML, a mostly incompressible PDF). Section 13 runs the engine as a client twice: with the default
 * configuration, and configured for no context takeover both ways, which lets more of Autobahn's server
 * answers through.
 */
@DisplayName("Autobahn 12 and 13 - permessage-deflate")
class Conformance12And13CompressionTest {
    private static final int RSV1 = FrameHeader.RSV1;
    private static final String CLIENT_NCT = "client_no_context_takeover";
    private static final String SERVER_NCT = "server_no_context_takeover";
    private static final String CLIENT_MWB = "client_max_window_bits";
    private static final String SERVER_MWB = "server_max_window_bits";

    /**
     * Autobahn's message sizes as (payload size, auto-fragment size or 0) for cases x.y.1 to x.y.18, and a
     * 19th of 256 KiB beyond Autobahn's list.
     */
    private static final int[][] MESSAGE_SIZES = {
        {16, 0}, {64, 0}, {256, 0}, {1024, 0}, {4096, 0}, {8192, 0}, {16384, 0}, {32768, 0}, {65536, 0},
        {131072, 0}, {8192, 256}, {16384, 256}, {32768, 256}, {65536, 256}, {131072, 256}, {131072, 1024},
        {131072, 4096}, {131072, 32768}, {262144, 0}};

    // ---------------------------------------------------------------- negotiation as Autobahn does it

    /** One permessage-deflate offer of Autobahn's client, or one way its server accepts an offer. */
    private record Deflate(boolean noContextTakeover, int maxWindowBits) {
    }

    /**
     * Section 13's parameter sets: the offers Autobahn's client sends (which the engine as a server
     * answers), and the order in which Autobahn's server tries to accept an offer (which the engine as a
     * client made), each as (request no context takeover, request max window bits).
     */
    enum Params {
        P1(List.of(new Deflate(false, 0)), List.of(new Deflate(false, 0))),
        P2(List.of(new Deflate(true, 0)), List.of(new Deflate(true, 0))),
        P3(List.of(new Deflate(false, 9)), List.of(new Deflate(false, 9))),
        P4(List.of(new Deflate(false, 15)), List.of(new Deflate(false, 15))),
        P5(List.of(new Deflate(true, 9)), List.of(new Deflate(true, 9))),
        P6(List.of(new Deflate(true, 15)), List.of(new Deflate(true, 15))),
        P7(List.of(new Deflate(true, 9), new Deflate(true, 0), new Deflate(false, 0)),
                List.of(new Deflate(true, 9), new Deflate(true, 0), new Deflate(false, 0)));

        final List<Deflate> clientOffers;
        final List<Deflate> serverAccepts;

        Params(List<Deflate> clientOffers, List<Deflate> serverAccepts) {
            this.clientOffers = clientOffers;
            this.serverAccepts = serverAccepts;
        }

        int number() {
            return ordinal() + 1;
        }

        /** The offers as Autobahn writes them: it always allows both client parameters. */
        List<ExtensionOffer> offers() {
            return clientOffers.stream().map(o -> {
                List<Parameter> parameters = new ArrayList<>(List.of(new Parameter(CLIENT_NCT, null),
                        new Parameter(CLIENT_MWB, null)));
                if (o.noContextTakeover()) {
                    parameters.add(new Parameter(SERVER_NCT, null));
                }
                if (o.maxWindowBits() != 0) {
                    parameters.add(new Parameter(SERVER_MWB, Integer.toString(o.maxWindowBits())));
                }
                return new ExtensionOffer(PerMessageDeflateFactory.NAME, parameters);
            }).toList();
        }

        /**
         * Autobahn's server: the first acceptance, in order, that some offer allows (a request for client
         * no context takeover needs {@code client_no_context_takeover} offered, one for a client window
         * needs {@code client_max_window_bits} offered). The response repeats what the offer requested.
         */
        ExtensionOffer accept(List<ExtensionOffer> offers) {
            for (Deflate acceptance : serverAccepts) {
                for (ExtensionOffer offer : offers) {
                    boolean allowed = (!acceptance.noContextTakeover() || offer.parameter(CLIENT_NCT) != null)
                            && (acceptance.maxWindowBits() == 0 || offer.parameter(CLIENT_MWB) != null);
                    if (allowed) {
                        return response(offer, acceptance);
                    }
                }
            }
            return null;
        }

        private static ExtensionOffer response(ExtensionOffer offer, Deflate acceptance) {
            List<Parameter> parameters = new ArrayList<>();
            if (offer.parameter(SERVER_NCT) != null) {
                parameters.add(new Parameter(SERVER_NCT, null));
            }
            if (offer.parameter(SERVER_MWB) != null) {
                parameters.add(offer.parameter(SERVER_MWB));
            }
            if (acceptance.noContextTakeover()) {
                parameters.add(new Parameter(CLIENT_NCT, null));
            }
            if (acceptance.maxWindowBits() != 0) {
                parameters.add(new Parameter(CLIENT_MWB, Integer.toString(acceptance.maxWindowBits())));
            }
            return new ExtensionOffer(PerMessageDeflateFactory.NAME, parameters);
        }
    }

    /** The engine's own permessage-deflate settings when it is the client. */
    enum ClientConfig {
        DEFAULT(PerMessageDeflateConfig.DEFAULTS),
        NO_CONTEXT_TAKEOVER(PerMessageDeflateConfig.builder().clientNoContextTakeover(true)
                .serverNoContextTakeover(true).build());

        final PerMessageDeflateConfig config;

        ClientConfig(PerMessageDeflateConfig config) {
            this.config = config;
        }
    }

    /** What was agreed: the engine's extensions (none when declined) and the response that agreed it. */
    private record Agreement(List<Extension> extensions) {
        boolean compressed() {
            return !extensions.isEmpty();
        }

        String response() {
            return compressed() ? extensions.get(0).negotiated().toHeaderValue() : "(declined)";
        }

        boolean has(String parameter) {
            return compressed() && extensions.get(0).negotiated().parameter(parameter) != null;
        }
    }

    private static Agreement negotiate(Role role, Params params, ClientConfig clientConfig) {
        if (role == Role.SERVER) {
            return new Agreement(ExtensionNegotiation.negotiate(params.offers(),
                    List.of(new PerMessageDeflateFactory())));
        }
        PerMessageDeflateFactory factory = new PerMessageDeflateFactory(clientConfig.config);
        ExtensionOffer response = params.accept(factory.clientOffers());
        if (response == null) {
            return new Agreement(List.of());
        }
        try {
            return new Agreement(ExtensionNegotiation.acceptResponse(List.of(response), List.of(factory)));
        } catch (ExtensionNegotiationException e) {
            throw new AssertionError("the client refused an answer to its own offer: " + response, e);
        }
    }

    /** The peer's half of the agreement: its compressor, and a decoder for the engine's messages. */
    private static PeerDeflate peerOf(Role role, Agreement agreement) {
        boolean clientResets = agreement.has(CLIENT_NCT);
        boolean serverResets = agreement.has(SERVER_NCT);
        return role == Role.SERVER ? new PeerDeflate(clientResets, serverResets)
                : new PeerDeflate(serverResets, clientResets);
    }

    private static EngineHarness harness(Role role, Agreement agreement, PeerDeflate peer, ProtocolSettings settings) {
        return EngineHarness.builder(role).settings(settings).extensions(agreement.extensions(), peer::decode).build();
    }

    // ---------------------------------------------------------------- 13.x negotiation

    /** A negotiation row: the parameter set, the engine's side and configuration, and the expected answer. */
    private record Negotiation(Params params, Role role, ClientConfig config, String expected) {
        @Override
        public String toString() {
            String side = role == Role.SERVER ? "Autobahn's offers " + params.offers()
                    : "the client's offer (" + config + ") accepted as Autobahn's server " + params.number() + " does";
            return "13." + params.number() + " " + side + " -> " + expected;
        }
    }

    static Stream<Negotiation> negotiations() {
        String pmd = PerMessageDeflateFactory.NAME;
        String declined = "(declined)";
        return Stream.of(
                // the engine as server, answering Autobahn's client
                new Negotiation(Params.P1, Role.SERVER, null, pmd + "; " + CLIENT_NCT),
                new Negotiation(Params.P2, Role.SERVER, null, pmd + "; " + SERVER_NCT + "; " + CLIENT_NCT),
                // a 9-bit server window cannot be honoured by java.util.zip's Deflater: declined (RFC 7692 §7.1.2.1)
                new Negotiation(Params.P3, Role.SERVER, null, declined),
                new Negotiation(Params.P4, Role.SERVER, null, pmd + "; " + CLIENT_NCT + "; " + SERVER_MWB + "=15"),
                new Negotiation(Params.P5, Role.SERVER, null, declined),
                new Negotiation(Params.P6, Role.SERVER, null,
                        pmd + "; " + SERVER_NCT + "; " + CLIENT_NCT + "; " + SERVER_MWB + "=15"),
                new Negotiation(Params.P7, Role.SERVER, null, pmd + "; " + SERVER_NCT + "; " + CLIENT_NCT),
                // the engine as client; it never offers client_max_window_bits, so Autobahn's 3-6 decline
                new Negotiation(Params.P1, Role.CLIENT, ClientConfig.DEFAULT, pmd),
                new Negotiation(Params.P2, Role.CLIENT, ClientConfig.DEFAULT, declined),
                new Negotiation(Params.P3, Role.CLIENT, ClientConfig.DEFAULT, declined),
                new Negotiation(Params.P4, Role.CLIENT, ClientConfig.DEFAULT, declined),
                new Negotiation(Params.P5, Role.CLIENT, ClientConfig.DEFAULT, declined),
                new Negotiation(Params.P6, Role.CLIENT, ClientConfig.DEFAULT, declined),
                new Negotiation(Params.P7, Role.CLIENT, ClientConfig.DEFAULT, pmd),
                new Negotiation(Params.P1, Role.CLIENT, ClientConfig.NO_CONTEXT_TAKEOVER, pmd + "; " + SERVER_NCT),
                new Negotiation(Params.P2, Role.CLIENT, ClientConfig.NO_CONTEXT_TAKEOVER,
                        pmd + "; " + SERVER_NCT + "; " + CLIENT_NCT),
                new Negotiation(Params.P3, Role.CLIENT, ClientConfig.NO_CONTEXT_TAKEOVER, declined),
                new Negotiation(Params.P4, Role.CLIENT, ClientConfig.NO_CONTEXT_TAKEOVER, declined),
                new Negotiation(Params.P5, Role.CLIENT, ClientConfig.NO_CONTEXT_TAKEOVER, declined),
                new Negotiation(Params.P6, Role.CLIENT, ClientConfig.NO_CONTEXT_TAKEOVER, declined),
                new Negotiation(Params.P7, Role.CLIENT, ClientConfig.NO_CONTEXT_TAKEOVER,
                        pmd + "; " + SERVER_NCT + "; " + CLIENT_NCT));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("negotiations")
    void parametersAreNegotiated(Negotiation c) {
        Agreement agreement = negotiate(c.role(), c.params(), c.config());
        try {
            assertEquals(c.expected(), agreement.response());
        } finally {
            agreement.extensions().forEach(Extension::release);
        }
    }

    @ParameterizedTest(name = "client_max_window_bits={0}")
    @ValueSource(strings = {"9", "15"})
    @DisplayName("13.x a server answer with a client window the client did not offer -> the client refuses it")
    void clientRefusesAClientWindowItDidNotOffer(String window) {
        PerMessageDeflateFactory factory = new PerMessageDeflateFactory();
        ExtensionOffer response = ExtensionOffer.of(PerMessageDeflateFactory.NAME, new Parameter(CLIENT_MWB, window));

        assertThrows(ExtensionNegotiationException.class,
                () -> ExtensionNegotiation.acceptResponse(List.of(response), List.of(factory)));
    }

    // ---------------------------------------------------------------- 12.x and 13.x echoes

    /** Section 12's kinds of payload, generated (deterministically) rather than copied from Autobahn's files. */
    enum DataSet {
        JSON("JSON data, text"),
        BITMAP("bitmap picture, binary"),
        PROSE("German prose, UTF-8 sent as binary"),
        HTML("HTML markup, text"),
        PDF("PDF-like, mostly incompressible, binary");

        final String description;

        DataSet(String description) {
            this.description = description;
        }

        boolean text() {
            return this == JSON || this == HTML;
        }

        int number() {
            return ordinal() + 1;
        }
    }

    /** One echo case: where it comes from, the payloads, the agreement's inputs and the sizes. */
    private record EchoCase(String number, DataSet data, Params params, ClientConfig config, int size,
                            int fragmentSize) {
        @Override
        public String toString() {
            String fragments = fragmentSize > 0 ? ", frames of " + fragmentSize : "";
            String offer = number.startsWith("12") ? data.description
                    : "parameters " + params.number() + (config == null ? "" : ", client " + config);
            return number + " " + offer + ": messages of " + size + " bytes" + fragments + " are echoed";
        }
    }

    static Stream<Arguments> section12() {
        List<Arguments> rows = new ArrayList<>();
        for (DataSet data : DataSet.values()) {
            for (int i = 0; i < MESSAGE_SIZES.length; i++) {
                String number = "12." + data.number() + "." + (i + 1);
                for (Role role : Role.values()) {
                    ClientConfig config = role == Role.CLIENT ? ClientConfig.DEFAULT : null;
                    rows.add(Arguments.of(new EchoCase(number, data, Params.P1, config, MESSAGE_SIZES[i][0],
                            MESSAGE_SIZES[i][1]), role));
                }
            }
        }
        return rows.stream();
    }

    static Stream<Arguments> section13() {
        List<Arguments> rows = new ArrayList<>();
        for (Params params : Params.values()) {
            for (int i = 0; i < MESSAGE_SIZES.length; i++) {
                String number = "13." + params.number() + "." + (i + 1);
                int size = MESSAGE_SIZES[i][0];
                int fragmentSize = MESSAGE_SIZES[i][1];
                rows.add(Arguments.of(new EchoCase(number, DataSet.JSON, params, null, size, fragmentSize),
                        Role.SERVER));
                for (ClientConfig config : ClientConfig.values()) {
                    rows.add(Arguments.of(new EchoCase(number, DataSet.JSON, params, config, size, fragmentSize),
                            Role.CLIENT));
                }
            }
        }
        return rows.stream();
    }

    @ParameterizedTest(name = "{0} ({1})")
    @MethodSource({"section12", "section13"})
    void compressedMessagesAreEchoed(EchoCase c, Role role) {
        Agreement agreement = negotiate(role, c.params(), c.config());
        PeerDeflate peer = peerOf(role, agreement);
        ProtocolSettings.Builder settings = ProtocolSettings.builder();
        if (c.fragmentSize() > 0) {
            settings.outboundFrameSize(c.fragmentSize()); // the engine fragments its echoes alike
        }
        EngineHarness h = harness(role, agreement, peer, settings.build());
        int opcode = c.data().text() ? OpCode.TEXT : OpCode.BINARY;
        int frameSize = c.fragmentSize() > 0 ? c.fragmentSize() : ProtocolSettings.DEFAULTS.outboundFrameSize();

        int count = Math.max(1, Math.min(8, 32 * 1024 / c.size()));
        for (int i = 0; i < count; i++) {
            byte[] message = slice(DATA.get(c.data()), i * c.size(), c.size());
            h.feed(peerMessage(h.peer(), agreement, peer, opcode, message, c.fragmentSize()));

            List<Sent> echoes = h.takeSent();
            assertEquals(1, echoes.size(), "one echo per message");
            Sent echo = echoes.get(0);
            assertEquals(opcode, echo.opcode());
            assertArrayEquals(message, echo.payload(), "echo of message " + i);
            assertEquals(agreement.compressed() ? RSV1 : 0, echo.rsv(), "RSV1 exactly on compressed echoes");
            for (int j = 0; j < echo.frameSizes().size() - 1; j++) {
                assertEquals(frameSize, echo.frameSizes().get(j), "every frame but the last is full");
            }
        }
        h.closeByPeer();
        peer.end();
    }

    // ---------------------------------------------------------------- rules around RSV1

    @ParameterizedTest(name = "{0}")
    @EnumSource(Role.class)
    @DisplayName("12.x uncompressed messages (RSV1 clear) are still accepted, and echoed compressed")
    void uncompressedMessagesAreAccepted(Role role) {
        Agreement agreement = negotiate(role, Params.P1, ClientConfig.DEFAULT);
        PeerDeflate peer = peerOf(role, agreement);
        EngineHarness h = harness(role, agreement, peer, ProtocolSettings.DEFAULTS);
        byte[] text = DATA.get(DataSet.JSON);

        h.feed(h.peer().frame(true, 0, OpCode.TEXT, slice(text, 0, 300))
                .frame(true, 0, OpCode.BINARY, slice(text, 300, 300)));
        h.feed(peerMessage(h.peer(), agreement, peer, OpCode.TEXT, slice(text, 600, 300), 0));

        List<Sent> echoes = h.sent();
        assertEquals(3, echoes.size());
        for (int i = 0; i < 3; i++) {
            assertArrayEquals(slice(text, 300 * i, 300), echoes.get(i).payload());
            assertEquals(RSV1, echoes.get(i).rsv());
        }
        h.closeByPeer();
        peer.end();
    }

    /** A frame with RSV bits where permessage-deflate does not allow them. */
    private record BadRsv(String name, int rsv, int opcode, boolean afterCompressedStart) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Arguments> badRsv() {
        return EngineHarness.inBothRoles(List.of(
                new BadRsv("12.x RSV1 on a continuation frame -> 1002", RSV1, OpCode.CONTINUATION, true),
                new BadRsv("12.x RSV1 on a ping -> 1002", RSV1, OpCode.PING, false),
                new BadRsv("12.x RSV1 on a close -> 1002", RSV1, OpCode.CLOSE, false),
                new BadRsv("12.x RSV2 on a text frame (only RSV1 is negotiated) -> 1002", FrameHeader.RSV2,
                        OpCode.TEXT, false),
                new BadRsv("12.x RSV3 on a binary frame (only RSV1 is negotiated) -> 1002", FrameHeader.RSV3,
                        OpCode.BINARY, false)));
    }

    @ParameterizedTest(name = "{0} ({1})")
    @MethodSource("badRsv")
    void rsvWhereNotAllowedFails(BadRsv c, Role role) {
        Agreement agreement = negotiate(role, Params.P1, ClientConfig.DEFAULT);
        PeerDeflate peer = peerOf(role, agreement);
        EngineHarness h = harness(role, agreement, peer, ProtocolSettings.DEFAULTS);
        byte[] compressed = peer.compress(TestFrames.utf8("Hello, Hello, Hello, world!"));
        TestFrames session = h.peer();
        if (c.afterCompressedStart()) {
            session.frame(false, RSV1, OpCode.TEXT, Arrays.copyOf(compressed, 5));
            session.frame(true, c.rsv(), c.opcode(), Arrays.copyOfRange(compressed, 5, compressed.length));
        } else {
            session.frame(true, c.rsv(), c.opcode(), c.opcode() == OpCode.CLOSE ? new byte[] {0x03, (byte) 0xE8}
                    : compressed);
        }

        h.feed(session);

        h.assertSent(close(CloseCodes.PROTOCOL_ERROR));
        h.assertFailed(CloseCodes.PROTOCOL_ERROR);
        peer.end();
    }

    // ---------------------------------------------------------------- edges of compressed data

    @ParameterizedTest(name = "{0}")
    @EnumSource(Role.class)
    @DisplayName("12.x compressed data that does not inflate -> 1007")
    void corruptDataFails(Role role) {
        Agreement agreement = negotiate(role, Params.P1, ClientConfig.DEFAULT);
        PeerDeflate peer = peerOf(role, agreement);
        EngineHarness h = harness(role, agreement, peer, ProtocolSettings.DEFAULTS);

        // BTYPE 11 is reserved in DEFLATE (RFC 1951 §3.2.3): no inflater accepts it
        h.feed(h.peer().frame(true, RSV1, OpCode.BINARY, new byte[] {0x07, 0x00, 0x00}));

        h.assertSent(close(CloseCodes.INVALID_PAYLOAD_DATA));
        h.assertFailed(CloseCodes.INVALID_PAYLOAD_DATA);
        peer.end();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Role.class)
    @DisplayName("12.x a small compressed message inflating past the message limit (a bomb) -> 1009")
    void compressionBombFails(Role role) {
        Agreement agreement = negotiate(role, Params.P1, ClientConfig.DEFAULT);
        PeerDeflate peer = peerOf(role, agreement);
        ProtocolSettings limited = ProtocolSettings.builder().maxBinaryMessageSize(64 * 1024).build();
        EngineHarness h = harness(role, agreement, peer, limited);
        byte[] bomb = peer.compress(new byte[4 * 1024 * 1024]);
        assertTrue(bomb.length < 32 * 1024, "4 MiB of zeros compress to " + bomb.length + " bytes");

        h.feed(h.peer().frame(true, RSV1, OpCode.BINARY, bomb));

        h.assertSent(close(CloseCodes.MESSAGE_TOO_BIG));
        h.assertFailed(CloseCodes.MESSAGE_TOO_BIG);
        assertEquals(List.of(), h.listener().messages);
        peer.end();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Role.class)
    @DisplayName("12.x empty compressed messages (0x00, and no byte at all) are echoed empty")
    void emptyCompressedMessages(Role role) {
        Agreement agreement = negotiate(role, Params.P1, ClientConfig.DEFAULT);
        PeerDeflate peer = peerOf(role, agreement);
        EngineHarness h = harness(role, agreement, peer, ProtocolSettings.DEFAULTS);
        byte[] hello = TestFrames.utf8("Hello");

        h.feed(peerMessage(h.peer(), agreement, peer, OpCode.TEXT, new byte[0], 0)); // 0x00 (RFC 7692 §7.2.3.6)
        h.feed(h.peer().frame(true, RSV1, OpCode.BINARY, new byte[0]));
        h.feed(peerMessage(h.peer(), agreement, peer, OpCode.TEXT, hello, 0)); // the stream is still intact

        h.assertSent(text(""), binary(new byte[0]), text(hello));
        h.closeByPeer();
        peer.end();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Role.class)
    @DisplayName("12.x ping between the frames of a compressed message -> pong, then the echo")
    void pingBetweenCompressedFragments(Role role) {
        Agreement agreement = negotiate(role, Params.P1, ClientConfig.DEFAULT);
        PeerDeflate peer = peerOf(role, agreement);
        EngineHarness h = harness(role, agreement, peer, ProtocolSettings.DEFAULTS);
        byte[] message = slice(DATA.get(DataSet.HTML), 0, 2000);
        byte[] compressed = peer.compress(message);
        int half = compressed.length / 2;

        h.feed(h.peer().frame(false, RSV1, OpCode.TEXT, Arrays.copyOf(compressed, half))
                .ping(TestFrames.utf8("ping payload"))
                .frame(true, 0, OpCode.CONTINUATION, Arrays.copyOfRange(compressed, half, compressed.length)));

        h.assertSent(pong("ping payload"), text(message));
        h.closeByPeer();
        peer.end();
    }

    /** Which side promised to forget its context, so that its echo of a repeated message cannot shrink. */
    private record Takeover(String name, Role role, Params params, ClientConfig config, boolean engineResets) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Takeover> contextTakeover() {
        return Stream.of(
                new Takeover("13.1 server keeps its context: the repeated message's echo shrinks", Role.SERVER,
                        Params.P1, null, false),
                new Takeover("13.2 server_no_context_takeover: each echo stands alone", Role.SERVER, Params.P2,
                        null, true),
                new Takeover("13.1 client keeps its context: the repeated message's echo shrinks", Role.CLIENT,
                        Params.P1, ClientConfig.DEFAULT, false),
                new Takeover("13.2 client_no_context_takeover: each echo stands alone", Role.CLIENT, Params.P2,
                        ClientConfig.NO_CONTEXT_TAKEOVER, true));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("contextTakeover")
    void contextTakeoverIsHonoured(Takeover c) {
        Agreement agreement = negotiate(c.role(), c.params(), c.config());
        PeerDeflate peer = peerOf(c.role(), agreement);
        EngineHarness h = harness(c.role(), agreement, peer, ProtocolSettings.DEFAULTS);
        byte[] message = slice(DATA.get(DataSet.PDF), 0, 4000); // incompressible alone, but not a second time

        h.feed(peerMessage(h.peer(), agreement, peer, OpCode.BINARY, message, 0));
        h.feed(peerMessage(h.peer(), agreement, peer, OpCode.BINARY, message, 0));

        List<Sent> echoes = h.sent();
        assertArrayEquals(message, echoes.get(1).payload()); // decoded with a fresh inflater when promised
        long first = echoes.get(0).wireLength();
        long second = echoes.get(1).wireLength();
        if (c.engineResets()) {
            assertEquals(first, second, "without context, the same message compresses the same");
        } else {
            assertTrue(second < first / 10, "with context, the repeat refers back: " + first + " then " + second);
        }
        h.closeByPeer();
        peer.end();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Role.class)
    @DisplayName("12.x a compressed session cut into reads at random points gives the same echoes")
    void randomSplitsOfACompressedSession(Role role) {
        Agreement builder = negotiate(role, Params.P1, ClientConfig.DEFAULT);
        PeerDeflate compressor = peerOf(role, builder);
        byte[] json = DATA.get(DataSet.JSON);
        TestFrames session = EngineHarness.echo(role).peer();
        for (int i = 0; i < 4; i++) { // context taken over from message to message
            peerMessage(session, builder, compressor, OpCode.TEXT, slice(json, 500L * i, 3000), i % 2 == 0 ? 0 : 700);
        }
        byte[] fragmented = compressor.compress(slice(json, 9000, 5000));
        session.frame(false, RSV1, OpCode.TEXT, Arrays.copyOf(fragmented, 100)).ping(TestFrames.utf8("p"))
                .frame(true, 0, OpCode.CONTINUATION, Arrays.copyOfRange(fragmented, 100, fragmented.length))
                .binary(slice(DATA.get(DataSet.PDF), 0, 2000))
                .close(CloseCodes.NORMAL_CLOSURE, "");
        byte[] wire = session.bytes();
        builder.extensions().forEach(Extension::release);
        compressor.end();

        List<String> expected = null;
        for (int seed = 0; seed <= 10; seed++) {
            Agreement agreement = negotiate(role, Params.P1, ClientConfig.DEFAULT);
            PeerDeflate peer = peerOf(role, agreement);
            EngineHarness h = harness(role, agreement, peer, ProtocolSettings.DEFAULTS);
            if (seed == 0) {
                h.feed(wire);
                expected = h.described();
                assertEquals(8, expected.size(), "4 echoes, a pong, 2 echoes and the close: " + expected);
            } else {
                h.feedSplitAt(wire, EngineHarness.randomSplits(wire.length, new Random(seed), 40));
                assertEquals(expected, h.described(), "seed " + seed);
            }
            h.assertPeerCloseAnswered(CloseCodes.NORMAL_CLOSURE);
            peer.end();
        }
    }

    // ---------------------------------------------------------------- the peer's side

    /** One message as the peer sends it: compressed when agreed, in frames of {@code fragmentSize} (or one). */
    private static TestFrames peerMessage(TestFrames frames, Agreement agreement, PeerDeflate peer, int opcode,
                                          byte[] message, int fragmentSize) {
        byte[] wire = agreement.compressed() ? peer.compress(message) : message;
        int rsv = agreement.compressed() ? RSV1 : 0;
        return frames.fragmented(opcode, rsv, wire, fragmentSize > 0 ? fragmentSize : Math.max(1, wire.length));
    }

    /**
     * The peer's permessage-deflate, written with java.util.zip directly (RFC 7692 §7.2.1 and §7.2.2), not
     * with the engine's classes. Its decoder keeps no window between messages when the engine promised
     * not to refer to earlier ones, so a broken promise shows as a failed or wrong inflation.
     */
    private static final class PeerDeflate {
        private static final byte[] TAIL = {0x00, 0x00, (byte) 0xFF, (byte) 0xFF};

        private final Deflater deflater = new Deflater(Deflater.BEST_SPEED, true);
        private final Inflater inflater = new Inflater(true);
        private final boolean resetCompressor;
        private final boolean resetDecompressor;
        private final byte[] buffer = new byte[16 * 1024];

        PeerDeflate(boolean resetCompressor, boolean resetDecompressor) {
            this.resetCompressor = resetCompressor;
            this.resetDecompressor = resetDecompressor;
        }

        byte[] compress(byte[] message) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            deflater.setInput(message);
            int n;
            do {
                n = deflater.deflate(buffer, 0, buffer.length, Deflater.SYNC_FLUSH);
                out.write(buffer, 0, n);
            } while (n == buffer.length);
            if (resetCompressor) {
                deflater.reset();
            }
            byte[] flushed = out.toByteArray();
            assertArrayEquals(TAIL, Arrays.copyOfRange(flushed, flushed.length - 4, flushed.length));
            return Arrays.copyOf(flushed, flushed.length - 4);
        }

        /** The harness's decoder for what the engine sends. */
        byte[] decode(int rsv, byte[] payload) {
            if (rsv == 0) {
                return payload;
            }
            assertEquals(RSV1, rsv, "only RSV1 is negotiated");
            try {
                return inflate(payload);
            } catch (DataFormatException e) {
                throw new AssertionError("the engine's compressed message does not inflate"
                        + (resetDecompressor ? " on its own (no context takeover was promised)" : ""), e);
            }
        }

        private byte[] inflate(byte[] payload) throws DataFormatException {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] input = Arrays.copyOf(payload, payload.length + TAIL.length);
            System.arraycopy(TAIL, 0, input, payload.length, TAIL.length);
            inflater.setInput(input);
            while (true) {
                int n = inflater.inflate(buffer);
                out.write(buffer, 0, n);
                if (inflater.finished()) {
                    throw new DataFormatException("the engine ended its DEFLATE stream (BFINAL)");
                }
                if (n == 0) {
                    if (inflater.needsInput()) {
                        break;
                    }
                    throw new DataFormatException("the inflater stalled");
                }
            }
            if (resetDecompressor) {
                inflater.reset();
            }
            return out.toByteArray();
        }

        void end() {
            deflater.end();
            inflater.end();
        }
    }

    // ---------------------------------------------------------------- payload data

    private static final int DATA_SIZE = 320 * 1024;

    /** {@code length} bytes from {@code data} at {@code offset}, wrapping around, as Autobahn takes its messages. */
    private static byte[] slice(byte[] data, long offset, int length) {
        byte[] out = new byte[length];
        for (int i = 0; i < length; i++) {
            out[i] = data[(int) ((offset + i) % data.length)];
        }
        return out;
    }

    private static Map<DataSet, byte[]> generateData() {
        Map<DataSet, byte[]> data = new EnumMap<>(DataSet.class);
        for (DataSet set : DataSet.values()) {
            Random random = new Random(set.ordinal() + 1);
            data.put(set, switch (set) {
                case JSON -> json(random);
                case BITMAP -> bitmap(random);
                case PROSE -> prose(random);
                case HTML -> html(random);
                case PDF -> pdf(random);
            });
        }
        return data;
    }

    private static final String[] WORDS = {"alpha", "beta", "gamma", "delta", "sensor", "region", "status", "value",
        "north", "south", "active", "pending"};
    private static final String[] GERMAN = {"Habe", "nun", "ach", "Philosophie", "Juristerei", "und", "Medizin",
        "leider", "auch", "Theologie", "durchaus", "studiert", "mit", "heißem", "Bemühn", "da", "steh", "ich",
        "armer", "Tor", "bin", "so", "klug", "als", "wie", "zuvor", "Größe", "über", "Mädchen", "Straße",
        "Fräulein"};
    /** Generated once, after the word lists above (static initialisation runs in text order). */
    private static final Map<DataSet, byte[]> DATA = generateData();

    private static byte[] json(Random random) {
        StringBuilder s = new StringBuilder("[");
        while (s.length() < DATA_SIZE) {
            s.append("{\"id\":").append(random.nextInt(1_000_000)).append(",\"name\":\"")
                    .append(WORDS[random.nextInt(WORDS.length)]).append('-').append(random.nextInt(5000))
                    .append("\",\"active\":").append(random.nextBoolean()).append(",\"score\":")
                    .append(random.nextInt(100_000) / 100.0).append(",\"tags\":[\"")
                    .append(WORDS[random.nextInt(WORDS.length)]).append("\",\"")
                    .append(WORDS[random.nextInt(WORDS.length)]).append("\"]},\n");
        }
        return s.append("{}]").toString().getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] html(Random random) {
        StringBuilder s = new StringBuilder("<!DOCTYPE html>\n<html><body>\n");
        while (s.length() < DATA_SIZE) {
            int id = random.nextInt(10_000);
            s.append("<div class=\"row ").append(WORDS[random.nextInt(WORDS.length)]).append("\"><span id=\"n")
                    .append(id).append("\">").append(WORDS[random.nextInt(WORDS.length)]).append(' ')
                    .append(random.nextInt(1000)).append("</span> <a href=\"/page/").append(id).append("\">")
                    .append(WORDS[random.nextInt(WORDS.length)]).append("</a></div>\n");
        }
        return s.append("</body></html>\n").toString().getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] prose(Random random) {
        StringBuilder s = new StringBuilder();
        while (s.length() < DATA_SIZE) {
            s.append(GERMAN[random.nextInt(GERMAN.length)]).append(random.nextInt(12) == 0 ? ",\n" : " ");
        }
        return s.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** 8-bit grey pixels: smooth gradients with a little noise, as a photograph has. */
    private static byte[] bitmap(Random random) {
        byte[] pixels = new byte[DATA_SIZE];
        for (int i = 0; i < pixels.length; i++) {
            int x = i % 512;
            int y = i / 512;
            pixels[i] = (byte) ((x + y) / 4 + 40 * Math.sin(x / 37.0) + random.nextInt(8));
        }
        return pixels;
    }

    /** Compressed streams (random bytes) between short textual object headers. */
    private static byte[] pdf(Random random) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes("%PDF-1.4\n".getBytes(StandardCharsets.US_ASCII));
        for (int object = 1; out.size() < DATA_SIZE; object++) {
            out.writeBytes((object + " 0 obj\n<< /Length 4096 /Filter /FlateDecode >>\nstream\n")
                    .getBytes(StandardCharsets.US_ASCII));
            byte[] stream = new byte[4096];
            random.nextBytes(stream);
            out.writeBytes(stream);
            out.writeBytes("\nendstream\nendobj\n".getBytes(StandardCharsets.US_ASCII));
        }
        return out.toByteArray();
    }
}
