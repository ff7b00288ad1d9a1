package dev.tideway.websocket.protocol;

import static dev.tideway.websocket.protocol.EngineHarness.close;
import static dev.tideway.websocket.protocol.EngineHarness.text;
import static dev.tideway.websocket.protocol.TestFrames.hex;
import static dev.tideway.websocket.protocol.TestFrames.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tideway.websocket.protocol.EngineHarness.Delivery;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Autobahn TestSuite section 6, UTF-8 handling: valid text is echoed exactly however it is fragmented
 * (also between the bytes of one code point); invalid text fails the connection with 1007, as soon as the
 * offending byte arrives (fail fast), before the rest of the message; and the cases 6.5 to 6.23, built from
 * Markus Kuhn's UTF-8 decoder stress test in Autobahn's order and numbering.
 */
@DisplayName("Autobahn 6 - UTF-8 handling")
class Conformance6Utf8Test {
    private static final int TEXT = OpCode.TEXT;
    private static final int CONT = OpCode.CONTINUATION;
    private static final String MIXED = "Hello-µ@ßöäüàá-UTF-8!!";
    /** κόσμε, "cosmos", the stress test's first line: 11 bytes in 2- and 3-byte sequences. */
    private static final byte[] KOSME = hex("CE BA E1 BD B9 CF 83 CE BC CE B5");
    /** κόσμε, then a UTF-16 surrogate (invalid at its second byte, A0, index 12), then "edited". */
    private static final byte[] KOSME_SURROGATE_EDITED = concat(KOSME, hex("ED A0 80"), utf8("edited"));
    /** κόσμε, then U+110000 in the 4-byte pattern (invalid at its second byte, 90, index 12), then "edited". */
    private static final byte[] KOSME_BEYOND_MAX_EDITED = concat(KOSME, hex("F4 90 80 80"), utf8("edited"));

    // ---------------------------------------------------------------- 6.1 empty payloads

    @ParameterizedTest(name = "{0}")
    @EnumSource(Role.class)
    @DisplayName("6.1.1 empty text message is echoed")
    void emptyText(Role role) {
        EngineHarness h = EngineHarness.echo(role);

        h.feed(h.peer().text(""));

        h.assertSent(text(""));
        h.closeByPeer();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Role.class)
    @DisplayName("6.1.2 text message in 3 empty fragments is echoed as an empty message")
    void threeEmptyFragments(Role role) {
        EngineHarness h = EngineHarness.echo(role);

        h.feed(h.peer().frame(false, TEXT, "").frame(false, CONT, "").frame(true, CONT, ""));

        h.assertSent(text(""));
        h.closeByPeer();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Role.class)
    @DisplayName("6.1.3 text message in 3 fragments, first and last empty, is echoed")
    void emptyFirstAndLastFragments(Role role) {
        EngineHarness h = EngineHarness.echo(role);

        h.feed(h.peer().frame(false, TEXT, "").frame(false, CONT, "middle frame payload").frame(true, CONT, ""));

        h.assertSent(text("middle frame payload"));
        h.closeByPeer();
    }

    // ---------------------------------------------------------------- 6.2 valid text, fragmented

    @ParameterizedTest(name = "{0}")
    @EnumSource(Role.class)
    @DisplayName("6.2.1 valid UTF-8 in one frame is echoed")
    void validTextInOneFrame(Role role) {
        EngineHarness h = EngineHarness.echo(role);

        h.feed(h.peer().text(MIXED));

        h.assertSent(text(MIXED));
        h.closeByPeer();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Role.class)
    @DisplayName("6.2.2 valid UTF-8 in 2 fragments split on a code point boundary is echoed")
    void validTextInTwoFragments(Role role) {
        EngineHarness h = EngineHarness.echo(role);

        h.feed(h.peer().frame(false, TEXT, "Hello-µ@ßöä").frame(true, CONT, "üàá-UTF-8!!"));

        h.assertSent(text(MIXED));
        h.closeByPeer();
    }

    static Stream<Arguments> oneByteFragments() {
        return EngineHarness.inBothRoles(List.of(
                new Text("6.2.3 valid UTF-8 in 1-byte fragments (frames end inside code points) is echoed",
                        utf8(MIXED)),
                new Text("6.2.4 κόσμε in 1-byte fragments (frames end inside code points) is echoed", KOSME)));
    }

    @ParameterizedTest(name = "{0} ({1})")
    @MethodSource("oneByteFragments")
    void validTextInOneByteFragments(Text c, Role role) {
        EngineHarness h = EngineHarness.echo(role);

        h.feed(inOneByteFragments(h.peer(), c.bytes()));

        h.assertSent(text(c.bytes()));
        h.closeByPeer();
    }

    // ---------------------------------------------------------------- 6.3 invalid text

    @ParameterizedTest(name = "{0}")
    @EnumSource(Role.class)
    @DisplayName("6.3.1 invalid UTF-8 in one frame -> 1007")
    void invalidTextInOneFrame(Role role) {
        EngineHarness h = EngineHarness.echo(role);

        h.feed(h.peer().frame(true, 0, TEXT, KOSME_SURROGATE_EDITED));

        h.assertSent(close(CloseCodes.INVALID_PAYLOAD_DATA));
        h.assertFailed(CloseCodes.INVALID_PAYLOAD_DATA);
        assertEquals(List.of(), h.listener().messages);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Role.class)
    @DisplayName("6.3.1 (fail fast) invalid UTF-8 in one frame, octet-wise -> 1007 on the offending byte")
    void invalidTextFailsOnTheOffendingByte(Role role) {
        EngineHarness h = EngineHarness.echo(role);
        TestFrames session = h.peer().frame(true, 0, TEXT, KOSME_SURROGATE_EDITED);
        int headerLength = session.bytes().length - KOSME_SURROGATE_EDITED.length;

        h.feedFailingAt(session, Delivery.BYTE_PER_READ, headerLength + 12);

        h.assertSent(close(CloseCodes.INVALID_PAYLOAD_DATA));
        h.assertFailed(CloseCodes.INVALID_PAYLOAD_DATA);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Role.class)
    @DisplayName("6.3.2 invalid UTF-8 in 1-byte fragments -> 1007 on the offending fragment")
    void invalidTextInOneByteFragments(Role role) {
        EngineHarness h = EngineHarness.echo(role);
        TestFrames session = inOneByteFragments(h.peer(), KOSME_SURROGATE_EDITED);

        h.feedFailingWithin(session, Delivery.BYTE_PER_READ, session.frameStart(12), session.frameLast(12));

        h.assertSent(close(CloseCodes.INVALID_PAYLOAD_DATA));
        h.assertFailed(CloseCodes.INVALID_PAYLOAD_DATA);
    }

    // ---------------------------------------------------------------- 6.4 fail fast

    /** A message cut in three parts: the second makes it invalid; the third must not be needed. */
    private record ThreeParts(String name, byte[] first, byte[] second, byte[] third, boolean framed) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Arguments> failFast() {
        byte[] m = KOSME_BEYOND_MAX_EDITED;
        return EngineHarness.inBothRoles(List.of(
                new ThreeParts("6.4.1 3 frames, the 2nd (U+110000) invalid -> 1007 on the 2nd, before the 3rd",
                        KOSME, hex("F4 90 80 80"), utf8("edited"), true),
                new ThreeParts("6.4.2 3 frames, the 2nd only the offending byte -> 1007 on the 2nd, before the 3rd",
                        Arrays.copyOfRange(m, 0, 12), Arrays.copyOfRange(m, 12, 13),
                        Arrays.copyOfRange(m, 13, m.length), true),
                new ThreeParts("6.4.3 one frame in 3 reads, the 2nd invalid -> 1007 on the 2nd read, before the 3rd",
                        KOSME, hex("F4 90 80 80"), utf8("edited"), false),
                new ThreeParts("6.4.4 one frame in 3 reads, the 2nd only the offending byte -> 1007 on the 2nd read",
                        Arrays.copyOfRange(m, 0, 12), Arrays.copyOfRange(m, 12, 13),
                        Arrays.copyOfRange(m, 13, m.length), false)));
    }

    @ParameterizedTest(name = "{0} ({1})")
    @MethodSource("failFast")
    void invalidTextFailsBeforeTheMessageEnds(ThreeParts c, Role role) {
        EngineHarness h = EngineHarness.echo(role);
        List<byte[]> reads = c.framed() ? threeFrames(h.peer(), c) : oneFrameInThreeReads(h.peer(), c);

        h.feed(reads.get(0));
        h.assertOpen();
        h.assertSent();

        h.feed(reads.get(1));
        h.assertSent(close(CloseCodes.INVALID_PAYLOAD_DATA));
        h.assertFailed(CloseCodes.INVALID_PAYLOAD_DATA);

        h.feed(reads.get(2)); // what a peer had already sent is ignored
        h.assertSent(close(CloseCodes.INVALID_PAYLOAD_DATA));
        assertEquals(List.of(), h.listener().messages);
    }

    private static List<byte[]> threeFrames(TestFrames peer, ThreeParts c) {
        return peer.frame(false, 0, TEXT, c.first()).frame(false, 0, CONT, c.second())
                .frame(true, 0, CONT, c.third()).frames();
    }

    private static List<byte[]> oneFrameInThreeReads(TestFrames peer, ThreeParts c) {
        byte[] payload = concat(c.first(), c.second(), c.third());
        byte[] frame = peer.frame(true, 0, TEXT, payload).bytes();
        int secondStart = frame.length - payload.length + c.first().length;
        int thirdStart = secondStart + c.second().length;
        return List.of(Arrays.copyOfRange(frame, 0, secondStart), Arrays.copyOfRange(frame, secondStart, thirdStart),
                Arrays.copyOfRange(frame, thirdStart, frame.length));
    }

    // ---------------------------------------------------------------- 6.5 - 6.23 the stress test

    /** A text payload to echo. */
    private record Text(String name, byte[] bytes) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** One of the cases 6.5.x to 6.23.x: one text frame, echoed when valid, else 1007. */
    private record StressCase(String number, String category, byte[] bytes, boolean valid) {
        @Override
        public String toString() {
            String shown = bytes.length <= 16 ? HexFormat.ofDelimiter(" ").formatHex(bytes)
                    : HexFormat.ofDelimiter(" ").formatHex(bytes, 0, 16) + " ... (" + bytes.length + " bytes)";
            return number + " " + category + ": " + shown + (valid ? " is echoed" : " -> 1007");
        }
    }

    static Stream<Arguments> stressTest() {
        return EngineHarness.inBothRoles(StressTest.cases());
    }

    @ParameterizedTest(name = "{0} ({1})")
    @MethodSource("stressTest")
    void stressTestCase(StressCase c, Role role) {
        EngineHarness h = EngineHarness.echo(role);

        h.feed(h.peer().frame(true, 0, TEXT, c.bytes()));

        if (c.valid()) {
            h.assertSent(text(c.bytes()));
            h.closeByPeer();
        } else {
            h.assertSent(close(CloseCodes.INVALID_PAYLOAD_DATA));
            h.assertFailed(CloseCodes.INVALID_PAYLOAD_DATA);
        }
    }

    /** Autobahn's categories 6.5 to 6.23, in its order, each numbered from 1. */
    private static final class StressTest {
        private final List<StressCase> cases = new ArrayList<>();
        private int category = 4;
        private String categoryName;
        private int index;

        static List<StressCase> cases() {
            StressTest t = new StressTest();
            t.category("Some valid UTF-8 sequences")
                    .valid(utf8("hello$world")).valid(utf8("hello¢world")).valid(utf8("hello€world"))
                    .valid(concat(utf8("hello"), hex("F0 A4 AD A2"), utf8("world"))).valid(KOSME);
            t.category("All prefixes of κόσμε");
            for (int length = 1; length <= KOSME.length; length++) {
                // a prefix is valid exactly when it ends on a code point boundary: after 2, 5, 7, 9 or 11 bytes
                boolean complete = length == 2 || length == 5 || length == 7 || length == 9 || length == 11;
                t.add(Arrays.copyOf(KOSME, length), complete);
            }
            t.category("First possible sequence of a certain length")
                    .valid("00").valid("C2 80").valid("E0 A0 80").valid("F0 90 80 80");
            t.category("First possible sequence length 5/6 (invalid codepoints)")
                    .invalid("F8 88 80 80 80").invalid("FC 84 80 80 80 80");
            t.category("Last possible sequence of a certain length")
                    .valid("7F").valid("DF BF").valid("EF BF BF").valid("F4 8F BF BF");
            t.category("Last possible sequence length 4/5/6 (invalid codepoints)")
                    .invalid("F7 BF BF BF").invalid("FB BF BF BF BF").invalid("FD BF BF BF BF BF");
            t.category("Other boundary conditions")
                    .valid("ED 9F BF").valid("EE 80 80").valid("EF BF BD").valid("F4 8F BF BF").invalid("F4 90 80 80");
            t.category("Unexpected continuation bytes")
                    .invalid("80").invalid("BF").invalid("80 BF").invalid("80 BF 80").invalid("80 BF 80 BF")
                    .invalid("80 BF 80 BF 80").invalid("80 BF 80 BF 80 BF").add(range(0x80, 0xBF, -1), false);
            t.category("Lonely start characters")
                    .add(range(0xC0, 0xDF, 0x20), false).add(range(0xE0, 0xEF, 0x20), false)
                    .add(range(0xF0, 0xF7, 0x20), false).add(range(0xF8, 0xFB, 0x20), false)
                    .add(range(0xFC, 0xFD, 0x20), false);
            String[] lastByteMissing = {"C0", "E0 80", "F0 80 80", "F8 80 80 80", "FC 80 80 80 80",
                "DF", "EF BF", "F7 BF BF", "FB BF BF BF", "FD BF BF BF BF"};
            t.category("Sequences with last continuation byte missing");
            for (String sequence : lastByteMissing) {
                t.invalid(sequence);
            }
            t.category("Concatenation of incomplete sequences").invalid(String.join(" ", lastByteMissing));
            t.category("Impossible bytes").invalid("FE").invalid("FF").invalid("FE FE FF FF");
            t.category("Examples of an overlong ASCII character")
                    .invalid("C0 AF").invalid("E0 80 AF").invalid("F0 80 80 AF").invalid("F8 80 80 80 AF")
                    .invalid("FC 80 80 80 80 AF");
            t.category("Maximum overlong sequences")
                    .invalid("C1 BF").invalid("E0 9F BF").invalid("F0 8F BF BF").invalid("F8 87 BF BF BF")
                    .invalid("FC 83 BF BF BF BF");
            t.category("Overlong representation of the NUL character")
                    .invalid("C0 80").invalid("E0 80 80").invalid("F0 80 80 80").invalid("F8 80 80 80 80")
                    .invalid("FC 80 80 80 80 80");
            t.category("Single UTF-16 surrogates")
                    .invalid("ED A0 80").invalid("ED AD BF").invalid("ED AE 80").invalid("ED AF BF")
                    .invalid("ED B0 80").invalid("ED BE 80").invalid("ED BF BF");
            t.category("Paired UTF-16 surrogates")
                    .invalid("ED A0 80 ED B0 80").invalid("ED A0 80 ED BF BF").invalid("ED AD BF ED B0 80")
                    .invalid("ED AD BF ED BF BF").invalid("ED AE 80 ED B0 80").invalid("ED AE 80 ED BF BF")
                    .invalid("ED AF BF ED B0 80").invalid("ED AF BF ED BF BF");
            t.category("Non-character code points (valid UTF-8)").valid("EF BF BE").valid("EF BF BF");
            for (int lead = 0xF0; lead <= 0xF4; lead++) {
                for (int second : new int[] {0x8F, 0x9F, 0xAF, 0xBF}) {
                    if (lead == 0xF4 && second != 0x8F) {
                        continue; // beyond U+10FFFF
                    }
                    for (int last : new int[] {0xBE, 0xBF}) {
                        if (lead == 0xF0 && second == 0x8F) {
                            continue; // overlong
                        }
                        t.add(new byte[] {(byte) lead, (byte) second, (byte) 0xBF, (byte) last}, true);
                    }
                }
            }
            t.category("Unicode specials (i.e. replacement char)")
                    .valid("EF BF B9").valid("EF BF BA").valid("EF BF BB").valid("EF BF BC").valid("EF BF BD")
                    .valid("EF BF BE").valid("EF BF BF");
            return t.cases;
        }

        private StressTest category(String name) {
            category++;
            categoryName = name;
            index = 0;
            return this;
        }

        private StressTest valid(String hexPairs) {
            return add(hex(hexPairs), true);
        }

        private StressTest valid(byte[] bytes) {
            return add(bytes, true);
        }

        private StressTest invalid(String hexPairs) {
            return add(hex(hexPairs), false);
        }

        private StressTest add(byte[] bytes, boolean valid) {
            index++;
            cases.add(new StressCase("6." + category + "." + index, categoryName, bytes, valid));
            return this;
        }

        /** The bytes {@code from} up to {@code to} exclusive, each followed by {@code separator} unless -1. */
        private static byte[] range(int from, int to, int separator) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            for (int b = from; b < to; b++) {
                out.write(b);
                if (separator >= 0) {
                    out.write(separator);
                }
            }
            return out.toByteArray();
        }
    }

    // ---------------------------------------------------------------- helpers

    private static TestFrames inOneByteFragments(TestFrames peer, byte[] payload) {
        return peer.fragmented(TEXT, payload, 1);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
