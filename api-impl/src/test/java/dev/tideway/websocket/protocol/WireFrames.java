package dev.tideway.websocket.protocol;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads frames back from bytes an engine wrote, with a decoder written independently of
 * {@link FrameParser} (a test should not trust the code it checks). Unmasks masked frames and records
 * whether they were masked.
 */
final class WireFrames {
    /** One frame as found on the wire. */
    record Frame(boolean fin, int rsv, int opcode, boolean masked, byte[] payload) {
        String text() {
            return new String(payload, StandardCharsets.UTF_8);
        }

        int closeCode() {
            return payload.length < 2 ? CloseCodes.NO_STATUS_RECEIVED
                    : ((payload[0] & 0xFF) << 8) | (payload[1] & 0xFF);
        }

        String closeReason() {
            return payload.length < 2 ? "" : new String(payload, 2, payload.length - 2, StandardCharsets.UTF_8);
        }
    }

    private WireFrames() {
    }

    static List<Frame> parse(byte[] wire) {
        List<Frame> frames = new ArrayList<>();
        ByteBuffer in = ByteBuffer.wrap(wire);
        while (in.hasRemaining()) {
            int b0 = in.get() & 0xFF;
            int b1 = in.get() & 0xFF;
            long length = b1 & 0x7F;
            if (length == 126) {
                length = in.getShort() & 0xFFFF;
            } else if (length == 127) {
                length = in.getLong();
            }
            boolean masked = (b1 & 0x80) != 0;
            int key = masked ? in.getInt() : 0;
            byte[] payload = new byte[(int) length];
            in.get(payload);
            for (int i = 0; masked && i < payload.length; i++) {
                payload[i] ^= (byte) (key >> (24 - 8 * (i & 3)));
            }
            frames.add(new Frame((b0 & 0x80) != 0, (b0 >> 4) & 7, b0 & 0xF, masked, payload));
        }
        return frames;
    }
}
