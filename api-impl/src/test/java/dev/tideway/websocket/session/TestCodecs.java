package dev.tideway.websocket.session;

import jakarta.websocket.DecodeException;
import jakarta.websocket.Decoder;
import jakarta.websocket.EncodeException;
import jakarta.websocket.Encoder;
import jakarta.websocket.EndpointConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Decoders and encoders for the session tests, one of each of the eight kinds. Each records its
 * {@code init} and {@code destroy} in the endpoint configuration's {@value #LIFECYCLE} user property (when
 * the test put a queue there), so a test sees the life cycle of the instances of its own sessions.
 */
final class TestCodecs {
    /** User property: a {@code Queue<String>} receiving "init Name" and "destroy Name". */
    static final String LIFECYCLE = "test.lifecycle";

    private TestCodecs() {
    }

    /** A queue for {@link #LIFECYCLE}, put into {@code config}. */
    static Queue<String> recordLifecycle(EndpointConfig config) {
        Queue<String> events = new ConcurrentLinkedQueue<>();
        config.getUserProperties().put(LIFECYCLE, events);
        return events;
    }

    record Point(int x, int y) {
    }

    record Word(String text) {
    }

    record Blob(String hex) {
    }

    record Temperature(double value, String decodedBy) {
    }

    record Pixel(int rgb) {
    }

    record Bytes(int count) {
    }

    record Unencodable() {
    }

    /** Records init and destroy; the coders below inherit this to implement Decoder's and Encoder's. */
    abstract static class Recorded {
        private EndpointConfig config;

        public void init(EndpointConfig config) {
            this.config = config;
            record("init");
        }

        public void destroy() {
            record("destroy");
        }

        @SuppressWarnings("unchecked")
        private void record(String event) {
            Object events = config.getUserProperties().get(LIFECYCLE);
            if (events instanceof Queue<?> queue) {
                ((Queue<String>) queue).add(event + " " + getClass().getSimpleName());
            }
        }
    }

    /** "x,y" to a Point; fails with a DecodeException on anything else with a comma. */
    public static class PointTextDecoder extends Recorded implements Decoder.Text<Point> {
        @Override
        public Point decode(String s) throws DecodeException {
            String[] parts = s.split(",");
            try {
                return new Point(Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim()));
            } catch (RuntimeException e) {
                throw new DecodeException(s, "not a point: " + s, e);
            }
        }

        @Override
        public boolean willDecode(String s) {
            return s.contains(",");
        }
    }

    /** Eight bytes (two ints) to a Point. */
    public static class PointBinaryDecoder extends Recorded implements Decoder.Binary<Point> {
        @Override
        public Point decode(ByteBuffer bytes) {
            return new Point(bytes.getInt(), bytes.getInt());
        }

        @Override
        public boolean willDecode(ByteBuffer bytes) {
            return bytes.remaining() == 8;
        }
    }

    /** The whole text, read from a Reader. */
    public static class WordTextStreamDecoder extends Recorded implements Decoder.TextStream<Word> {
        @Override
        public Word decode(Reader reader) throws IOException {
            StringWriter text = new StringWriter();
            reader.transferTo(text);
            return new Word(text.toString());
        }
    }

    /** The bytes in hex, read from an InputStream. */
    public static class BlobBinaryStreamDecoder extends Recorded implements Decoder.BinaryStream<Blob> {
        @Override
        public Blob decode(InputStream stream) throws IOException {
            return new Blob(HexFormat.of().formatHex(stream.readAllBytes()));
        }
    }

    /** Takes "20C"; declared before {@link FahrenheitDecoder} for the same type. */
    public static class CelsiusDecoder extends Recorded implements Decoder.Text<Temperature> {
        @Override
        public Temperature decode(String s) {
            return new Temperature(Double.parseDouble(s.substring(0, s.length() - 1)), "celsius");
        }

        @Override
        public boolean willDecode(String s) {
            return s.endsWith("C");
        }
    }

    /** Decodes text to a Reader of its upper case, where the built-in Reader would stream it unchanged. */
    public static class ShoutingReaderDecoder extends Recorded implements Decoder.Text<Reader> {
        @Override
        public Reader decode(String s) {
            return new StringReader(s.toUpperCase(Locale.ROOT));
        }

        @Override
        public boolean willDecode(String s) {
            return true;
        }
    }

    /** Takes "68F". */
    public static class FahrenheitDecoder extends Recorded implements Decoder.Text<Temperature> {
        @Override
        public Temperature decode(String s) {
            return new Temperature(Double.parseDouble(s.substring(0, s.length() - 1)), "fahrenheit");
        }

        @Override
        public boolean willDecode(String s) {
            return s.endsWith("F");
        }
    }

    /** A Point as "x,y". */
    public static class PointTextEncoder extends Recorded implements Encoder.Text<Point> {
        @Override
        public String encode(Point point) {
            return point.x() + "," + point.y();
        }
    }

    /** A Word written to a Writer, in brackets. */
    public static class WordTextStreamEncoder extends Recorded implements Encoder.TextStream<Word> {
        @Override
        public void encode(Word word, Writer writer) throws IOException {
            writer.write("[" + word.text() + "]");
        }
    }

    /** A Pixel as its three colour bytes. */
    public static class PixelBinaryEncoder extends Recorded implements Encoder.Binary<Pixel> {
        @Override
        public ByteBuffer encode(Pixel pixel) {
            int rgb = pixel.rgb();
            return ByteBuffer.wrap(new byte[] {(byte) (rgb >> 16), (byte) (rgb >> 8), (byte) rgb});
        }
    }

    /** Bytes(n) as the bytes 0, 1, ..., n-1 written to an OutputStream. */
    public static class BytesBinaryStreamEncoder extends Recorded implements Encoder.BinaryStream<Bytes> {
        @Override
        public void encode(Bytes bytes, OutputStream out) throws IOException {
            for (int i = 0; i < bytes.count(); i++) {
                out.write(i);
            }
        }
    }

    /** Always fails. */
    public static class FailingEncoder extends Recorded implements Encoder.Text<Unencodable> {
        @Override
        public String encode(Unencodable value) throws EncodeException {
            throw new EncodeException(value, "cannot encode " + value);
        }
    }

    /** Fails in {@code init}: the session cannot open its coders. */
    public static class FailingInitDecoder implements Decoder.Text<Word> {
        @Override
        public void init(EndpointConfig config) {
            throw new IllegalStateException("decoder init failed");
        }

        @Override
        public Word decode(String s) {
            return new Word(s);
        }

        @Override
        public boolean willDecode(String s) {
            return true;
        }
    }

    /** Every working decoder above, in a fixed order (Celsius before Fahrenheit). */
    static final List<Class<? extends Decoder>> ALL_DECODERS = List.of(PointTextDecoder.class,
            PointBinaryDecoder.class, WordTextStreamDecoder.class, BlobBinaryStreamDecoder.class,
            CelsiusDecoder.class, FahrenheitDecoder.class);

    /** Every encoder above. */
    static final List<Class<? extends Encoder>> ALL_ENCODERS = List.of(PointTextEncoder.class,
            WordTextStreamEncoder.class, PixelBinaryEncoder.class, BytesBinaryStreamEncoder.class,
            FailingEncoder.class);
}
