package dev.tideway.websocket.protocol;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Builds the bytes of one frame by hand, the way RFC 6455 §5.2 draws them, valid or deliberately not. It
 * shares no code with {@link FrameGenerator} or {@link Masker}, so parser tests do not trust the code they
 * test to make their input. Defaults: FIN set, no RSV bits, unmasked, minimal length encoding, the length
 * declared being the payload's.
 */
public final class WireFrame {
    /** How the payload length is written: the minimal form, or a forced (possibly non-minimal) one. */
    public enum LengthEncoding {
        MINIMAL, SEVEN_BIT, SIXTEEN_BIT, SIXTY_FOUR_BIT
    }

    private final int opcode;
    private final byte[] payload;
    private boolean fin = true;
    private int rsv;
    private boolean masked;
    private int maskKey;
    private Long declaredLength;
    private LengthEncoding encoding = LengthEncoding.MINIMAL;

    private WireFrame(int opcode, byte[] payload) {
        this.opcode = opcode;
        this.payload = payload.clone();
    }

    public static WireFrame frame(int opcode, byte[] payload) {
        return new WireFrame(opcode, payload);
    }

    public static WireFrame text(String payload) {
        return frame(OpCode.TEXT, payload.getBytes(StandardCharsets.UTF_8));
    }

    /** A frame whose payload is {@code length} bytes counting up from 0 (mod 256). */
    public static WireFrame counting(int opcode, int length) {
        byte[] payload = new byte[length];
        for (int i = 0; i < length; i++) {
            payload[i] = (byte) i;
        }
        return frame(opcode, payload);
    }

    public WireFrame fin(boolean fin) {
        this.fin = fin;
        return this;
    }

    public WireFrame rsv(int rsv) {
        this.rsv = rsv;
        return this;
    }

    /** Sets the MASK bit, writes {@code key} and masks the payload with it. */
    public WireFrame masked(int key) {
        this.masked = true;
        this.maskKey = key;
        return this;
    }

    /** Valid for {@code reader} to receive: masked with {@code key} for a server, unmasked for a client. */
    public WireFrame maskedFor(Role reader, int key) {
        this.masked = reader.expectsMaskedInbound();
        this.maskKey = key;
        return this;
    }

    /** Writes this length instead of the payload's (the payload bytes written stay the same). */
    public WireFrame declaredLength(long length) {
        this.declaredLength = length;
        return this;
    }

    public WireFrame encoding(LengthEncoding encoding) {
        this.encoding = encoding;
        return this;
    }

    /** What a correct parser delivers for this frame. */
    public RecordedFrame expected() {
        return RecordedFrame.of(opcode, fin, rsv, payload);
    }

    /** The number of bytes before the payload. */
    public int headerLength() {
        return bytes().length - payload.length;
    }

    public byte[] bytes() {
        long length = declaredLength != null ? declaredLength : payload.length;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write((fin ? 0x80 : 0) | rsv << 4 | opcode);
        int maskBit = masked ? 0x80 : 0;
        switch (encodingFor(length)) {
            case SEVEN_BIT -> out.write(maskBit | (int) length);
            case SIXTEEN_BIT -> {
                out.write(maskBit | 126);
                writeBigEndian(out, length, 2);
            }
            case SIXTY_FOUR_BIT -> {
                out.write(maskBit | 127);
                writeBigEndian(out, length, 8);
            }
            default -> throw new AssertionError(encoding);
        }
        if (masked) {
            writeBigEndian(out, maskKey, 4);
        }
        for (int i = 0; i < payload.length; i++) {
            int keyByte = masked ? maskKey >>> (8 * (3 - i % 4)) : 0;
            out.write(payload[i] ^ keyByte);
        }
        return out.toByteArray();
    }

    private LengthEncoding encodingFor(long length) {
        if (encoding != LengthEncoding.MINIMAL) {
            return encoding;
        }
        return length <= 125 ? LengthEncoding.SEVEN_BIT
                : length <= 0xFFFF ? LengthEncoding.SIXTEEN_BIT
                : LengthEncoding.SIXTY_FOUR_BIT;
    }

    private static void writeBigEndian(ByteArrayOutputStream out, long value, int bytes) {
        for (int shift = 8 * (bytes - 1); shift >= 0; shift -= 8) {
            out.write((int) (value >>> shift));
        }
    }

    /** The bytes of several frames back to back. */
    public static byte[] concat(WireFrame... frames) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (WireFrame frame : frames) {
            out.writeBytes(frame.bytes());
        }
        return out.toByteArray();
    }
}
