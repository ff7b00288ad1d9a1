package dev.tideway.websocket.protocol;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * A streaming UTF-8 validator (RFC 3629, as RFC 6455 §8.1 requires of text messages) for a message that
 * arrives in pieces: a code point may be split across chunks and frames.
 *
 * <p>It is a deterministic automaton. Each byte falls in one of {@value #CLASS_COUNT} classes, and the pair
 * (state, class) gives the next state; the states name what the next byte must be, so the automaton rejects
 * at the first byte that no valid sequence can continue with. The narrowed second-byte states are what rule
 * out overlong forms (E0 80..9F, F0 80..8F), surrogates (ED A0..BF) and code points above U+10FFFF
 * (F4 90..BF); C0, C1 and F5..FF are never leads.
 *
 * <p>Two things make it fast:
 * <ul>
 * <li>Between code points it skips ASCII eight bytes at a time (one {@code long} tested against the high bit
 *     of each byte), since text is mostly ASCII.</li>
 * <li>The table is laid out shift-wise: a state is a bit offset, and {@code ROWS[b]} holds, at each state's
 *     offset, the offset of the state that byte {@code b} leads to. A step is then one load that does not
 *     depend on the state and one shift, so the chain from byte to byte is a single instruction. The
 *     rejecting state is offset 0 and leads only to itself, so the automaton runs over a block of bytes
 *     without a test per byte; only a block that ends rejected is walked again to find the exact byte.</li>
 * </ul>
 * One instance per message stream; not thread-safe.
 */
public final class Utf8Validator {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.nativeOrder());
    /** The high bit of each of eight bytes: a word of ASCII has none of them set, in either byte order. */
    private static final long NON_ASCII = 0x8080_8080_8080_8080L;
    /** Bytes run through the automaton between checks for rejection and for a return to ASCII. */
    private static final int BLOCK = 16;

    // Byte classes: the ranges of RFC 3629 §4 that the automaton must tell apart.
    private static final int ASCII = 0;          // 00..7F
    private static final int CONT_80_8F = 1;     // continuation bytes, split where second bytes are narrowed
    private static final int CONT_90_9F = 2;
    private static final int CONT_A0_BF = 3;
    private static final int NEVER = 4;          // C0, C1 (overlong leads), F5..FF (beyond U+10FFFF)
    private static final int LEAD_2 = 5;         // C2..DF
    private static final int LEAD_E0 = 6;        // second byte A0..BF, else overlong
    private static final int LEAD_3 = 7;         // E1..EC, EE, EF
    private static final int LEAD_ED = 8;        // second byte 80..9F, else a surrogate
    private static final int LEAD_F0 = 9;        // second byte 90..BF, else overlong
    private static final int LEAD_4 = 10;        // F1..F3
    private static final int LEAD_F4 = 11;       // second byte 80..8F, else beyond U+10FFFF
    private static final int CLASS_COUNT = 12;

    // States, as bit offsets into a row: nine states of six bits fit in a long, and a long shift uses only the
    // low six bits of its count, so the raw shifted row can serve as the next state. REJECT is zero so that
    // every transition the table does not list rejects, and stays rejected.
    private static final int STATE_BITS = 6;
    private static final long STATE_MASK = (1 << STATE_BITS) - 1;
    private static final int REJECT = 0;
    private static final int ACCEPT = STATE_BITS;         // on a code point boundary
    private static final int NEED_1 = 2 * STATE_BITS;     // one more continuation byte, any
    private static final int NEED_2 = 3 * STATE_BITS;
    private static final int NEED_3 = 4 * STATE_BITS;
    private static final int NEED_A0_BF = 5 * STATE_BITS; // after E0, then one more
    private static final int NEED_80_9F = 6 * STATE_BITS; // after ED, then one more
    private static final int NEED_90_BF = 7 * STATE_BITS; // after F0, then two more
    private static final int NEED_80_8F = 8 * STATE_BITS; // after F4, then two more

    /** For each byte value, the next state of every state, each at that state's offset. */
    private static final long[] ROWS = new long[256];

    static {
        int[] classes = new int[256];
        classify(classes, 0x00, 0x7F, ASCII);
        classify(classes, 0x80, 0x8F, CONT_80_8F);
        classify(classes, 0x90, 0x9F, CONT_90_9F);
        classify(classes, 0xA0, 0xBF, CONT_A0_BF);
        classify(classes, 0xC0, 0xC1, NEVER);
        classify(classes, 0xC2, 0xDF, LEAD_2);
        classify(classes, 0xE0, 0xE0, LEAD_E0);
        classify(classes, 0xE1, 0xEC, LEAD_3);
        classify(classes, 0xED, 0xED, LEAD_ED);
        classify(classes, 0xEE, 0xEF, LEAD_3);
        classify(classes, 0xF0, 0xF0, LEAD_F0);
        classify(classes, 0xF1, 0xF3, LEAD_4);
        classify(classes, 0xF4, 0xF4, LEAD_F4);
        classify(classes, 0xF5, 0xFF, NEVER);

        on(classes, ACCEPT, ASCII, ACCEPT);
        on(classes, ACCEPT, LEAD_2, NEED_1);
        on(classes, ACCEPT, LEAD_E0, NEED_A0_BF);
        on(classes, ACCEPT, LEAD_3, NEED_2);
        on(classes, ACCEPT, LEAD_ED, NEED_80_9F);
        on(classes, ACCEPT, LEAD_F0, NEED_90_BF);
        on(classes, ACCEPT, LEAD_4, NEED_3);
        on(classes, ACCEPT, LEAD_F4, NEED_80_8F);
        for (int continuation : new int[] {CONT_80_8F, CONT_90_9F, CONT_A0_BF}) {
            on(classes, NEED_1, continuation, ACCEPT);
            on(classes, NEED_2, continuation, NEED_1);
            on(classes, NEED_3, continuation, NEED_2);
        }
        on(classes, NEED_A0_BF, CONT_A0_BF, NEED_1);
        on(classes, NEED_80_9F, CONT_80_8F, NEED_1);
        on(classes, NEED_80_9F, CONT_90_9F, NEED_1);
        on(classes, NEED_90_BF, CONT_90_9F, NEED_2);
        on(classes, NEED_90_BF, CONT_A0_BF, NEED_2);
        on(classes, NEED_80_8F, CONT_80_8F, NEED_2);
    }

    private static void classify(int[] classes, int first, int last, int byteClass) {
        for (int b = first; b <= last; b++) {
            classes[b] = byteClass;
        }
    }

    /** In {@code state}, every byte of {@code byteClass} leads to {@code next}. */
    private static void on(int[] classes, int state, int byteClass, int next) {
        for (int b = 0; b < 256; b++) {
            if (classes[b] == byteClass) {
                ROWS[b] |= (long) next << state;
            }
        }
    }

    /** One step of the automaton; the result's low six bits are the next state, the rest is noise. */
    private static long step(long state, byte b) {
        return ROWS[b & 0xFF] >>> state;
    }

    private long state = ACCEPT;

    public Utf8Validator() {
    }

    /**
     * Validates chunk's bytes {@code [position, limit)} without moving position/limit; state carries across
     * calls (a code point may be split across chunks/frames). Returns -1 when all are valid so far, else the
     * absolute index in the buffer of the first invalid byte (fail fast: the first byte at which no valid
     * continuation exists). After a failure the validator stays failed until {@link #reset()}: later calls
     * return the chunk's position.
     */
    public int validate(ByteBuffer chunk) {
        int from = chunk.position();
        int to = chunk.limit();
        if (state == REJECT) {
            return from;
        }
        if (chunk.hasArray()) {
            int offset = chunk.arrayOffset();
            return validateArray(chunk.array(), offset + from, offset + to, offset);
        }
        return validateBuffer(chunk, from, to);
    }

    /** True when the bytes seen so far end on a code point boundary (a message may end here). */
    public boolean isComplete() {
        return state == ACCEPT;
    }

    /** Forgets everything seen, ready for the next message. */
    public void reset() {
        state = ACCEPT;
    }

    // The two walks below are the same over two kinds of storage; they stay separate because reading
    // through the array (a VarHandle view for the words) is what makes the heap path fast.

    /** Walks {@code bytes[from, to)}; {@code offset} turns an array index back into a buffer index. */
    private int validateArray(byte[] bytes, int from, int to, int offset) {
        long s = state;
        int i = from;
        while (i < to) {
            if (s == ACCEPT) {
                i = skipAscii(bytes, i, to);
                if (i == to) {
                    break;
                }
            }
            int blockStart = i;
            long blockState = s;
            for (int end = to - i > BLOCK ? i + BLOCK : to; i < end; i++) {
                s = step(s, bytes[i]);
            }
            s &= STATE_MASK;
            if (s == REJECT) {
                state = REJECT;
                // walk the block again, testing every step, to find the byte that rejected
                for (i = blockStart; (blockState = step(blockState, bytes[i]) & STATE_MASK) != REJECT; i++) {
                    // not yet
                }
                return i - offset;
            }
        }
        state = s;
        return -1;
    }

    private int validateBuffer(ByteBuffer buffer, int from, int to) {
        long s = state;
        int i = from;
        while (i < to) {
            if (s == ACCEPT) {
                i = skipAscii(buffer, i, to);
                if (i == to) {
                    break;
                }
            }
            int blockStart = i;
            long blockState = s;
            for (int end = to - i > BLOCK ? i + BLOCK : to; i < end; i++) {
                s = step(s, buffer.get(i));
            }
            s &= STATE_MASK;
            if (s == REJECT) {
                state = REJECT;
                // walk the block again, testing every step, to find the byte that rejected
                for (i = blockStart; (blockState = step(blockState, buffer.get(i)) & STATE_MASK) != REJECT; i++) {
                    // not yet
                }
                return i;
            }
        }
        state = s;
        return -1;
    }

    /** The index of the first non-ASCII byte in {@code [i, to)}, or {@code to}. */
    private static int skipAscii(byte[] bytes, int i, int to) {
        for (int end = to - 8; i <= end && ((long) LONGS.get(bytes, i) & NON_ASCII) == 0; i += 8) {
            // whole words of ASCII
        }
        while (i < to && bytes[i] >= 0) {
            i++;
        }
        return i;
    }

    private static int skipAscii(ByteBuffer buffer, int i, int to) {
        for (int end = to - 8; i <= end && (buffer.getLong(i) & NON_ASCII) == 0; i += 8) {
            // whole words of ASCII
        }
        while (i < to && buffer.get(i) >= 0) {
            i++;
        }
        return i;
    }
}
