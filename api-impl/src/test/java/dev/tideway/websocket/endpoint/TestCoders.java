package dev.tideway.websocket.endpoint;

import jakarta.websocket.Decoder;
import jakarta.websocket.Encoder;

import java.io.Reader;
import java.nio.ByteBuffer;

/** Decoders and encoders for the endpoint tests. */
public final class TestCoders {

    private TestCoders() {
    }

    /** A decoded message type. */
    public record Foo(String value) {
    }

    /** A second decoded message type that only binary decoders produce. */
    public record Bar(int length) {
    }

    public static class FooTextDecoder implements Decoder.Text<Foo> {
        @Override
        public Foo decode(String s) {
            return new Foo(s);
        }

        @Override
        public boolean willDecode(String s) {
            return true;
        }
    }

    public static class FooTextStreamDecoder implements Decoder.TextStream<Foo> {
        @Override
        public Foo decode(Reader reader) {
            return new Foo("stream");
        }
    }

    public static class FooBinaryDecoder implements Decoder.Binary<Foo> {
        @Override
        public Foo decode(ByteBuffer bytes) {
            return new Foo("binary");
        }

        @Override
        public boolean willDecode(ByteBuffer bytes) {
            return true;
        }
    }

    public static class BarBinaryDecoder implements Decoder.Binary<Bar> {
        @Override
        public Bar decode(ByteBuffer bytes) {
            return new Bar(bytes.remaining());
        }

        @Override
        public boolean willDecode(ByteBuffer bytes) {
            return true;
        }
    }

    public static class IntegerTextDecoder implements Decoder.Text<Integer> {
        @Override
        public Integer decode(String s) {
            return s.length();
        }

        @Override
        public boolean willDecode(String s) {
            return true;
        }
    }

    public static class FooTextEncoder implements Encoder.Text<Foo> {
        @Override
        public String encode(Foo foo) {
            return foo.value();
        }
    }

    /** A decoder the endpoint cannot use: no public no-arg constructor. */
    public static class NoConstructorDecoder implements Decoder.Text<Foo> {
        public NoConstructorDecoder(String unused) {
        }

        @Override
        public Foo decode(String s) {
            return null;
        }

        @Override
        public boolean willDecode(String s) {
            return false;
        }
    }

    /** An encoder whose type argument is left open. */
    @SuppressWarnings("rawtypes")
    public static class RawEncoder implements Encoder.Text {
        @Override
        public String encode(Object object) {
            return String.valueOf(object);
        }
    }
}
