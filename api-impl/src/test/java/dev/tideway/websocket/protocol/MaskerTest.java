package dev.tideway.websocket.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@link Masker} against a byte-by-byte reference for every short length, start offset (so every alignment
 * of the eight-byte words) and key phase, in every kind of buffer.
 */
class MaskerTest {

    private static final int MAX_LENGTH = 67;
    private static final int MAX_FROM = 15;
    private static final int MAX_PAYLOAD_INDEX = 7;
    /** Room after the masked range, to see that nothing past {@code to} is touched. */
    private static final int GUARD = 16;
    private static final int CAPACITY = MAX_FROM + MAX_LENGTH + GUARD;
    private static final int[] KEYS = {0x37FA_213D, 0x8001_FF7E};

    /** Each kind takes a different path through the masker, or the same path with another byte order. */
    enum Kind {
        HEAP_BIG_ENDIAN(false, ByteOrder.BIG_ENDIAN, 0),
        HEAP_LITTLE_ENDIAN(false, ByteOrder.LITTLE_ENDIAN, 0),
        HEAP_SLICE(false, ByteOrder.BIG_ENDIAN, 3),
        DIRECT_BIG_ENDIAN(true, ByteOrder.BIG_ENDIAN, 0),
        DIRECT_LITTLE_ENDIAN(true, ByteOrder.LITTLE_ENDIAN, 0),
        DIRECT_SLICE(true, ByteOrder.LITTLE_ENDIAN, 5);

        private final boolean direct;
        private final ByteOrder order;
        private final int sliceOffset;

        Kind(boolean direct, ByteOrder order, int sliceOffset) {
            this.direct = direct;
            this.order = order;
            this.sliceOffset = sliceOffset;
        }

        ByteBuffer allocate(int capacity) {
            int size = capacity + sliceOffset;
            ByteBuffer whole = direct ? ByteBuffer.allocateDirect(size) : ByteBuffer.allocate(size);
            return whole.position(sliceOffset).slice().order(order);
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void maskInPlaceMatchesTheReferenceAndTouchesNothingElse(Kind kind) {
        ByteBuffer buffer = kind.allocate(CAPACITY);
        for (int key : KEYS) {
            for (int length = 0; length <= MAX_LENGTH; length++) {
                for (int from = 0; from <= MAX_FROM; from++) {
                    for (int payloadIndex = 0; payloadIndex <= MAX_PAYLOAD_INDEX; payloadIndex++) {
                        byte[] original = fill(buffer, length * 31 + from);
                        buffer.position(1).limit(CAPACITY - 1);

                        Masker.maskInPlace(buffer, from, from + length, key, payloadIndex);

                        String what = "key " + Integer.toHexString(key) + " length " + length + " from " + from
                                + " payloadIndex " + payloadIndex;
                        assertArrayEquals(referenceMask(original, from, from + length, key, payloadIndex),
                                contents(buffer), what);
                        assertEquals(1, buffer.position(), what);
                        assertEquals(CAPACITY - 1, buffer.limit(), what);
                    }
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void maskCopyMatchesTheReferenceAndTouchesNothingElse(Kind dstKind) {
        for (Kind srcKind : Kind.values()) {
            ByteBuffer src = srcKind.allocate(CAPACITY);
            ByteBuffer dst = dstKind.allocate(CAPACITY);
            for (int length = 0; length <= MAX_LENGTH; length++) {
                for (int from = 0; from <= MAX_FROM; from++) {
                    for (int payloadIndex = 0; payloadIndex <= MAX_PAYLOAD_INDEX; payloadIndex++) {
                        byte[] payload = fill(src, length + from);
                        byte[] before = fill(dst, length * 7 + from);
                        int srcFrom = (from * 5) % (MAX_FROM + 1); // a different alignment from dst's
                        src.limit(srcFrom + length).position(srcFrom);
                        dst.limit(CAPACITY).position(from);

                        Masker.maskCopy(src, dst, KEYS[0], payloadIndex);

                        String what = srcKind + " length " + length + " from " + from + " payloadIndex "
                                + payloadIndex;
                        byte[] expected = before.clone();
                        System.arraycopy(payload, srcFrom, expected, from, length);
                        assertArrayEquals(referenceMask(expected, from, from + length, KEYS[0], payloadIndex),
                                contents(dst), what);
                        assertArrayEquals(payload, contents(src), "source changed: " + what);
                        assertEquals(srcFrom + length, src.position(), what);
                        assertEquals(from + length, dst.position(), what);
                    }
                }
            }
        }
    }

    @Test
    void aPayloadIndexBeyondTwoGigabytesKeepsTheKeyPhase() {
        for (int phase = 0; phase < 4; phase++) {
            ByteBuffer buffer = ByteBuffer.allocate(20);
            byte[] original = fill(buffer, phase);
            long payloadIndex = (5L << 32) + phase;

            Masker.maskInPlace(buffer, 2, 19, KEYS[0], payloadIndex);

            assertArrayEquals(referenceMask(original, 2, 19, KEYS[0], phase), contents(buffer), "phase " + phase);
        }
    }

    @Test
    void maskingTwiceRestoresThePayload() {
        ByteBuffer buffer = ByteBuffer.allocateDirect(64);
        byte[] original = fill(buffer, 9);

        Masker.maskInPlace(buffer, 3, 61, KEYS[1], 2);
        Masker.maskInPlace(buffer, 3, 61, KEYS[1], 2);

        assertArrayEquals(original, contents(buffer));
    }

    @Test
    void theFirstKeyByteIsTheMostSignificant() {
        ByteBuffer buffer = ByteBuffer.allocate(6);

        Masker.maskInPlace(buffer, 0, 6, 0x0102_0304, 0);

        assertArrayEquals(new byte[] {1, 2, 3, 4, 1, 2}, contents(buffer));
    }

    /** Payload byte {@code j} of the frame is XORed with key byte {@code j % 4}, the first byte the highest. */
    private static byte[] referenceMask(byte[] bytes, int from, int to, int key, long payloadIndex) {
        byte[] masked = bytes.clone();
        for (int i = from; i < to; i++) {
            int keyByte = (int) ((payloadIndex + i - from) % 4);
            masked[i] ^= (byte) (key >>> (24 - 8 * keyByte));
        }
        return masked;
    }

    /** Fills the whole buffer with a pattern that differs per seed and returns the bytes written. */
    private static byte[] fill(ByteBuffer buffer, int seed) {
        byte[] bytes = new byte[buffer.capacity()];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (seed * 131 + i * 29 + 7);
        }
        buffer.clear();
        buffer.put(bytes).clear();
        return bytes;
    }

    /** Every byte of the buffer, read without moving position or limit. */
    private static byte[] contents(ByteBuffer buffer) {
        byte[] bytes = new byte[buffer.capacity()];
        buffer.duplicate().clear().get(bytes);
        return bytes;
    }
}
