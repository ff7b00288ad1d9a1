package dev.tideway.websocket.protocol.extension;

import dev.tideway.websocket.protocol.FrameHeader;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.zip.Deflater;

/**
 * The outbound half of permessage-deflate: decides per message whether to compress it, and compresses
 * its fragments in order (RFC 7692 §7.2.1). The {@link Deflater} is created with the first compressed
 * message, so a connection that never sends one holds none of its native memory.
 */
final class MessageDeflater {
    private static final byte[] NO_BYTES = {};
    /** A compressed payload wasting more than this in its buffer is copied into one of its exact size. */
    private static final int MAX_SLACK = 1024;

    /** Where the sender stands; fragments must come as messageStart ... messageEnd. */
    private enum State { BETWEEN_MESSAGES, IN_COMPRESSED_MESSAGE, IN_PLAIN_MESSAGE }

    private final int level;
    private final boolean noContextTakeover;
    private final int minCompressSize;

    private Deflater deflater;
    private State state = State.BETWEEN_MESSAGES;

    /**
     * @param noContextTakeover whether to forget the window after each message, so that no message
     *                          refers to an earlier one
     */
    MessageDeflater(int level, boolean noContextTakeover, int minCompressSize) {
        this.level = level;
        this.noContextTakeover = noContextTakeover;
        this.minCompressSize = minCompressSize;
    }

    /** See {@link Extension#encode}; consumes the fragment's payload when it compresses it. */
    void encode(OutboundPayload fragment, boolean messageStart, boolean messageEnd) {
        if (messageStart) {
            startMessage(fragment, messageEnd);
        } else if (state == State.BETWEEN_MESSAGES) {
            throw new IllegalStateException("A continuation fragment without a message in progress");
        }
        if (state == State.IN_COMPRESSED_MESSAGE) {
            fragment.payload(compress(fragment.payload(), messageEnd));
            if (messageEnd && noContextTakeover) {
                deflater.reset();
            }
        }
        if (messageEnd) {
            state = State.BETWEEN_MESSAGES;
        }
    }

    private void startMessage(OutboundPayload fragment, boolean messageEnd) {
        if (state != State.BETWEEN_MESSAGES) {
            throw new IllegalStateException("A new message while the previous one is unfinished");
        }
        // Only a single-frame message has a known size; a fragmented one is compressed whatever its size.
        boolean tooSmall = messageEnd && fragment.payload().remaining() < minCompressSize;
        if (tooSmall) {
            state = State.IN_PLAIN_MESSAGE;
        } else {
            state = State.IN_COMPRESSED_MESSAGE;
            // RSV1 marks the message, so only its first frame carries it (§6).
            fragment.addRsv(FrameHeader.RSV1);
        }
    }

    /**
     * Compresses one fragment with a sync flush, which ends its data on a byte boundary with an empty
     * stored block {@code 00 00 ff ff}, so that the receiver can inflate everything sent so far. On the
     * last fragment those four bytes are removed (§7.2.1 step 3): the receiver puts them back.
     */
    private ByteBuffer compress(ByteBuffer input, boolean last) {
        ByteBuffer output = ByteBuffer.allocate(maxCompressedSize(input.remaining()));
        Deflater deflater = deflater();
        deflater.setInput(input);
        deflater.deflate(output, Deflater.SYNC_FLUSH);
        // A sync flush is complete once it leaves room in the buffer (Deflater#deflate). With the bound
        // above it does the first time; the loop guards against a zlib build with a larger overhead.
        while (!output.hasRemaining()) {
            output = ByteBuffer.allocate(output.capacity() * 2).put(output.flip());
            deflater.deflate(output, Deflater.SYNC_FLUSH);
        }
        // Let go of the caller's buffer: the deflater would otherwise keep it until the next message.
        deflater.setInput(NO_BYTES);
        if (last) {
            removeSyncTail(output);
        }
        return rightSized(output.flip());
    }

    /**
     * §7.2.1 steps 2 and 3: the data must end with an empty stored block, whose last four bytes go. After
     * a sync flush it always does, unless the flush produced nothing (no input since the previous flush,
     * as for an empty last fragment); then the block is added and cut at once, which leaves its header
     * byte 0x00 (§7.2.3.6).
     */
    private static void removeSyncTail(ByteBuffer output) {
        int end = output.position();
        if (end >= 4 && output.get(end - 4) == 0 && output.get(end - 3) == 0
                && output.get(end - 2) == (byte) 0xff && output.get(end - 1) == (byte) 0xff) {
            output.position(end - 4);
        } else {
            output.put((byte) 0);
        }
    }

    /**
     * zlib's bound for a complete raw stream of {@code length} bytes (deflateBound with default memory
     * settings), plus room for the sync flush's empty stored block and the byte {@link #removeSyncTail}
     * may add.
     */
    private static int maxCompressedSize(int length) {
        long bound = (long) length + (length >>> 12) + (length >>> 14) + (length >>> 25) + 16;
        return (int) Math.min(bound, Integer.MAX_VALUE - 8);
    }

    /**
     * The payload may wait in the send queue for a while; a well-compressed message must not keep a
     * buffer the size of its uncompressed form alive that long.
     */
    private static ByteBuffer rightSized(ByteBuffer payload) {
        if (payload.capacity() - payload.remaining() <= MAX_SLACK) {
            return payload;
        }
        return ByteBuffer.wrap(Arrays.copyOf(payload.array(), payload.remaining()));
    }

    private Deflater deflater() {
        if (deflater == null) {
            deflater = new Deflater(level, true);
        }
        return deflater;
    }

    /** Frees the deflater's native memory. Idempotent. */
    void release() {
        if (deflater != null) {
            deflater.end();
        }
    }
}
