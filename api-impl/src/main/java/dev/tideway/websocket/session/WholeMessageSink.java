package dev.tideway.websocket.session;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Collects a whole message on the reading thread and delivers it as one {@code String} or
 * {@code ByteBuffer}. A message that arrives in one chunk is copied once, at its exact size; one in
 * several chunks grows a buffer up to the limit, past which the session is closed with 1009 (the
 * Jakarta "message buffer size" of the session or the {@code maxMessageSize} of the method).
 */
final class WholeMessageSink implements MessageSink {
    private static final byte[] EMPTY = new byte[0];

    private final boolean text;
    private final MessageTarget target;
    private final Delivery delivery;
    private final SizeLimit limit;
    private byte[] buffer;
    private int length;
    private boolean dropping;

    /** Tells the sink the limit in force and what to do when a message passes it. */
    interface SizeLimit {
        long maxBytes();

        /** The message in progress passed the limit; the sink drops the rest of it. */
        void exceeded(long size);
    }

    WholeMessageSink(boolean text, MessageTarget target, Delivery delivery, SizeLimit limit) {
        this.text = text;
        this.target = target;
        this.delivery = delivery;
        this.limit = limit;
    }

    @Override
    public void onChunk(ByteBuffer chunk, boolean last) {
        if (!dropping) {
            append(chunk);
        }
        if (!last) {
            return;
        }
        if (!dropping) {
            byte[] bytes = buffer == null ? EMPTY : length == buffer.length ? buffer : Arrays.copyOf(buffer, length);
            Object value = text ? new String(bytes, StandardCharsets.UTF_8) : ByteBuffer.wrap(bytes);
            delivery.submit(target, value, true, length);
        }
        reset();
    }

    private void append(ByteBuffer chunk) {
        int size = chunk.remaining();
        long total = (long) length + size;
        if (total > limit.maxBytes()) {
            dropping = true;
            buffer = null;
            limit.exceeded(total);
            return;
        }
        if (buffer == null) {
            buffer = new byte[size];
        } else if (total > buffer.length) {
            long grown = Math.max(total, Math.min(limit.maxBytes(), 2L * buffer.length));
            buffer = Arrays.copyOf(buffer, (int) grown);
        }
        chunk.get(buffer, length, size);
        length = (int) total;
    }

    @Override
    public void abort() {
        reset();
    }

    private void reset() {
        buffer = null;
        length = 0;
        dropping = false;
    }
}
