package dev.tideway.websocket.protocol;

import static dev.tideway.websocket.protocol.Utf8TestInput.feed;
import static dev.tideway.websocket.protocol.Utf8TestInput.hex;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tideway.websocket.protocol.Utf8TestInput.Storage;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * How the validator treats its buffers: absolute indices, untouched position and limit, the eight-byte ASCII
 * path at every alignment, and the failed state.
 */
class Utf8ValidatorBufferTest {

    private static final int LONGEST_RUN = 40;

    @ParameterizedTest
    @EnumSource(Storage.class)
    void reportsTheAbsoluteIndexWhenThePositionIsNotZero(Storage storage) {
        ByteBuffer buffer = storage.hold(hex("FF FF FF 61 62 C3 A9 63 80 64"));
        buffer.position(3).limit(10);
        Utf8Validator validator = new Utf8Validator();

        assertEquals(8, validator.validate(buffer));
        assertEquals(3, buffer.position());
        assertEquals(10, buffer.limit());
    }

    @ParameterizedTest
    @EnumSource(Storage.class)
    void readsNothingOutsidePositionAndLimit(Storage storage) {
        ByteBuffer buffer = storage.hold(hex("FF 61 62 63 64 65 66 67 68 69 6A FF"));
        buffer.position(1).limit(11);

        assertEquals(-1, new Utf8Validator().validate(buffer));
    }

    @ParameterizedTest
    @EnumSource(Storage.class)
    void findsAnInvalidByteAfterAnAsciiRunOfEveryLength(Storage storage) {
        for (int run = 0; run <= LONGEST_RUN; run++) {
            for (int offset = 0; offset < 8; offset++) {
                byte[] bytes = asciiRun(offset + run + 1 + 8);
                bytes[offset + run] = (byte) 0x80;
                ByteBuffer buffer = storage.hold(bytes);
                buffer.position(offset);
                Utf8Validator validator = new Utf8Validator();

                assertEquals(offset + run, validator.validate(buffer), "run " + run + " from " + offset);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Storage.class)
    void findsAnInvalidByteAtEveryPlaceInALongNonAsciiRun(Storage storage) {
        byte[] valid = "ééééééééééééééééééééééééééééééééééééééé€€€€€€€€€€€€€€€€€€€€𝄞𝄞𝄞𝄞𝄞𝄞𝄞𝄞𝄞𝄞"
                .getBytes(StandardCharsets.UTF_8);
        for (int at = 0; at < valid.length; at++) {
            byte[] bytes = valid.clone();
            bytes[at] = (byte) 0xFF;
            assertEquals(at, feed(new Utf8Validator(), storage.hold(bytes)), "FF at " + at);
            assertEquals(at, feed(new Utf8Validator(), storage.hold(bytes), at / 2), "FF at " + at + ", split");
        }
        Utf8Validator validator = new Utf8Validator();
        assertEquals(-1, feed(validator, storage.hold(valid)));
        assertTrue(validator.isComplete());
    }

    @ParameterizedTest
    @EnumSource(Storage.class)
    void followsACodePointThatStraddlesAWordBoundary(Storage storage) {
        byte[] fourByte = hex("F0 9F 98 80");
        for (int at = 0; at <= LONGEST_RUN; at++) {
            byte[] bytes = asciiRun(LONGEST_RUN + fourByte.length);
            System.arraycopy(fourByte, 0, bytes, at, fourByte.length);
            Utf8Validator validator = new Utf8Validator();
            assertEquals(-1, feed(validator, storage.hold(bytes)), "valid at " + at);
            assertTrue(validator.isComplete());

            bytes[at + 2] = 0x41; // cut the code point short
            assertEquals(at + 2, feed(new Utf8Validator(), storage.hold(bytes)), "cut at " + at);
        }
    }

    @ParameterizedTest
    @EnumSource(Storage.class)
    void anEmptyChunkChangesNothing(Storage storage) {
        Utf8Validator validator = new Utf8Validator();
        assertEquals(-1, validator.validate(storage.hold(hex("E2 82"))));
        assertEquals(-1, validator.validate(storage.hold(new byte[0])));
        assertFalse(validator.isComplete());
        assertEquals(-1, validator.validate(storage.hold(hex("AC"))));
        assertTrue(validator.isComplete());
    }

    @ParameterizedTest
    @EnumSource(Storage.class)
    void aCodePointSplitAcrossFramesCompletesInTheNextBuffer(Storage storage) {
        Utf8Validator validator = new Utf8Validator();
        assertEquals(-1, validator.validate(storage.hold(hex("61 F0"))));
        assertFalse(validator.isComplete());
        assertEquals(-1, validator.validate(storage.hold(hex("9F"))));
        assertFalse(validator.isComplete());
        assertEquals(-1, validator.validate(storage.hold(hex("98 80 62"))));
        assertTrue(validator.isComplete());
    }

    @ParameterizedTest
    @EnumSource(Storage.class)
    void aContinuationThatIsWrongInTheNextBufferFailsThere(Storage storage) {
        Utf8Validator validator = new Utf8Validator();
        assertEquals(-1, validator.validate(storage.hold(hex("61 ED"))));
        ByteBuffer next = storage.hold(hex("00 00 A0 80"));
        next.position(2);
        assertEquals(2, validator.validate(next));
    }

    @ParameterizedTest
    @EnumSource(Storage.class)
    void staysFailedUntilReset(Storage storage) {
        Utf8Validator validator = new Utf8Validator();
        assertEquals(1, validator.validate(storage.hold(hex("61 FF 62"))));
        assertFalse(validator.isComplete());

        ByteBuffer valid = storage.hold(hex("00 61 62"));
        valid.position(1);
        assertEquals(1, validator.validate(valid), "still failed: reports the position");
        ByteBuffer empty = storage.hold(hex("61 62"));
        empty.position(2);
        assertEquals(2, validator.validate(empty), "still failed, even for no bytes");
        assertFalse(validator.isComplete());

        validator.reset();
        assertTrue(validator.isComplete());
        assertEquals(-1, validator.validate(storage.hold(hex("61 62"))));
    }

    @ParameterizedTest
    @EnumSource(Storage.class)
    void resetAbandonsAnUnfinishedCodePoint(Storage storage) {
        Utf8Validator validator = new Utf8Validator();
        assertEquals(-1, validator.validate(storage.hold(hex("E2 82"))));
        validator.reset();
        assertEquals(0, validator.validate(storage.hold(hex("AC"))), "AC no longer continues anything");
    }

    private static byte[] asciiRun(int length) {
        byte[] bytes = new byte[length];
        Arrays.fill(bytes, (byte) 'a');
        return bytes;
    }
}
