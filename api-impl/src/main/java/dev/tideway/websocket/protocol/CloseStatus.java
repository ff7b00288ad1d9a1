package dev.tideway.websocket.protocol;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * The status of a close frame (RFC 6455 §5.5.1, §7.4): a code and a UTF-8 reason. Also the outcome reported
 * when a connection ends, where the reserved codes 1005 (no status in the peer's close frame) and 1006
 * (no close frame at all) may appear although they never go on the wire.
 */
public record CloseStatus(int code, String reason) {
    /** A control frame's payload is at most 125 bytes, two of which hold the code. */
    public static final int MAX_REASON_BYTES = 123;

    public static final CloseStatus NORMAL = new CloseStatus(CloseCodes.NORMAL_CLOSURE, "");
    public static final CloseStatus NO_STATUS = new CloseStatus(CloseCodes.NO_STATUS_RECEIVED, "");
    public static final CloseStatus ABNORMAL = new CloseStatus(CloseCodes.ABNORMAL_CLOSURE, "");

    public CloseStatus {
        Objects.requireNonNull(reason, "reason");
    }

    /**
     * Reads the payload of a received close frame.
     *
     * @throws ProtocolException 1002 for a one-byte payload or a code that may not be on the wire, 1007
     *                           for a reason that is not valid UTF-8
     */
    public static CloseStatus parse(ByteBuffer payload) throws ProtocolException {
        int length = payload.remaining();
        if (length == 0) {
            return NO_STATUS;
        }
        if (length == 1) {
            throw ProtocolException.protocolError("Close frame with a one-byte payload");
        }
        int code = Short.toUnsignedInt(payload.getShort(payload.position()));
        if (!CloseCodes.isValidOnWire(code)) {
            throw ProtocolException.protocolError("Close frame with invalid status code " + code);
        }
        ByteBuffer reasonBytes = payload.duplicate();
        reasonBytes.position(payload.position() + 2);
        return new CloseStatus(code, decodeReason(reasonBytes));
    }

    private static String decodeReason(ByteBuffer bytes) throws ProtocolException {
        if (!bytes.hasRemaining()) {
            return "";
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            CharBuffer chars = decoder.decode(bytes);
            return chars.toString();
        } catch (CharacterCodingException e) {
            throw new ProtocolException(CloseCodes.INVALID_PAYLOAD_DATA, "Close reason is not valid UTF-8", e);
        }
    }

    /**
     * The payload of a close frame carrying this status: empty for {@link #NO_STATUS}, otherwise the code
     * and the reason, cut to {@value #MAX_REASON_BYTES} bytes at a character boundary.
     */
    public ByteBuffer toPayload() {
        if (code == CloseCodes.NO_STATUS_RECEIVED) {
            return ByteBuffer.allocate(0);
        }
        byte[] reasonBytes = truncatedReason();
        ByteBuffer payload = ByteBuffer.allocate(2 + reasonBytes.length);
        payload.putShort((short) code).put(reasonBytes).flip();
        return payload;
    }

    private byte[] truncatedReason() {
        byte[] bytes = reason.getBytes(StandardCharsets.UTF_8);
        if (bytes.length <= MAX_REASON_BYTES) {
            return bytes;
        }
        int end = MAX_REASON_BYTES;
        // step back over continuation bytes (10xxxxxx) so the cut falls before a character's first byte
        while ((bytes[end] & 0xC0) == 0x80) {
            end--;
        }
        return java.util.Arrays.copyOf(bytes, end);
    }
}
