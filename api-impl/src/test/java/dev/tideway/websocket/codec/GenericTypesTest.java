package dev.tideway.websocket.codec;

import jakarta.websocket.Decoder;
import jakarta.websocket.Encoder;
import jakarta.websocket.MessageHandler;
import org.junit.jupiter.api.Test;

import java.io.Serializable;
import java.lang.reflect.Method;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

class GenericTypesTest {

    public record Foo() {
    }

    public abstract static class TextBase<T> implements Decoder.Text<T> {
        @Override
        public T decode(String s) {
            return null;
        }

        @Override
        public boolean willDecode(String s) {
            return false;
        }
    }

    public static class Direct extends TextBase<Foo> {
    }

    public abstract static class Renamed<U> extends TextBase<U> {
    }

    public static class TwoLevels extends Renamed<Foo> {
    }

    public interface FooText<X> extends Decoder.Text<X> {
    }

    public abstract static class ThroughInterface implements FooText<Foo> {
    }

    public abstract static class Parameterized implements Decoder.Text<List<String>> {
    }

    public abstract static class ArrayOfFoo implements Encoder.Binary<Foo[]> {
    }

    public abstract static class ArrayOfBytes implements Encoder.Binary<byte[]> {
    }

    public abstract static class GenericArray<T> implements Encoder.Text<T[]> {
    }

    public abstract static class GenericArrayOfFoo extends GenericArray<Foo> {
    }

    /** Binds one type parameter and passes the other on, in swapped order. */
    public abstract static class Pair<A, B> implements MessageHandler.Partial<B>, Map.Entry<A, B> {
    }

    public abstract static class PairOfFoo<K> extends Pair<K, Foo> {
    }

    @SuppressWarnings("rawtypes")
    public abstract static class Raw implements Decoder.Text {
    }

    public abstract static class Open<T> implements MessageHandler.Whole<T> {
    }

    public abstract static class Wildcard extends TextBase<List<? extends Number>> {
    }

    @Test
    void resolvesDirectArguments() {
        assertSame(Foo.class, GenericTypes.typeArgument(Direct.class, Decoder.Text.class, 0));
        assertSame(String.class, GenericTypes.typeArgument(StringWhole.class, MessageHandler.Whole.class, 0));
    }

    public static class StringWhole implements MessageHandler.Whole<String> {
        @Override
        public void onMessage(String message) {
        }
    }

    @Test
    void resolvesTypeVariablesBoundBySubclasses() {
        assertSame(Foo.class, GenericTypes.typeArgument(TwoLevels.class, Decoder.Text.class, 0));
        assertSame(Foo.class, GenericTypes.typeArgument(ThroughInterface.class, Decoder.Text.class, 0));
        assertSame(Foo.class, GenericTypes.typeArgument(PairOfFoo.class, MessageHandler.Partial.class, 0));
        assertNull(GenericTypes.typeArgument(PairOfFoo.class, Map.Entry.class, 0), "K stays open");
        assertSame(Foo.class, GenericTypes.typeArgument(PairOfFoo.class, Map.Entry.class, 1));
    }

    @Test
    void resolvesToRawClassesOfParameterizedAndArrayArguments() {
        assertSame(List.class, GenericTypes.typeArgument(Parameterized.class, Decoder.Text.class, 0));
        assertSame(List.class, GenericTypes.typeArgument(Wildcard.class, Decoder.Text.class, 0));
        assertSame(Foo[].class, GenericTypes.typeArgument(ArrayOfFoo.class, Encoder.Binary.class, 0));
        assertSame(byte[].class, GenericTypes.typeArgument(ArrayOfBytes.class, Encoder.Binary.class, 0));
        assertSame(Foo[].class, GenericTypes.typeArgument(GenericArrayOfFoo.class, Encoder.Text.class, 0));
    }

    @Test
    void resolvesAnonymousSubclasses() {
        MessageHandler.Whole<ByteBuffer> handler = new MessageHandler.Whole<>() {
            @Override
            public void onMessage(ByteBuffer message) {
            }
        };
        assertSame(ByteBuffer.class, GenericTypes.typeArgument(handler.getClass(), MessageHandler.Whole.class, 0));
    }

    @Test
    void returnsNullWhenUnresolvable() {
        assertNull(GenericTypes.typeArgument(Raw.class, Decoder.Text.class, 0), "raw implementation");
        assertNull(GenericTypes.typeArgument(Open.class, MessageHandler.Whole.class, 0), "unbound variable");
        assertNull(GenericTypes.typeArgument(GenericArray.class, Encoder.Text.class, 0), "unbound array component");
        assertNull(GenericTypes.typeArgument(Direct.class, Decoder.Binary.class, 0), "not implemented");
        assertNull(GenericTypes.typeArgument(Decoder.Text.class, Decoder.Text.class, 0), "the interface itself");
        MessageHandler.Whole<String> lambda = message -> { };
        assertNull(GenericTypes.typeArgument(lambda.getClass(), MessageHandler.Whole.class, 0), "lambda");
    }

    @Test
    void rejectsBadIndex() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> GenericTypes.typeArgument(Direct.class, Decoder.Text.class, 1));
        assertEquals("jakarta.websocket.Decoder$Text has no type parameter 1", e.getMessage());
    }

    public static class Holder<T> {
        public void take(T value, T[] values, List<T> list, Serializable plain) {
        }

        public <M> void own(M value) {
        }
    }

    public static class StringHolder extends Holder<String> {
    }

    @Test
    void resolvesMemberSignaturesThroughTheContextClass() throws Exception {
        Method take = Holder.class.getMethod("take", Object.class, Object[].class, List.class, Serializable.class);
        var types = take.getGenericParameterTypes();
        assertSame(String.class, GenericTypes.resolve(types[0], StringHolder.class));
        assertSame(String[].class, GenericTypes.resolve(types[1], StringHolder.class));
        assertSame(List.class, GenericTypes.resolve(types[2], StringHolder.class));
        assertSame(Serializable.class, GenericTypes.resolve(types[3], StringHolder.class));
        assertNull(GenericTypes.resolve(types[0], Holder.class), "unbound in the declaring class itself");
        Method own = Holder.class.getMethod("own", Object.class);
        assertNull(GenericTypes.resolve(own.getGenericParameterTypes()[0], StringHolder.class), "method variable");
    }
}
