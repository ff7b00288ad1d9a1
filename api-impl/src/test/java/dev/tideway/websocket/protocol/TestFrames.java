package dev.tideway.websocket.protocol;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Builds raw frames byte by byte for tests, including frames no generator would produce (reserved
 * opcodes, stray RSV bits, wrong masking, non-minimal lengths), and joins them into one input.
 */
final class TestFrames {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final boolean mask;
    private int nextKey = 0x37FA213D;

    private TestFrames(boolean mask) {
        this.mask = mask;
    }

    /** Frames as a client sends them to a server: masked. */
    static TestFrames fromClient() {
        return new TestFrames(true);
    }

    /** Frames as a server sends them to a client: unmasked. */
    static TestFrames fromServer() {
        return new TestFrames(false);
    }

    TestFrames text(String text) {
        return frame(true, 0, OpCode.TEXT, utf8(text));
    }

    TestFrames binary(byte[] data) {
        return frame(true, 0, OpCode.BINARY, data);
    }

    TestFrames ping(byte[] data) {
        return frame(true, 0, OpCode.PING, data);
    }

    TestFrames pong(byte[] data) {
        return frame(true, 0, OpCode.PONG, data);
    }

    TestFrames close(int code, String reason) {
        byte[] r = utf8(reason);
        byte[] payload = new byte[2 + r.length];
        payload[0] = (byte) (code >> 8);
        payload[1] = (byte) code;
        System.arraycopy(r, 0, payload, 2, r.length);
        return frame(true, 0, OpCode.CLOSE, payload);
    }

    TestFrames frame(boolean fin, int rsv, int opcode, byte[] payload) {
        return frame(fin, rsv, opcode, payload, mask);
    }

    /** Any frame at all; the masking flag may contradict the direction on purpose. */
    TestFrames frame(boolean fin, int rsv, int opcode, byte[] payload, boolean masked) {
        out.write((fin ? 0x80 : 0) | (rsv << 4) | opcode);
        int maskBit = masked ? 0x80 : 0;
        int length = payload.length;
        if (length <= 125) {
            out.write(maskBit | length);
        } else if (length <= 0xFFFF) {
            out.write(maskBit | 126);
            out.write(length >> 8);
            out.write(length);
        } else {
            out.write(maskBit | 127);
            for (int shift = 56; shift >= 0; shift -= 8) {
                out.write((int) ((long) length >> shift));
            }
        }
        if (!masked) {
            out.writeBytes(payload);
            return this;
        }
        int key = nextKey;
        nextKey = Integer.rotateLeft(nextKey * 31 + 7, 5);
        for (int shift = 24; shift >= 0; shift -= 8) {
            out.write(key >> shift);
        }
        for (int i = 0; i < length; i++) {
            out.write(payload[i] ^ (key >> (24 - 8 * (i & 3))));
        }
        return this;
    }

    /** Bytes that go on the wire as they are (a truncated header, say). */
    TestFrames raw(int... bytes) {
        for (int b : bytes) {
            out.write(b);
        }
        return this;
    }

    byte[] bytes() {
        return out.toByteArray();
    }

    /** The frames in a writable heap buffer, as the engine wants its input. */
    ByteBuffer buffer() {
        return ByteBuffer.wrap(bytes());
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
