package dev.tideway.websocket.protocol;

/**
 * Frame opcodes of RFC 6455 §5.2. Plain {@code int} constants rather than an enum: the parser reads the
 * opcode straight from the wire and must be able to name the reserved values it rejects.
 */
public final class OpCode {
    public static final int CONTINUATION = 0x0;
    public static final int TEXT = 0x1;
    public static final int BINARY = 0x2;
    public static final int CLOSE = 0x8;
    public static final int PING = 0x9;
    public static final int PONG = 0xA;

    private OpCode() {
    }

    /** Control frames are the opcodes with the high bit set (§5.5). */
    public static boolean isControl(int opcode) {
        return (opcode & 0x8) != 0;
    }

    /** True for the six opcodes RFC 6455 defines; 3-7 and 0xB-0xF are reserved. */
    public static boolean isDefined(int opcode) {
        return switch (opcode) {
            case CONTINUATION, TEXT, BINARY, CLOSE, PING, PONG -> true;
            default -> false;
        };
    }

    public static String name(int opcode) {
        return switch (opcode) {
            case CONTINUATION -> "CONTINUATION";
            case TEXT -> "TEXT";
            case BINARY -> "BINARY";
            case CLOSE -> "CLOSE";
            case PING -> "PING";
            case PONG -> "PONG";
            default -> "RESERVED(0x" + Integer.toHexString(opcode) + ")";
        };
    }
}
