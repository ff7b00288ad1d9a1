package dev.tideway.websocket.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.util.HexFormat;

/** Byte sequences for the {@link Utf8Validator} tests and ways to feed them in. */
final class Utf8TestInput {

    /** Where the bytes live: each kind takes a different path through the validator. */
    enum Storage {
        HEAP {
            @Override
            ByteBuffer hold(byte[] bytes) {
                return ByteBuffer.wrap(bytes.clone());
            }
        },
        /** A heap slice, so that array indices and buffer indices differ by the array offset. */
        HEAP_SLICE {
            @Override
            ByteBuffer hold(byte[] bytes) {
                byte[] padded = new byte[bytes.length + 11];
                System.arraycopy(bytes, 0, padded, 5, bytes.length);
                return ByteBuffer.wrap(padded, 5, bytes.length).slice();
            }
        },
        DIRECT {
            @Override
            ByteBuffer hold(byte[] bytes) {
                return ByteBuffer.allocateDirect(bytes.length).put(bytes).clear();
            }
        },
        /** Heap, but without an accessible array: takes the same path as a direct buffer. */
        READ_ONLY {
            @Override
            ByteBuffer hold(byte[] bytes) {
                return ByteBuffer.wrap(bytes.clone()).asReadOnlyBuffer();
            }
        };

        /** A buffer whose index {@code i} holds {@code bytes[i]}, position 0, limit {@code bytes.length}. */
        abstract ByteBuffer hold(byte[] bytes);
    }

    private Utf8TestInput() {
    }

    /** Bytes from hex pairs separated by spaces, e.g. {@code "CE BA"}. */
    static byte[] hex(String pairs) {
        return HexFormat.ofDelimiter(" ").parseHex(pairs);
    }

    /**
     * Feeds {@code buffer[0, limit)} to a fresh validator in chunks that end at the given boundaries (and at
     * the limit), checking that no call moves position or limit, and that every call after a failure reports
     * its chunk's position. Returns the first failure index, or -1.
     */
    static int feed(Utf8Validator validator, ByteBuffer buffer, int... boundaries) {
        int end = buffer.limit();
        int failure = -1;
        int start = 0;
        for (int b = 0; b <= boundaries.length; b++) {
            int stop = b < boundaries.length ? boundaries[b] : end;
            buffer.limit(stop).position(start);
            int result = validator.validate(buffer);
            assertEquals(start, buffer.position(), "position moved");
            assertEquals(stop, buffer.limit(), "limit moved");
            if (failure >= 0) {
                assertEquals(start, result, "a failed validator reports the chunk's position");
            } else {
                failure = result;
            }
            start = stop;
        }
        buffer.limit(end).position(0);
        return failure;
    }

    /** Every boundary from 1 to {@code length - 1}: one byte per call. */
    static int[] everyByte(int length) {
        int[] boundaries = new int[Math.max(0, length - 1)];
        for (int i = 0; i < boundaries.length; i++) {
            boundaries[i] = i + 1;
        }
        return boundaries;
    }
}
