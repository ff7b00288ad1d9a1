package dev.tideway.websocket.protocol;

import java.nio.BufferOverflowException;
import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * Writes RFC 6455 frame headers (§5.2), and whole frames for small payloads. Headers are written on their
 * own so that a large payload can go to the transport untouched beside its header (a gathering write); only
 * a client, which must mask, has to touch payload bytes, and it does so with {@link Masker} and the key
 * {@link #writeHeader} returns.
 *
 * <p>Not thread-safe (the mask key generator is not): use it under the connection's send lock.
 */
public final class FrameGenerator {
    /** The longest header: 2 bytes, an 8-byte extended length and a 4-byte masking key. */
    public static final int MAX_HEADER_LENGTH = 14;

    private static final int MASK_KEY_LENGTH = 4;

    private final Role role;
    private final MaskKeyGenerator maskKeys;

    /** @param maskKeys used only by the {@link Role#CLIENT} role (may be null for {@link Role#SERVER}) */
    public FrameGenerator(Role role, MaskKeyGenerator maskKeys) {
        this.role = Objects.requireNonNull(role, "role");
        this.maskKeys = role.masksOutbound() ? Objects.requireNonNull(maskKeys, "maskKeys") : null;
    }

    /**
     * Writes a frame header for a payload of the given length into {@code dst} at its position, advancing
     * it, in the minimal length encoding. A client draws a fresh masking key, sets the MASK bit, writes the
     * key and returns it; the caller masks the payload with it. A server returns 0.
     *
     * @throws IllegalArgumentException if the frame would break §5 (see {@link #writeFrame})
     * @throws BufferOverflowException  if {@code dst} lacks room for the header; nothing is written then
     */
    public int writeHeader(ByteBuffer dst, boolean fin, int rsv, int opcode, long payloadLength) {
        validate(fin, rsv, opcode, payloadLength);
        requireRoom(dst, headerLength(payloadLength));
        return putHeader(dst, fin, rsv, opcode, payloadLength);
    }

    /**
     * Writes the header and then {@code payload}'s remaining bytes (masked for a client) into {@code dst},
     * advancing both positions; meant for control frames and small data frames. {@code payload}'s bytes are
     * left as they were.
     *
     * @throws IllegalArgumentException if the opcode is reserved, {@code rsv} is outside 0-7, or a control
     *                                  frame has RSV bits, FIN clear or more than 125 payload bytes
     * @throws BufferOverflowException  if {@code dst} lacks room for the whole frame; nothing is written then
     */
    public void writeFrame(ByteBuffer dst, boolean fin, int rsv, int opcode, ByteBuffer payload) {
        int length = payload.remaining();
        validate(fin, rsv, opcode, length);
        requireRoom(dst, (long) headerLength(length) + length);
        int key = putHeader(dst, fin, rsv, opcode, length);
        if (role.masksOutbound()) {
            Masker.maskCopy(payload, dst, key, 0);
        } else {
            dst.put(payload);
        }
    }

    /** Bytes a header for this payload length takes in this role: 2, 4 or 10, plus 4 for a client's key. */
    public int headerLength(long payloadLength) {
        if (payloadLength < 0) {
            throw new IllegalArgumentException("negative payload length: " + payloadLength);
        }
        int length = payloadLength <= 125 ? 2 : payloadLength <= 0xFFFF ? 4 : 10;
        return role.masksOutbound() ? length + MASK_KEY_LENGTH : length;
    }

    private int putHeader(ByteBuffer dst, boolean fin, int rsv, int opcode, long payloadLength) {
        dst.put((byte) ((fin ? 0x80 : 0) | rsv << 4 | opcode));
        int maskBit = role.masksOutbound() ? 0x80 : 0;
        if (payloadLength <= 125) {
            dst.put((byte) (maskBit | (int) payloadLength));
        } else if (payloadLength <= 0xFFFF) {
            dst.put((byte) (maskBit | 126));
            putBigEndian(dst, payloadLength, 2);
        } else {
            dst.put((byte) (maskBit | 127));
            putBigEndian(dst, payloadLength, 8);
        }
        if (!role.masksOutbound()) {
            return 0;
        }
        int key = maskKeys.nextKey();
        putBigEndian(dst, key, MASK_KEY_LENGTH);
        return key;
    }

    private static void validate(boolean fin, int rsv, int opcode, long payloadLength) {
        if (!OpCode.isDefined(opcode)) {
            throw new IllegalArgumentException("not a defined opcode: " + OpCode.name(opcode));
        }
        if (rsv < 0 || rsv > 7) {
            throw new IllegalArgumentException("RSV bits must be within 0-7: " + rsv);
        }
        if (payloadLength < 0) {
            throw new IllegalArgumentException("negative payload length: " + payloadLength);
        }
        if (OpCode.isControl(opcode)) {
            // the same rules the receiving parser enforces (§5.5): breaking them would fail the connection
            if (!fin) {
                throw new IllegalArgumentException(OpCode.name(opcode) + " frame must not be fragmented");
            }
            if (rsv != 0) {
                throw new IllegalArgumentException(OpCode.name(opcode) + " frame must not carry RSV bits");
            }
            if (payloadLength > FrameParser.MAX_CONTROL_PAYLOAD_LENGTH) {
                throw new IllegalArgumentException(OpCode.name(opcode) + " frame payload of " + payloadLength
                        + " bytes exceeds " + FrameParser.MAX_CONTROL_PAYLOAD_LENGTH);
            }
        }
    }

    private static void requireRoom(ByteBuffer dst, long bytes) {
        if (dst.remaining() < bytes) {
            throw new BufferOverflowException();
        }
    }

    /** Network byte order whatever {@code dst}'s {@link java.nio.ByteOrder}. */
    private static void putBigEndian(ByteBuffer dst, long value, int bytes) {
        for (int shift = 8 * (bytes - 1); shift >= 0; shift -= 8) {
            dst.put((byte) (value >>> shift));
        }
    }
}
