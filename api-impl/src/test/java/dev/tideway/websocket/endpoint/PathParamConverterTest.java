package dev.tideway.websocket.endpoint;

import jakarta.websocket.DecodeException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PathParamConverterTest {

    static Stream<Arguments> conversions() {
        return Stream.of(
                Arguments.of(String.class, "lobby", "lobby"),
                Arguments.of(int.class, "42", 42),
                Arguments.of(Integer.class, "-7", -7),
                Arguments.of(long.class, "9000000000", 9_000_000_000L),
                Arguments.of(Long.class, "+5", 5L),
                Arguments.of(short.class, "-32768", (short) -32768),
                Arguments.of(Short.class, "12", (short) 12),
                Arguments.of(byte.class, "127", (byte) 127),
                Arguments.of(Byte.class, "-1", (byte) -1),
                Arguments.of(double.class, "3.5", 3.5d),
                Arguments.of(Double.class, "1e3", 1000d),
                Arguments.of(float.class, "1.5", 1.5f),
                Arguments.of(Float.class, "2.5f", 2.5f),
                Arguments.of(char.class, "x", 'x'),
                Arguments.of(Character.class, "\u00e9", '\u00e9'),
                Arguments.of(char.class, "xy", 'x'), // the first char, as the TCK expects of text messages
                Arguments.of(boolean.class, "true", true),
                Arguments.of(Boolean.class, "TRUE", true),
                // §4.3: as the Boolean(String) constructor, anything but "true" is false
                Arguments.of(boolean.class, "yes", false));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("conversions")
    void convertsLikeTheWrapperStringConstructor(Class<?> type, String value, Object expected) throws Exception {
        assertEquals(expected, PathParamConverter.forParameter("p", type).convert(value));
    }

    static Stream<Arguments> failures() {
        return Stream.of(
                Arguments.of(int.class, "abc", "int"),
                Arguments.of(Integer.class, "", "java.lang.Integer"),
                Arguments.of(int.class, "1.5", "int"),
                Arguments.of(byte.class, "300", "byte"),
                Arguments.of(long.class, "0x10", "long"),
                Arguments.of(double.class, "pi", "double"),
                Arguments.of(Character.class, "", "java.lang.Character"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("failures")
    void unconvertibleValueRaisesDecodeExceptionNamingParameterValueAndType(Class<?> type, String value,
            String typeName) {
        DecodeException e = assertThrows(DecodeException.class,
                () -> PathParamConverter.forParameter("seat", type).convert(value));
        assertEquals("Path parameter 'seat' value '" + value + "' cannot be converted to " + typeName,
                e.getMessage());
        assertEquals(value, e.getText());
        assertInstanceOf(IllegalArgumentException.class, e.getCause());
    }

    @Test
    void missingValueIsNullExceptForPrimitives() throws Exception {
        assertNull(PathParamConverter.forParameter("room", String.class).convert(null));
        assertNull(PathParamConverter.forParameter("room", Integer.class).convert(null));
        DecodeException e = assertThrows(DecodeException.class,
                () -> PathParamConverter.forParameter("room", int.class).convert(null));
        assertEquals("Path parameter 'room' has no value to convert to int", e.getMessage());
    }

    @Test
    void supportsOnlyStringPrimitivesAndWrappers() {
        for (Class<?> type : new Class<?>[] {String.class, int.class, Integer.class, boolean.class, Boolean.class,
                char.class, Character.class, long.class, double.class, Float.class, Short.class, Byte.class}) {
            assertTrue(PathParamConverter.supports(type), type.getName());
        }
        for (Class<?> type : new Class<?>[] {Object.class, StringBuilder.class, int[].class, void.class,
                CharSequence.class, Number.class}) {
            assertFalse(PathParamConverter.supports(type), type.getName());
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PathParamConverter.forParameter("p", Object.class));
        assertEquals("No text conversion to java.lang.Object", e.getMessage());
    }

    @Test
    void exposesNameAndType() {
        PathParamConverter converter = PathParamConverter.forParameter("room", long.class);
        assertEquals("room", converter.name());
        assertSame(long.class, converter.type());
    }
}
