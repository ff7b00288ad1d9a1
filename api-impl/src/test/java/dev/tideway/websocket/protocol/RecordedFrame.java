package dev.tideway.websocket.protocol;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * One frame as a parser delivered it, whatever chunks its payload came in: opcode, FIN, RSV bits and the
 * (unmasked) payload bytes. Equal when all four are; the masking key is deliberately not part of it, so
 * frames read by either role compare equal.
 */
public final class RecordedFrame {
    private static final int SHOWN_PAYLOAD_BYTES = 16;

    private final int opcode;
    private final boolean fin;
    private final int rsv;
    private final byte[] payload;

    private RecordedFrame(int opcode, boolean fin, int rsv, byte[] payload) {
        this.opcode = opcode;
        this.fin = fin;
        this.rsv = rsv;
        this.payload = payload.clone();
    }

    public static RecordedFrame of(int opcode, boolean fin, int rsv, byte[] payload) {
        return new RecordedFrame(opcode, fin, rsv, payload);
    }

    /** A final frame without RSV bits. */
    public static RecordedFrame of(int opcode, byte[] payload) {
        return new RecordedFrame(opcode, true, 0, payload);
    }

    /** A final TEXT frame without RSV bits. */
    public static RecordedFrame text(String payload) {
        return of(OpCode.TEXT, payload.getBytes(StandardCharsets.UTF_8));
    }

    public int opcode() {
        return opcode;
    }

    public boolean fin() {
        return fin;
    }

    public int rsv() {
        return rsv;
    }

    public byte[] payload() {
        return payload.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RecordedFrame other
                && opcode == other.opcode
                && fin == other.fin
                && rsv == other.rsv
                && Arrays.equals(payload, other.payload);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * (31 * opcode + Boolean.hashCode(fin)) + rsv) + Arrays.hashCode(payload);
    }

    /** Shows the opcode, flags, length, the first payload bytes in hex and a hash of all of them. */
    @Override
    public String toString() {
        String shown = HexFormat.of().formatHex(payload, 0, Math.min(payload.length, SHOWN_PAYLOAD_BYTES));
        return OpCode.name(opcode) + "[fin=" + fin + ", rsv=" + rsv + ", length=" + payload.length
                + ", payload=" + shown + (payload.length > SHOWN_PAYLOAD_BYTES ? "..." : "")
                + ", hash=" + Integer.toHexString(Arrays.hashCode(payload)) + "]";
    }
}
