package dev.tideway.websocket.protocol;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * XOR masking of payload bytes (RFC 6455 §5.3), eight bytes at a time.
 *
 * <p>The key is an {@code int} whose most significant byte is the first key byte on the wire. Payload byte
 * {@code i} of a frame is XORed with key byte {@code i % 4}; because a frame's payload may be masked in
 * several chunks (it arrives in pieces, or is produced in pieces), every method takes the index within the
 * frame's payload of the first byte it touches.
 */
public final class Masker {
    private static final VarHandle LONGS_BIG_ENDIAN =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    private Masker() {
    }

    /**
     * Masks (or unmasks: the operation is its own inverse) bytes {@code [from, to)} of {@code buffer} in
     * place, without moving its position or limit.
     *
     * @param payloadIndex the index within the frame payload of the byte at {@code from}
     */
    public static void maskInPlace(ByteBuffer buffer, int from, int to, int key, long payloadIndex) {
        int rotated = Integer.rotateLeft(key, 8 * (int) (payloadIndex & 3));
        if (buffer.hasArray()) {
            int offset = buffer.arrayOffset();
            maskArray(buffer.array(), offset + from, offset + to, rotated);
        } else {
            maskDirect(buffer, from, to, rotated);
        }
    }

    /**
     * Copies {@code src}'s remaining bytes into {@code dst} masked, advancing both positions. {@code dst}
     * must have room for all of them.
     */
    public static void maskCopy(ByteBuffer src, ByteBuffer dst, int key, long payloadIndex) {
        int length = src.remaining();
        int start = dst.position();
        dst.put(src);
        maskInPlace(dst, start, start + length, key, payloadIndex);
    }

    private static void maskArray(byte[] bytes, int from, int to, int key) {
        long wideKey = widen(key);
        int i = from;
        for (int end = to - 7; i < end; i += 8) {
            long word = (long) LONGS_BIG_ENDIAN.get(bytes, i);
            LONGS_BIG_ENDIAN.set(bytes, i, word ^ wideKey);
        }
        for (int shift = 24; i < to; i++, shift = (shift - 8) & 31) {
            bytes[i] ^= (byte) (key >>> shift);
        }
    }

    private static void maskDirect(ByteBuffer buffer, int from, int to, int key) {
        long wideKey = widen(key);
        boolean bigEndian = buffer.order() == ByteOrder.BIG_ENDIAN;
        long orderedKey = bigEndian ? wideKey : Long.reverseBytes(wideKey);
        int i = from;
        for (int end = to - 7; i < end; i += 8) {
            buffer.putLong(i, buffer.getLong(i) ^ orderedKey);
        }
        for (int shift = 24; i < to; i++, shift = (shift - 8) & 31) {
            buffer.put(i, (byte) (buffer.get(i) ^ (key >>> shift)));
        }
    }

    /** Two copies of the key side by side, so one XOR masks eight bytes (eight is a multiple of four). */
    private static long widen(int key) {
        return ((long) key << 32) | (key & 0xFFFF_FFFFL);
    }
}
