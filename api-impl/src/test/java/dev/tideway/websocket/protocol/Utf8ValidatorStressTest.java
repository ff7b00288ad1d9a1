package dev.tideway.websocket.protocol;

import static dev.tideway.websocket.protocol.Utf8TestInput.everyByte;
import static dev.tideway.websocket.protocol.Utf8TestInput.feed;
import static dev.tideway.websocket.protocol.Utf8TestInput.hex;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tideway.websocket.protocol.Utf8TestInput.Storage;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The categories of Markus Kuhn's UTF-8 decoder stress test, as Autobahn's section 6 uses them, with the
 * exact index at which a fail-fast validator must stop. Each case is fed whole, one byte per call, and split
 * in two at every position, from every kind of buffer.
 */
class Utf8ValidatorStressTest {

    /** What the validator must say about a case's bytes. */
    private record Case(String name, byte[] bytes, int failIndex, boolean complete) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static final String KOSME = "CE BA E1 BD B9 CF 83 CE BC CE B5"; // κόσμε, 11 bytes

    private static Case valid(String name, String hex) {
        return new Case(name, hex(hex), -1, true);
    }

    private static Case validText(String text) {
        return new Case("text " + text, text.getBytes(StandardCharsets.UTF_8), -1, true);
    }

    /** Valid so far but cut inside a code point: a message may not end here. */
    private static Case incomplete(String name, String hex) {
        return new Case(name, hex(hex), -1, false);
    }

    private static Case invalidAt(int failIndex, String name, String hex) {
        return new Case(name, hex(hex), failIndex, false);
    }

    static Stream<Case> cases() {
        List<Case> cases = new ArrayList<>(List.of(
                // 1 correct text
                valid("empty", ""),
                valid("kosme", KOSME),
                validText("hello-µ@ßöäüàá-UTF-8!!"),
                validText("Größenmaßstäbe: ∮ E⋅da = Q, 𝄞 ☃ 😀 ﷽"),
                // 2.1 first code point of each length
                valid("U+0000", "00"),
                valid("U+0080", "C2 80"),
                valid("U+0800", "E0 A0 80"),
                valid("U+10000", "F0 90 80 80"),
                invalidAt(0, "5-byte first", "F8 88 80 80 80"),
                invalidAt(0, "6-byte first", "FC 84 80 80 80 80"),
                // 2.2 last code point of each length
                valid("U+007F", "7F"),
                valid("U+07FF", "DF BF"),
                valid("U+FFFF", "EF BF BF"),
                valid("U+10FFFF", "F4 8F BF BF"),
                invalidAt(0, "4-byte last U+1FFFFF", "F7 BF BF BF"),
                invalidAt(0, "5-byte last", "FB BF BF BF BF"),
                invalidAt(0, "6-byte last", "FD BF BF BF BF BF"),
                // 2.3 other boundaries
                valid("U+D7FF", "ED 9F BF"),
                valid("U+E000", "EE 80 80"),
                valid("U+FFFD", "EF BF BD"),
                valid("U+1000 E1", "E1 80 80"),
                valid("U+CFFF EC", "EC BF BF"),
                valid("U+40000 F1", "F1 80 80 80"),
                valid("U+FFFFF F3", "F3 BF BF BF"),
                valid("U+100000 F4", "F4 80 80 80"),
                invalidAt(1, "U+110000", "F4 90 80 80"),
                invalidAt(1, "U+13FFFF", "F4 BF BF BF"),
                // 3.1 unexpected continuation bytes
                invalidAt(0, "lone 80", "80"),
                invalidAt(0, "lone BF", "BF"),
                invalidAt(0, "80 BF", "80 BF"),
                invalidAt(0, "80 BF 80 BF", "80 BF 80 BF"),
                invalidAt(1, "ASCII then 80", "61 80"),
                invalidAt(2, "2-byte then extra continuation", "C2 80 80"),
                invalidAt(3, "3-byte then extra continuation", "E1 80 80 BF"),
                invalidAt(4, "4-byte then extra continuation", "F0 90 80 80 80"),
                // 3.2 lonely start bytes followed by a space
                invalidAt(0, "C0 space", "C0 20"),
                invalidAt(1, "C2 space", "C2 20"),
                invalidAt(1, "DF space", "DF 20"),
                invalidAt(1, "E0 space", "E0 20"),
                invalidAt(1, "EF space", "EF 20"),
                invalidAt(1, "F0 space", "F0 20"),
                invalidAt(1, "F4 space", "F4 20"),
                invalidAt(0, "F5 space", "F5 20"),
                invalidAt(0, "F8 space", "F8 20"),
                invalidAt(0, "FC space", "FC 20"),
                // 3.3 last continuation byte missing, at the end of the message
                incomplete("C2 alone", "C2"),
                incomplete("DF alone", "DF"),
                incomplete("U+0800 missing last", "E0 A0"),
                incomplete("U+FFFF missing last", "EF BF"),
                incomplete("E1 alone", "E1"),
                incomplete("U+10000 missing last", "F0 90 80"),
                incomplete("U+10FFFF missing last", "F4 8F BF"),
                incomplete("F4 alone", "F4"),
                incomplete("kosme then E1 BD", KOSME + " E1 BD"),
                invalidAt(0, "C0 alone", "C0"),
                invalidAt(1, "overlong E0 80 missing last", "E0 80"),
                invalidAt(1, "overlong F0 80 80 missing last", "F0 80 80"),
                invalidAt(0, "F7 BF BF missing last", "F7 BF BF"),
                // 3.4 incomplete sequences concatenated
                invalidAt(1, "C2 then E0 A0", "C2 E0 A0"),
                invalidAt(1, "DF then EF BF", "DF EF BF"),
                invalidAt(2, "E0 A0 then F0 90 80", "E0 A0 F0 90 80"),
                invalidAt(3, "F4 8F BF then DF", "F4 8F BF DF"),
                invalidAt(0, "Kuhn 3.4 as written", "C0 E0 80 F0 80 80 F8 80 80 80 FC 80 80 80 80 DF EF BF"),
                // 3.5 impossible bytes
                invalidAt(0, "FE", "FE"),
                invalidAt(0, "FF", "FF"),
                invalidAt(0, "FE FE FF FF", "FE FE FF FF"),
                invalidAt(2, "ab then FF", "61 62 FF"),
                // 4.1 overlong '/'
                invalidAt(0, "overlong / 2", "C0 AF"),
                invalidAt(1, "overlong / 3", "E0 80 AF"),
                invalidAt(1, "overlong / 4", "F0 80 80 AF"),
                invalidAt(0, "overlong / 5", "F8 80 80 80 AF"),
                invalidAt(0, "overlong / 6", "FC 80 80 80 80 AF"),
                // 4.2 maximum overlongs
                invalidAt(0, "max overlong 2 (U+007F)", "C1 BF"),
                invalidAt(1, "max overlong 3 (U+07FF)", "E0 9F BF"),
                invalidAt(1, "max overlong 4 (U+FFFF)", "F0 8F BF BF"),
                invalidAt(0, "max overlong 5", "F8 87 BF BF BF"),
                invalidAt(0, "max overlong 6", "FC 83 BF BF BF BF"),
                // 4.3 overlong NUL
                invalidAt(0, "overlong NUL 2", "C0 80"),
                invalidAt(1, "overlong NUL 3", "E0 80 80"),
                invalidAt(1, "overlong NUL 4", "F0 80 80 80"),
                invalidAt(0, "overlong NUL 5", "F8 80 80 80 80"),
                invalidAt(0, "overlong NUL 6", "FC 80 80 80 80 80"),
                // 5.1 single surrogates
                invalidAt(1, "U+D800", "ED A0 80"),
                invalidAt(1, "U+DB7F", "ED AD BF"),
                invalidAt(1, "U+DB80", "ED AE 80"),
                invalidAt(1, "U+DBFF", "ED AF BF"),
                invalidAt(1, "U+DC00", "ED B0 80"),
                invalidAt(1, "U+DF80", "ED BE 80"),
                invalidAt(1, "U+DFFF", "ED BF BF"),
                // 5.2 paired surrogates
                invalidAt(1, "U+D800 U+DC00", "ED A0 80 ED B0 80"),
                invalidAt(1, "U+D800 U+DFFF", "ED A0 80 ED BF BF"),
                invalidAt(1, "U+DB7F U+DC00", "ED AD BF ED B0 80"),
                invalidAt(1, "U+DBFF U+DFFF", "ED AF BF ED BF BF"),
                // 5.3 noncharacters are valid UTF-8
                valid("U+FFFE", "EF BF BE"),
                valid("U+FDD0", "EF B7 90"),
                valid("U+FDEF", "EF B7 AF"),
                valid("U+1FFFE", "F0 9F BF BE"),
                valid("U+10FFFE", "F4 8F BF BE"),
                // Autobahn 6.4: fail fast in the middle of a message
                invalidAt(12, "kosme then surrogate", KOSME + " ED A0 80 65 64 69 74 65 64"),
                invalidAt(12, "kosme then U+110000", KOSME + " F4 90 80 80 65 64 69 74 65 64"),
                invalidAt(11, "kosme then C0", KOSME + " C0 80"),
                invalidAt(13, "kosme then truncated then ASCII", KOSME + " E1 BD 65")));
        // every continuation byte alone, and every lead followed by ASCII
        for (int b = 0x80; b <= 0xBF; b++) {
            cases.add(invalidAt(0, String.format("continuation %02X", b), String.format("%02X", b)));
        }
        for (int b = 0xC2; b <= 0xF4; b++) {
            cases.add(invalidAt(1, String.format("lead %02X then 'a'", b), String.format("%02X 61", b)));
        }
        return cases.stream();
    }

    static Stream<Arguments> casesInEveryStorage() {
        return cases().flatMap(c -> Stream.of(Storage.values()).map(s -> Arguments.of(c, s)));
    }

    @ParameterizedTest(name = "{0} in {1}")
    @MethodSource("casesInEveryStorage")
    void wholeChunk(Case c, Storage storage) {
        Utf8Validator validator = new Utf8Validator();
        assertEquals(c.failIndex(), feed(validator, storage.hold(c.bytes())), "failure index");
        assertEquals(c.complete(), validator.isComplete(), "complete");
    }

    @ParameterizedTest(name = "{0} in {1}")
    @MethodSource("casesInEveryStorage")
    void oneBytePerCall(Case c, Storage storage) {
        Utf8Validator validator = new Utf8Validator();
        ByteBuffer buffer = storage.hold(c.bytes());
        assertEquals(c.failIndex(), feed(validator, buffer, everyByte(c.bytes().length)), "failure index");
        assertEquals(c.complete(), validator.isComplete(), "complete");
    }

    @ParameterizedTest(name = "{0} in {1}")
    @MethodSource("casesInEveryStorage")
    void splitInTwoAtEveryPosition(Case c, Storage storage) {
        ByteBuffer buffer = storage.hold(c.bytes());
        for (int split = 0; split <= c.bytes().length; split++) {
            Utf8Validator validator = new Utf8Validator();
            assertEquals(c.failIndex(), feed(validator, buffer, split), "failure index, split at " + split);
            assertEquals(c.complete(), validator.isComplete(), "complete, split at " + split);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void resetForgetsTheCaseEntirely(Case c) {
        Utf8Validator validator = new Utf8Validator();
        feed(validator, Storage.HEAP.hold(c.bytes()));
        validator.reset();
        assertEquals(-1, feed(validator, Storage.HEAP.hold(hex(KOSME))));
        assertEquals(true, validator.isComplete());
    }
}
