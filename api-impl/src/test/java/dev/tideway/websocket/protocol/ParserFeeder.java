package dev.tideway.websocket.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Random;
import java.util.function.Supplier;

/**
 * Feeds wire bytes to a {@link FrameParser} in pieces, each piece in a buffer of its own, and checks the
 * parser's contract on every {@code parse} call: the limit is left alone, the position only moves forward,
 * {@code false} only once the buffer is exhausted, and no byte outside the piece is touched (every buffer
 * is surrounded by guard bytes, which unmasking in place must not reach).
 */
public final class ParserFeeder {
    /** The buffer shapes the engine may hand the parser; each takes a different path through the masker. */
    public enum BufferKind {
        HEAP, HEAP_SLICED, DIRECT, DIRECT_LITTLE_ENDIAN
    }

    private static final int GUARD_LENGTH = 11;
    private static final byte GUARD = (byte) 0xA5;

    private ParserFeeder() {
    }

    /** Feeds {@code wire} as one heap buffer; returns the number of callbacks. */
    public static int feedWhole(FrameParser parser, byte[] wire) throws ProtocolException {
        return feedPiece(parser, wire, 0, wire.length, BufferKind.HEAP);
    }

    /** Feeds {@code wire} one byte per buffer; returns the number of callbacks. */
    public static int feedByteByByte(FrameParser parser, byte[] wire) throws ProtocolException {
        int callbacks = 0;
        for (int i = 0; i < wire.length; i++) {
            callbacks += feedPiece(parser, wire, i, i + 1, BufferKind.HEAP);
        }
        return callbacks;
    }

    /**
     * Feeds {@code wire} in pieces of random lengths between 1 and {@code maxPiece}, each in a buffer of a
     * random kind; returns the number of callbacks.
     */
    public static int feedInRandomPieces(FrameParser parser, byte[] wire, Random random, int maxPiece)
            throws ProtocolException {
        BufferKind[] kinds = BufferKind.values();
        int callbacks = 0;
        for (int from = 0; from < wire.length; ) {
            int to = Math.min(wire.length, from + 1 + random.nextInt(maxPiece));
            callbacks += feedPiece(parser, wire, from, to, kinds[random.nextInt(kinds.length)]);
            from = to;
        }
        return callbacks;
    }

    /** Feeds {@code wire[from, to)} as one buffer of the given kind; returns the number of callbacks. */
    public static int feedPiece(FrameParser parser, byte[] wire, int from, int to, BufferKind kind)
            throws ProtocolException {
        ByteBuffer in = guardedBuffer(wire, from, to, kind);
        int callbacks = feed(parser, in);
        assertGuardsIntact(in);
        return callbacks;
    }

    /** Calls {@code parse} until it reports no callback; returns the number of callbacks. */
    public static int feed(FrameParser parser, ByteBuffer in) throws ProtocolException {
        int limit = in.limit();
        // every frame takes at least two bytes, so more callbacks than bytes means the parser is looping
        int maxCallbacks = in.remaining();
        for (int callbacks = 0; callbacks <= maxCallbacks; callbacks++) {
            int position = in.position();
            boolean called = parser.parse(in);
            assertEquals(limit, in.limit(), "parse must leave the limit alone");
            assertTrue(in.position() >= position, "parse moved the position backwards");
            if (!called) {
                assertFalse(in.hasRemaining(), "parse returned false with bytes left");
                return callbacks;
            }
        }
        return fail("more callbacks than bytes: the parser does not consume its input");
    }

    /**
     * Asserts that {@code wire} fails the parser exactly at byte {@code index}, with the same exception
     * whether fed byte by byte or in one buffer (then no byte after the failing one is consumed), and that
     * the parser refuses any input afterwards. Returns the exception for the caller to check.
     */
    public static ProtocolException assertFailsAtByte(Supplier<FrameParser> parsers, byte[] wire, int index) {
        FrameParser byteByByte = parsers.get();
        for (int i = 0; i < index; i++) {
            try {
                feedPiece(byteByByte, wire, i, i + 1, BufferKind.HEAP);
            } catch (ProtocolException e) {
                fail("failed at byte " + i + ", expected at byte " + index + ": " + e.getMessage(), e);
            }
        }
        ProtocolException atByte = assertThrows(ProtocolException.class,
                () -> feedPiece(byteByByte, wire, index, index + 1, BufferKind.HEAP),
                "expected failure at byte " + index);

        FrameParser whole = parsers.get();
        ByteBuffer in = ByteBuffer.wrap(wire);
        ProtocolException inOneBuffer = assertThrows(ProtocolException.class, () -> feed(whole, in));
        assertEquals(index + 1, in.position(), "bytes consumed before failing");
        assertEquals(atByte.closeCode(), inOneBuffer.closeCode());
        assertEquals(atByte.getMessage(), inOneBuffer.getMessage());

        IllegalStateException dead = assertThrows(IllegalStateException.class,
                () -> whole.parse(ByteBuffer.wrap(new byte[] {(byte) 0x81, 0})));
        assertEquals("the parser failed on an earlier protocol violation", dead.getMessage());
        return atByte;
    }

    private static ByteBuffer guardedBuffer(byte[] wire, int from, int to, BufferKind kind) {
        int length = to - from;
        int capacity = GUARD_LENGTH + length + GUARD_LENGTH;
        ByteBuffer buffer = switch (kind) {
            case HEAP -> ByteBuffer.allocate(capacity);
            // a slice of a larger array: the masker must add arrayOffset
            case HEAP_SLICED -> ByteBuffer.allocate(capacity + 5).position(5).slice();
            case DIRECT -> ByteBuffer.allocateDirect(capacity);
            case DIRECT_LITTLE_ENDIAN -> ByteBuffer.allocateDirect(capacity).order(ByteOrder.LITTLE_ENDIAN);
        };
        for (int i = 0; i < capacity; i++) {
            buffer.put(i, GUARD);
        }
        buffer.put(GUARD_LENGTH, wire, from, length);
        return buffer.position(GUARD_LENGTH).limit(GUARD_LENGTH + length);
    }

    private static void assertGuardsIntact(ByteBuffer in) {
        ByteBuffer whole = in.duplicate().clear();
        int inputEnd = whole.capacity() - GUARD_LENGTH;
        for (int i = 0; i < GUARD_LENGTH; i++) {
            assertEquals(GUARD, whole.get(i), "guard byte before the input at " + i);
            assertEquals(GUARD, whole.get(inputEnd + i), "guard byte after the input at " + i);
        }
    }
}
