package dev.tideway.websocket.client;

import jakarta.websocket.DecodeException;
import jakarta.websocket.Decoder;
import jakarta.websocket.Encoder;
import java.nio.ByteBuffer;

/** A message type and its coders for the container's tests: text {@code "x,y"}, binary two big-endian ints. */
final class PointCoders {

    private PointCoders() {
    }

    /** The application's message type. */
    record Point(int x, int y) {
    }

    public static class TextEncoder implements Encoder.Text<Point> {
        @Override
        public String encode(Point point) {
            return point.x() + "," + point.y();
        }
    }

    public static class TextDecoder implements Decoder.Text<Point> {
        @Override
        public Point decode(String text) throws DecodeException {
            String[] parts = text.split(",");
            try {
                return new Point(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]));
            } catch (RuntimeException e) {
                throw new DecodeException(text, "not a point", e);
            }
        }

        @Override
        public boolean willDecode(String text) {
            return text.matches("-?\\d+,-?\\d+");
        }
    }

    public static class BinaryEncoder implements Encoder.Binary<Point> {
        @Override
        public ByteBuffer encode(Point point) {
            return ByteBuffer.allocate(8).putInt(point.x()).putInt(point.y()).flip();
        }
    }

    public static class BinaryDecoder implements Decoder.Binary<Point> {
        @Override
        public Point decode(ByteBuffer bytes) {
            return new Point(bytes.getInt(), bytes.getInt());
        }

        @Override
        public boolean willDecode(ByteBuffer bytes) {
            return bytes.remaining() == 8;
        }
    }
}
