package dev.tideway.websocket.session;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.StandardCharsets;

/**
 * Delivers a message in parts as it arrives: each chunk becomes one part ({@code String} or
 * {@code ByteBuffer}), with {@code last} on the final one. Text parts never split a character: bytes of a
 * character cut by a chunk boundary wait for the next chunk. Empty parts are skipped except the last.
 */
final class PartialMessageSink implements MessageSink {
    private final boolean text;
    private final MessageTarget target;
    private final Delivery delivery;
    private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder();
    /** The first bytes of a character whose rest is in the next chunk (at most three). */
    private final ByteBuffer carry = ByteBuffer.allocate(4);

    PartialMessageSink(boolean text, MessageTarget target, Delivery delivery) {
        this.text = text;
        this.target = target;
        this.delivery = delivery;
    }

    @Override
    public void onChunk(ByteBuffer chunk, boolean last) {
        int size = chunk.remaining();
        if (size == 0 && !last) {
            return;
        }
        Object part = text ? decode(chunk, last) : copy(chunk);
        if (!last && part instanceof String s && s.isEmpty()) {
            return;
        }
        delivery.submit(target, part, last, size);
    }

    private static ByteBuffer copy(ByteBuffer chunk) {
        ByteBuffer copy = ByteBuffer.allocate(chunk.remaining());
        copy.put(chunk).flip();
        return copy;
    }

    /** Decodes the complete characters of carry + chunk; keeps the bytes of an unfinished one. */
    private String decode(ByteBuffer chunk, boolean last) {
        CharBuffer chars = CharBuffer.allocate(chunk.remaining() + carry.position() + 1);
        if (carry.position() > 0) {
            // complete the carried character first, byte by byte, so the chunk itself is not copied
            while (chunk.hasRemaining() && carry.hasRemaining()) {
                carry.put(chunk.get());
                carry.flip();
                utf8.decode(carry, chars, false);
                carry.compact();
                if (carry.position() == 0) {
                    break;
                }
            }
        }
        utf8.decode(chunk, chars, last);
        carry.put(chunk); // what the decoder left: the start of a character cut by the chunk boundary
        if (last) {
            utf8.flush(chars);
            utf8.reset();
            carry.clear();
        }
        return chars.flip().toString();
    }
}
