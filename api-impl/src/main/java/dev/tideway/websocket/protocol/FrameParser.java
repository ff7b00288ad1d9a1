package dev.tideway.websocket.protocol;

import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * Reads RFC 6455 frames (§5.2) from bytes that may arrive split at any position, validates their headers,
 * unmasks their payload and hands each frame to a {@link Listener}.
 *
 * <p>The parser knows frames, not messages: it does not check that continuation frames follow a started
 * message, nor validate UTF-8; the message assembler above it does. It allocates nothing per frame: one
 * {@link FrameHeader} is reused, data payload is delivered as a narrowed view of the caller's buffer, and a
 * control payload is copied (into one 125-byte buffer, allocated the first time it is needed) only when it
 * arrives split across input buffers.
 *
 * <p>Not thread-safe: one parser per connection, fed by one reader at a time.
 */
public final class FrameParser {

    /** Receives the frames a parser reads, one callback per {@link #parse(ByteBuffer)} call at most. */
    public interface Listener {
        /**
         * A chunk of a data frame's payload (opcode TEXT, BINARY or CONTINUATION), already unmasked.
         * {@code payload} is the input buffer itself with position/limit narrowed to the chunk; it is valid
         * only during the call. The listener may read it (moving its position is allowed: the parser restores
         * position and limit itself afterwards). A frame's first chunk has {@code frameStart}, its last
         * {@code frameEnd}; a frame with an empty payload is one call with an empty buffer and both true.
         */
        void onDataFrame(FrameHeader header, ByteBuffer payload, boolean frameStart, boolean frameEnd)
                throws ProtocolException;

        /**
         * A whole control frame (CLOSE, PING, PONG), payload unmasked, at most 125 bytes. The header and the
         * payload buffer are valid only during the call.
         */
        void onControlFrame(FrameHeader header, ByteBuffer payload) throws ProtocolException;
    }

    /** Control frames carry at most 125 payload bytes (§5.5). */
    public static final int MAX_CONTROL_PAYLOAD_LENGTH = 125;

    /**
     * No limit beyond the protocol's own (a 63-bit length). The parser never buffers a data payload, so a
     * frame limit protects no memory here; limits on what is buffered belong to the message layer. And
     * browsers send every message as a single frame, so a frame limit below the message limit would refuse
     * messages the application accepts.
     */
    public static final long DEFAULT_MAX_FRAME_PAYLOAD_LENGTH = Long.MAX_VALUE;

    /** Where the parser is within the current frame; header states consume one byte per step. */
    private enum State {
        /** FIN, RSV1-3 and the opcode. */
        FIRST_BYTE,
        /** The MASK bit and the 7-bit payload length (or the marker 126/127 of an extended length). */
        LENGTH_BYTE,
        /** The 16-bit or 64-bit extended payload length, most significant byte first. */
        EXTENDED_LENGTH,
        /** The four bytes of the masking key. */
        MASK_KEY,
        /** Delivering a data frame's payload chunk by chunk, as it arrives. */
        DATA_PAYLOAD,
        /** Collecting a control frame's payload, delivered whole. */
        CONTROL_PAYLOAD,
        /** A protocol violation was thrown; the connection is being failed and no byte is read again. */
        FAILED
    }

    private final Role role;
    private final Listener listener;
    private final FrameHeader header = new FrameHeader();

    private int allowedRsv;
    private long maxFramePayloadLength = DEFAULT_MAX_FRAME_PAYLOAD_LENGTH;

    private State state = State.FIRST_BYTE;
    /** Extended-length or mask-key bytes still to read in the current header state. */
    private int headerBytesLeft;
    /** The payload length, or in EXTENDED_LENGTH the part of it read so far. */
    private long payloadLength;
    /** The masking key, or in MASK_KEY the part of it read so far. */
    private int maskKey;
    /** Index within the frame's payload of the next payload byte: the masking phase and the progress. */
    private long payloadIndex;
    /** Holds a control payload that arrives split across input buffers. */
    private ByteBuffer controlPayload;

    public FrameParser(Role role, Listener listener) {
        this.role = Objects.requireNonNull(role, "role");
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    /**
     * RSV bits ({@link FrameHeader#RSV1} etc.) that negotiated extensions own on data frames; by default
     * none. Control frames never carry RSV bits, whatever is allowed here.
     */
    public void allowRsv(int rsvBits) {
        if (rsvBits < 0 || rsvBits > 7) {
            throw new IllegalArgumentException("RSV bits must be within 0-7: " + rsvBits);
        }
        this.allowedRsv = rsvBits;
    }

    /**
     * Data frames whose declared payload length exceeds {@code max} fail with {@link CloseCodes#MESSAGE_TOO_BIG}
     * as soon as the length bytes read so far show it. Control frames are bounded by the protocol's 125 bytes
     * instead, so that a close frame with a reason can always be received. Defaults to
     * {@link #DEFAULT_MAX_FRAME_PAYLOAD_LENGTH}.
     */
    public void maxFramePayloadLength(long max) {
        if (max < 0) {
            throw new IllegalArgumentException("maximum frame payload length must not be negative: " + max);
        }
        this.maxFramePayloadLength = max;
    }

    /**
     * Consumes bytes of {@code in} until exactly one callback was made or {@code in} is exhausted. Payload
     * bytes are unmasked in place in {@code in}. On return {@code in}'s limit is unchanged and its position
     * is after the bytes consumed.
     *
     * @return whether a callback was made
     * @throws ProtocolException     on the first protocol violation (or one thrown by the listener), with
     *                               the close code to fail the connection with; the parser is dead afterwards
     * @throws IllegalStateException if called after a {@code ProtocolException}
     */
    public boolean parse(ByteBuffer in) throws ProtocolException {
        try {
            while (true) {
                switch (state) {
                    case FIRST_BYTE, LENGTH_BYTE, EXTENDED_LENGTH, MASK_KEY -> {
                        if (!in.hasRemaining()) {
                            return false;
                        }
                        readHeaderByte(in.get() & 0xFF);
                    }
                    case DATA_PAYLOAD -> {
                        return deliverDataChunk(in);
                    }
                    case CONTROL_PAYLOAD -> {
                        return deliverControlFrame(in);
                    }
                    case FAILED -> throw new IllegalStateException(
                            "the parser failed on an earlier protocol violation");
                }
            }
        } catch (ProtocolException e) {
            state = State.FAILED;
            throw e;
        }
    }

    private void readHeaderByte(int b) throws ProtocolException {
        switch (state) {
            case FIRST_BYTE -> readFirstByte(b);
            case LENGTH_BYTE -> readLengthByte(b);
            case EXTENDED_LENGTH -> readExtendedLengthByte(b);
            case MASK_KEY -> readMaskKeyByte(b);
            default -> throw new AssertionError("not a header state: " + state);
        }
    }

    private void readFirstByte(int b) throws ProtocolException {
        header.setFirstByte(b);
        int opcode = header.opcode();
        if (!OpCode.isDefined(opcode)) {
            throw ProtocolException.protocolError("Reserved opcode 0x" + Integer.toHexString(opcode));
        }
        if (header.isControl()) {
            if (header.rsv() != 0) {
                throw ProtocolException.protocolError(
                        "RSV bits 0x" + Integer.toHexString(header.rsv()) + " set on a " + OpCode.name(opcode)
                                + " frame; control frames carry none");
            }
            if (!header.fin()) {
                throw ProtocolException.protocolError("Fragmented " + OpCode.name(opcode)
                        + " frame (FIN clear); control frames must not be fragmented");
            }
        } else if ((header.rsv() & ~allowedRsv) != 0) {
            throw ProtocolException.protocolError(
                    "RSV bits 0x" + Integer.toHexString(header.rsv() & ~allowedRsv) + " set on a "
                            + OpCode.name(opcode) + " frame but no negotiated extension uses them");
        }
        state = State.LENGTH_BYTE;
    }

    private void readLengthByte(int b) throws ProtocolException {
        boolean masked = (b & 0x80) != 0;
        if (masked != role.expectsMaskedInbound()) {
            throw ProtocolException.protocolError(masked
                    ? "Masked frame received from a server; servers must not mask"
                    : "Unmasked frame received from a client; clients must mask every frame");
        }
        header.setMasked(masked);
        int length7 = b & 0x7F;
        // Non-minimal length encodings (say 5 as a 16-bit length) are accepted although §5.2 tells the
        // sender to use the minimal one: the length is unambiguous either way, and §5.2 does not make
        // the receiver fail the connection over it. The limits below apply to the value, however encoded.
        payloadLength = 0;
        switch (length7) {
            case 126 -> startExtendedLength(2);
            case 127 -> startExtendedLength(8);
            default -> {
                payloadLength = length7;
                checkLengthSoFar(0);
                lengthComplete();
            }
        }
    }

    private void startExtendedLength(int bytes) {
        headerBytesLeft = bytes;
        state = State.EXTENDED_LENGTH;
    }

    private void readExtendedLengthByte(int b) throws ProtocolException {
        if (headerBytesLeft == 8 && (b & 0x80) != 0) {
            throw ProtocolException.protocolError("64-bit payload length with the most significant bit set");
        }
        payloadLength = (payloadLength << 8) | b;
        headerBytesLeft--;
        checkLengthSoFar(headerBytesLeft);
        if (headerBytesLeft == 0) {
            lengthComplete();
        }
    }

    /**
     * Fails as soon as the length bytes read so far prove the frame too long: whatever the
     * {@code bytesToCome} remaining bytes are, the length is at least {@code payloadLength << 8*bytesToCome},
     * and that exceeds {@code limit} exactly when {@code payloadLength > limit >>> 8*bytesToCome}.
     */
    private void checkLengthSoFar(int bytesToCome) throws ProtocolException {
        // a long, so that the shift below is not taken modulo 32
        long limit = header.isControl() ? MAX_CONTROL_PAYLOAD_LENGTH : maxFramePayloadLength;
        if (payloadLength <= limit >>> (8 * bytesToCome)) {
            return;
        }
        String frame = OpCode.name(header.opcode()) + " frame payload longer than ";
        throw header.isControl()
                ? ProtocolException.protocolError(frame + MAX_CONTROL_PAYLOAD_LENGTH + " bytes")
                : ProtocolException.tooBig(frame + "the limit of " + maxFramePayloadLength + " bytes");
    }

    private void lengthComplete() {
        header.setPayloadLength(payloadLength);
        if (header.masked()) {
            maskKey = 0;
            headerBytesLeft = 4;
            state = State.MASK_KEY;
        } else {
            startPayload();
        }
    }

    private void readMaskKeyByte(int b) {
        maskKey = (maskKey << 8) | b;
        if (--headerBytesLeft == 0) {
            header.setMaskKey(maskKey);
            startPayload();
        }
    }

    private void startPayload() {
        payloadIndex = 0;
        state = header.isControl() ? State.CONTROL_PAYLOAD : State.DATA_PAYLOAD;
    }

    /** Delivers the part of the data payload {@code in} holds; an empty frame is delivered at once. */
    private boolean deliverDataChunk(ByteBuffer in) throws ProtocolException {
        long frameBytesLeft = payloadLength - payloadIndex;
        if (frameBytesLeft > 0 && !in.hasRemaining()) {
            return false;
        }
        int from = in.position();
        int to = from + (int) Math.min(frameBytesLeft, in.remaining());
        boolean frameStart = payloadIndex == 0;
        unmask(in, from, to);
        payloadIndex += to - from;
        boolean frameEnd = payloadIndex == payloadLength;
        if (frameEnd) {
            state = State.FIRST_BYTE;
        }
        int limit = in.limit();
        in.limit(to);
        try {
            listener.onDataFrame(header, in, frameStart, frameEnd);
        } finally {
            in.limit(limit).position(to);
        }
        return true;
    }

    /**
     * Delivers the control frame when its whole payload is in hand: in place when {@code in} holds all of
     * it, else from {@link #controlPayload}, into which split pieces are collected.
     */
    private boolean deliverControlFrame(ByteBuffer in) throws ProtocolException {
        int length = (int) payloadLength;
        int from = in.position();
        if (payloadIndex == 0 && in.remaining() >= length) {
            int to = from + length;
            unmask(in, from, to);
            state = State.FIRST_BYTE;
            int limit = in.limit();
            in.limit(to);
            try {
                listener.onControlFrame(header, in);
            } finally {
                in.limit(limit).position(to);
            }
            return true;
        }
        int chunk = (int) Math.min(length - payloadIndex, in.remaining());
        unmask(in, from, from + chunk);
        controlPayloadBuffer().put((int) payloadIndex, in, from, chunk);
        in.position(from + chunk);
        payloadIndex += chunk;
        if (payloadIndex < length) {
            return false;
        }
        state = State.FIRST_BYTE;
        controlPayload.limit(length).position(0);
        listener.onControlFrame(header, controlPayload);
        return true;
    }

    private ByteBuffer controlPayloadBuffer() {
        if (controlPayload == null) {
            controlPayload = ByteBuffer.allocate(MAX_CONTROL_PAYLOAD_LENGTH);
        }
        // absolute puts below need the full capacity; the limit of the previous delivery may be smaller
        return controlPayload.clear();
    }

    private void unmask(ByteBuffer in, int from, int to) {
        if (header.masked() && from < to) {
            Masker.maskInPlace(in, from, to, maskKey, payloadIndex);
        }
    }
}
