package dev.tideway.websocket.protocol;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * Builds raw frames byte by byte for tests, including frames no generator would produce (reserved
 * opcodes, stray RSV bits, wrong masking, non-minimal lengths), and joins them into one input. Remembers
 * where each frame ends, so that a test can also deliver them one frame per read.
 */
final class TestFrames {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    /** Offsets in {@link #out} where a frame (or a piece of {@link #raw}) ends. */
    private final List<Integer> ends = new ArrayList<>();
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
        return close(code, utf8(reason));
    }

    /** A close frame with a reason of any bytes, valid UTF-8 or not. */
    TestFrames close(int code, byte[] r) {
        byte[] payload = new byte[2 + r.length];
        payload[0] = (byte) (code >> 8);
        payload[1] = (byte) code;
        System.arraycopy(r, 0, payload, 2, r.length);
        return frame(true, 0, OpCode.CLOSE, payload);
    }

    /**
     * A message of {@code opcode} in frames of {@code fragmentSize} payload bytes (the last may be shorter),
     * as a sender that fragments automatically writes it; an empty message is one empty frame.
     */
    TestFrames fragmented(int opcode, byte[] payload, int fragmentSize) {
        int start = 0;
        do {
            int end = Math.min(payload.length, start + fragmentSize);
            frame(end == payload.length, 0, start == 0 ? opcode : OpCode.CONTINUATION,
                    Arrays.copyOfRange(payload, start, end));
            start = end;
        } while (start < payload.length);
        return this;
    }

    /** A frame without RSV bits carrying text, whatever its opcode (a fragment, a ping, a reserved opcode). */
    TestFrames frame(boolean fin, int opcode, String text) {
        return frame(fin, 0, opcode, utf8(text));
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
            return frameEnd();
        }
        int key = nextKey;
        nextKey = Integer.rotateLeft(nextKey * 31 + 7, 5);
        for (int shift = 24; shift >= 0; shift -= 8) {
            out.write(key >> shift);
        }
        byte[] maskedPayload = new byte[length];
        for (int i = 0; i < length; i++) {
            maskedPayload[i] = (byte) (payload[i] ^ (key >> (24 - 8 * (i & 3))));
        }
        out.writeBytes(maskedPayload);
        return frameEnd();
    }

    /** Bytes that go on the wire as they are (a truncated header, say). */
    TestFrames raw(int... bytes) {
        for (int b : bytes) {
            out.write(b);
        }
        return frameEnd();
    }

    private TestFrames frameEnd() {
        ends.add(out.size());
        return this;
    }

    /** Offset of the first byte of frame {@code index} (a piece of {@link #raw} counts as a frame). */
    int frameStart(int index) {
        return index == 0 ? 0 : ends.get(index - 1);
    }

    /** Offset of the last byte of frame {@code index}. */
    int frameLast(int index) {
        return ends.get(index) - 1;
    }

    /** Each frame (or piece of {@link #raw}) on its own, in order: the input delivered one frame per read. */
    List<byte[]> frames() {
        byte[] all = bytes();
        List<byte[]> frames = new ArrayList<>(ends.size());
        int start = 0;
        for (int end : ends) {
            frames.add(Arrays.copyOfRange(all, start, end));
            start = end;
        }
        return frames;
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

    /** {@code length} bytes of {@code pattern}'s UTF-8 repeated (and cut), as Autobahn fills large payloads. */
    static byte[] repeated(String pattern, int length) {
        return repeated(utf8(pattern), length);
    }

    /** {@code length} bytes of {@code unit} repeated (and cut). */
    static byte[] repeated(byte[] unit, int length) {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i += unit.length) {
            System.arraycopy(unit, 0, bytes, i, Math.min(unit.length, length - i));
        }
        return bytes;
    }

    /** Bytes from hex pairs, spaces allowed between them: {@code "CE BA E1"}. */
    static byte[] hex(String pairs) {
        return HexFormat.of().parseHex(pairs.replace(" ", ""));
    }
}
