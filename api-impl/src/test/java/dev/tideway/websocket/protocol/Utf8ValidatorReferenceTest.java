package dev.tideway.websocket.protocol;

import static dev.tideway.websocket.protocol.Utf8TestInput.feed;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tideway.websocket.protocol.Utf8TestInput.Storage;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The validator against the JDK's strict UTF-8 decoder on random input (fixed seed, bounded count): the same
 * verdict, and the same fail-fast index, where the reference index is the first byte after which no
 * continuation at all makes the bytes decode.
 */
class Utf8ValidatorReferenceTest {

    private static final int RANDOM_ARRAYS = 2_000;
    private static final int BUILT_ARRAYS = 4_000;

    /**
     * Endings that complete any unfinished code point whose prefix is valid so far: the byte after a lead is
     * narrowed to a subrange of 80..BF that contains 80, 90 or A0, and later bytes may be any continuation.
     */
    private static final byte[][] COMPLETIONS = {
        {},
        {(byte) 0x80}, {(byte) 0x90}, {(byte) 0xA0},
        {(byte) 0x80, (byte) 0x80}, {(byte) 0x90, (byte) 0x80}, {(byte) 0xA0, (byte) 0x80},
        {(byte) 0x80, (byte) 0x80, (byte) 0x80}, {(byte) 0x90, (byte) 0x80, (byte) 0x80},
        {(byte) 0xA0, (byte) 0x80, (byte) 0x80},
    };

    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private final CharBuffer chars = CharBuffer.allocate(512);

    @Test
    void agreesWithTheJdkDecoderOnRandomBytes() {
        Random random = new Random(6455);
        for (int n = 0; n < RANDOM_ARRAYS; n++) {
            byte[] bytes = new byte[random.nextInt(17)];
            random.nextBytes(bytes);
            check(bytes, random);
        }
    }

    @Test
    void agreesWithTheJdkDecoderOnMostlyValidText() {
        Random random = new Random(3629);
        for (int n = 0; n < BUILT_ARRAYS; n++) {
            check(mostlyValidText(random), random);
        }
    }

    private void check(byte[] bytes, Random random) {
        int expectedFailure = referenceFailIndex(bytes);
        boolean expectedComplete = expectedFailure < 0 && decodes(bytes, bytes.length, new byte[0]);
        String what = Arrays.toString(bytes);

        Utf8Validator validator = new Utf8Validator();
        assertEquals(expectedFailure, feed(validator, Storage.HEAP.hold(bytes)), what);
        assertEquals(expectedComplete, validator.isComplete(), what);

        int split = random.nextInt(bytes.length + 1);
        Utf8Validator splitValidator = new Utf8Validator();
        assertEquals(expectedFailure, feed(splitValidator, Storage.DIRECT.hold(bytes), split), what + " / " + split);
        assertEquals(expectedComplete, splitValidator.isComplete(), what + " / " + split);
    }

    /** The smallest index {@code i} such that {@code bytes[0..i]} is no valid prefix, or -1. */
    private int referenceFailIndex(byte[] bytes) {
        if (isValidPrefix(bytes, bytes.length)) {
            return -1;
        }
        int low = 0; // the length of a prefix known to be valid
        int high = bytes.length; // the length of a prefix known not to be
        while (high - low > 1) {
            int middle = (low + high) >>> 1;
            if (isValidPrefix(bytes, middle)) {
                low = middle;
            } else {
                high = middle;
            }
        }
        return high - 1;
    }

    private boolean isValidPrefix(byte[] bytes, int length) {
        for (byte[] completion : COMPLETIONS) {
            if (decodes(bytes, length, completion)) {
                return true;
            }
        }
        return false;
    }

    private boolean decodes(byte[] bytes, int length, byte[] completion) {
        ByteBuffer in = ByteBuffer.allocate(length + completion.length).put(bytes, 0, length).put(completion).flip();
        decoder.reset();
        chars.clear();
        CoderResult result = decoder.decode(in, chars, true);
        return !result.isError() && decoder.flush(chars).isUnderflow() && !in.hasRemaining();
    }

    /** Runs of ASCII and code points of every length, with random bytes, cut sequences and near misses. */
    private static byte[] mostlyValidText(Random random) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int pieces = 1 + random.nextInt(12);
        for (int p = 0; p < pieces; p++) {
            switch (random.nextInt(8)) {
                case 0 -> out.writeBytes("a".repeat(random.nextInt(20)).getBytes(StandardCharsets.US_ASCII));
                case 1 -> out.write(random.nextInt(256));
                case 2 -> {
                    byte[] encoded = randomCodePoint(random);
                    out.write(encoded, 0, random.nextInt(encoded.length));
                }
                case 3 -> {
                    // a near miss: any lead with continuation bytes, often an overlong, surrogate or > U+10FFFF
                    out.write(0xC0 + random.nextInt(0x40));
                    for (int c = random.nextInt(4); c > 0; c--) {
                        out.write(0x80 + random.nextInt(0x40));
                    }
                }
                default -> out.writeBytes(randomCodePoint(random));
            }
        }
        return out.toByteArray();
    }

    private static byte[] randomCodePoint(Random random) {
        int[] limits = {0x80, 0x800, 0x1_0000, 0x11_0000};
        int codePoint;
        do {
            codePoint = random.nextInt(limits[random.nextInt(limits.length)]);
        } while (Character.isSurrogate((char) codePoint) && codePoint < 0x1_0000);
        return new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8);
    }
}
