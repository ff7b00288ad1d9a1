package dev.tideway.websocket.codec;

import jakarta.websocket.Decoder;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.Encoder;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.io.OutputStream;
import java.io.Reader;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Decoder and encoder definitions: kinds, handled types, validation, instantiation and lookup. */
class DecoderDefinitionTest {

    public static class Animal {
    }

    public static class Cat extends Animal {
    }

    public static class CatText implements Decoder.Text<Cat> {
        @Override
        public Cat decode(String s) {
            return new Cat();
        }

        @Override
        public boolean willDecode(String s) {
            return true;
        }
    }

    public static class CatTextStream implements Decoder.TextStream<Cat> {
        @Override
        public Cat decode(Reader reader) {
            return new Cat();
        }
    }

    public static class AnimalBinary implements Decoder.Binary<Animal> {
        @Override
        public Animal decode(ByteBuffer bytes) {
            return new Animal();
        }

        @Override
        public boolean willDecode(ByteBuffer bytes) {
            return true;
        }
    }

    public static class LongBinaryStream implements Decoder.BinaryStream<Long> {
        @Override
        public Long decode(InputStream input) {
            return 1L;
        }
    }

    /** The type argument is bound by a subclass. */
    public abstract static class GenericText<T> implements Decoder.Text<T> {
        @Override
        public boolean willDecode(String s) {
            return true;
        }
    }

    public static class CatGenericText extends GenericText<Cat> {
        @Override
        public Cat decode(String s) {
            return new Cat();
        }
    }

    @Test
    void recognisesTheFourKindsAndTheirTypes() throws Exception {
        assertDefinition(DecoderDefinition.of(CatText.class), CoderKind.TEXT, Cat.class);
        assertDefinition(DecoderDefinition.of(CatTextStream.class), CoderKind.TEXT_STREAM, Cat.class);
        assertDefinition(DecoderDefinition.of(AnimalBinary.class), CoderKind.BINARY, Animal.class);
        assertDefinition(DecoderDefinition.of(LongBinaryStream.class), CoderKind.BINARY_STREAM, Long.class);
        assertDefinition(DecoderDefinition.of(CatGenericText.class), CoderKind.TEXT, Cat.class);
    }

    private static void assertDefinition(DecoderDefinition definition, CoderKind kind, Class<?> handled) {
        assertEquals(kind, definition.kind());
        assertSame(handled, definition.handledType());
        assertEquals(kind == CoderKind.TEXT || kind == CoderKind.TEXT_STREAM, kind.isText());
        assertEquals(kind == CoderKind.TEXT_STREAM || kind == CoderKind.BINARY_STREAM, kind.isStream());
    }

    @Test
    void makesANewInstanceEachTime() throws Exception {
        DecoderDefinition definition = DecoderDefinition.of(CatText.class);
        Decoder first = definition.newInstance();
        assertInstanceOf(CatText.class, first);
        assertNotSame(first, definition.newInstance());
        assertSame(CatText.class, definition.type());
        assertEquals(CatText.class.getName() + " (TEXT -> " + Cat.class.getName() + ")", definition.toString());
    }

    @Test
    void decodesToTheHandledTypeItsSupertypesAndWrappedPrimitives() throws Exception {
        DecoderDefinition cats = DecoderDefinition.of(CatText.class);
        assertTrue(cats.canDecodeTo(Cat.class));
        assertTrue(cats.canDecodeTo(Animal.class));
        assertTrue(cats.canDecodeTo(Object.class));
        assertFalse(cats.canDecodeTo(String.class));
        DecoderDefinition longs = DecoderDefinition.of(LongBinaryStream.class);
        assertTrue(longs.canDecodeTo(long.class));
        assertTrue(longs.canDecodeTo(Number.class));
        assertFalse(longs.canDecodeTo(int.class));
    }

    @Test
    void lookupSplitsTextAndBinaryInDeclarationOrder() throws Exception {
        DecoderLookup lookup = new DecoderLookup(List.of(DecoderDefinition.of(AnimalBinary.class),
                DecoderDefinition.of(CatTextStream.class), DecoderDefinition.of(LongBinaryStream.class),
                DecoderDefinition.of(CatText.class)));
        DecoderLookup.Match animals = lookup.forType(Animal.class);
        assertEquals(List.of(CatTextStream.class, CatText.class), types(animals.text()));
        assertEquals(List.of(AnimalBinary.class), types(animals.binary()));
        DecoderLookup.Match cats = lookup.forType(Cat.class);
        assertEquals(List.of(CatTextStream.class, CatText.class), types(cats.text()));
        assertEquals(List.of(), types(cats.binary()), "an Animal decoder does not produce Cats");
        assertEquals(List.of(LongBinaryStream.class), types(lookup.forType(long.class).binary()));
        assertTrue(lookup.forType(String.class).isEmpty());
        assertFalse(animals.isEmpty());
        assertEquals(4, lookup.decoders().size());
    }

    private static List<Class<?>> types(List<DecoderDefinition> definitions) {
        return definitions.stream().<Class<?>>map(DecoderDefinition::type).toList();
    }

    // ---- invalid decoders ----

    @SuppressWarnings("rawtypes")
    public static class RawText implements Decoder.Text {
        @Override
        public Object decode(String s) {
            return s;
        }

        @Override
        public boolean willDecode(String s) {
            return true;
        }
    }

    public static class TextAndBinary implements Decoder.Text<Cat>, Decoder.Binary<Cat> {
        @Override
        public Cat decode(String s) {
            return null;
        }

        @Override
        public boolean willDecode(String s) {
            return false;
        }

        @Override
        public Cat decode(ByteBuffer bytes) {
            return null;
        }

        @Override
        public boolean willDecode(ByteBuffer bytes) {
            return false;
        }
    }

    public static class OnlyTheBaseInterface implements Decoder {
    }

    public static class NoNoArgConstructor extends CatText {
        public NoNoArgConstructor(int unused) {
        }
    }

    public abstract static class AbstractDecoder extends CatText {
    }

    public class InnerDecoder extends CatText {
    }

    public static class PrivateConstructor extends CatText {
        private PrivateConstructor() {
        }
    }

    @Test
    void rejectsClassesThatAreNoDecoders() {
        assertRejected(String.class, "java.lang.String: is not a Decoder (it does not implement"
                + " jakarta.websocket.Decoder)");
        assertRejected(OnlyTheBaseInterface.class, OnlyTheBaseInterface.class.getName() + ": a Decoder must"
                + " implement exactly one of Decoder.Text, Decoder.TextStream, Decoder.Binary, Decoder.BinaryStream");
        assertRejected(TextAndBinary.class, TextAndBinary.class.getName() + ": a Decoder must implement exactly one"
                + " of Decoder.Text, Decoder.TextStream, Decoder.Binary, Decoder.BinaryStream; it implements"
                + " Decoder.Text, Decoder.Binary");
    }

    @Test
    void rejectsUnresolvableTypeArgument() {
        assertRejected(RawText.class, RawText.class.getName() + ": cannot resolve the type argument of"
                + " Decoder.Text; declare it with a concrete type, e.g. implements Decoder.Text<Foo>");
        assertRejected(GenericText.class, GenericText.class.getName() + ": cannot resolve the type argument of"
                + " Decoder.Text; declare it with a concrete type, e.g. implements Decoder.Text<Foo>");
    }

    @Test
    void rejectsClassesTheContainerCannotInstantiate() {
        assertRejected(NoNoArgConstructor.class,
                NoNoArgConstructor.class.getName() + ": a Decoder must have a public no-arg constructor");
        assertRejected(PrivateConstructor.class,
                PrivateConstructor.class.getName() + ": a Decoder must have a public no-arg constructor");
        assertRejected(AbstractDecoder.class, AbstractDecoder.class.getName() + ": a Decoder must not be abstract");
        assertRejected(InnerDecoder.class, InnerDecoder.class.getName() + ": a Decoder must be a top-level or"
                + " static nested class (an inner class has no no-arg constructor)");
    }

    private static void assertRejected(Class<?> decoder, String message) {
        DeploymentException e = assertThrows(DeploymentException.class, () -> DecoderDefinition.of(decoder));
        assertEquals(message, e.getMessage());
    }

    public static class ThrowingConstructor extends CatText {
        public ThrowingConstructor() {
            throw new IllegalStateException("broken");
        }
    }

    @Test
    void constructorFailureSurfacesAsInstantiationException() throws Exception {
        DecoderDefinition definition = DecoderDefinition.of(ThrowingConstructor.class);
        InstantiationException e = assertThrows(InstantiationException.class, definition::newInstance);
        assertInstanceOf(IllegalStateException.class, e.getCause());
        assertEquals("The constructor of " + ThrowingConstructor.class.getName()
                + " failed: java.lang.IllegalStateException: broken", e.getMessage());
    }

    // ---- encoders share the same rules ----

    public static class AnimalTextEncoder implements Encoder.Text<Animal> {
        @Override
        public String encode(Animal animal) {
            return "animal";
        }
    }

    public static class IntegerBinaryStreamEncoder implements Encoder.BinaryStream<Integer> {
        @Override
        public void encode(Integer value, OutputStream output) {
        }
    }

    public static class CatTextStreamEncoder implements Encoder.TextStream<Cat> {
        @Override
        public void encode(Cat cat, Writer writer) {
        }
    }

    public static class BytesBinaryEncoder implements Encoder.Binary<byte[]> {
        @Override
        public ByteBuffer encode(byte[] bytes) {
            return ByteBuffer.wrap(bytes);
        }
    }

    @Test
    void encoderDefinitions() throws Exception {
        EncoderDefinition animals = EncoderDefinition.of(AnimalTextEncoder.class);
        assertEquals(CoderKind.TEXT, animals.kind());
        assertSame(Animal.class, animals.handledType());
        assertTrue(animals.canEncode(Cat.class), "same class or a sub-class (§4.1.2)");
        assertFalse(animals.canEncode(Object.class));
        assertInstanceOf(AnimalTextEncoder.class, animals.newInstance());
        assertEquals(AnimalTextEncoder.class.getName() + " (TEXT <- " + Animal.class.getName() + ")",
                animals.toString());
        EncoderDefinition integers = EncoderDefinition.of(IntegerBinaryStreamEncoder.class);
        assertEquals(CoderKind.BINARY_STREAM, integers.kind());
        assertTrue(integers.canEncode(int.class));
        assertEquals(CoderKind.TEXT_STREAM, EncoderDefinition.of(CatTextStreamEncoder.class).kind());
        assertSame(byte[].class, EncoderDefinition.of(BytesBinaryEncoder.class).handledType());
        DeploymentException e = assertThrows(DeploymentException.class, () -> EncoderDefinition.of(CatText.class));
        assertEquals(CatText.class.getName() + ": is not an Encoder (it does not implement jakarta.websocket.Encoder)",
                e.getMessage());
    }
}
