package dev.tideway.websocket.protocol;

/**
 * The header of one frame (RFC 6455 §5.2) as the parser read it. One instance is owned by each parser and
 * overwritten for every frame, so that parsing allocates nothing per frame: a listener must not keep a
 * reference to it past the callback that received it.
 */
public final class FrameHeader {
    /** RSV bit masks as they sit in {@link #rsv()}: RSV1 is the highest of the three. */
    public static final int RSV1 = 0x4;
    public static final int RSV2 = 0x2;
    public static final int RSV3 = 0x1;

    private boolean fin;
    private int rsv;
    private int opcode;
    private boolean masked;
    private int maskKey;
    private long payloadLength;

    public boolean fin() {
        return fin;
    }

    /** The three RSV bits as a number 0-7 ({@link #RSV1} | {@link #RSV2} | {@link #RSV3}). */
    public int rsv() {
        return rsv;
    }

    public int opcode() {
        return opcode;
    }

    public boolean masked() {
        return masked;
    }

    /** The masking key, first key byte in the most significant position; 0 when not masked. */
    public int maskKey() {
        return maskKey;
    }

    public long payloadLength() {
        return payloadLength;
    }

    public boolean isControl() {
        return OpCode.isControl(opcode);
    }

    /** Sets the fields of the first header byte. */
    void setFirstByte(int b0) {
        this.fin = (b0 & 0x80) != 0;
        this.rsv = (b0 >> 4) & 0x7;
        this.opcode = b0 & 0xF;
    }

    void setMasked(boolean masked) {
        this.masked = masked;
        if (!masked) {
            this.maskKey = 0;
        }
    }

    void setMaskKey(int maskKey) {
        this.maskKey = maskKey;
    }

    void setPayloadLength(long payloadLength) {
        this.payloadLength = payloadLength;
    }

    @Override
    public String toString() {
        return OpCode.name(opcode) + "[fin=" + fin + ", rsv=" + rsv + ", masked=" + masked
                + ", length=" + payloadLength + "]";
    }
}
