package dev.tideway.websocket.codec;

import java.util.Map;
import java.util.function.Function;

/**
 * The built-in conversion from text to String, the Java primitives and their wrappers, used for {@code @PathParam}
 * values and for {@code @OnMessage} methods that take a whole text message as a primitive. The specification asks
 * for "the same result as if it had used the public one argument String constructor" of the wrapper (§4.3, §4.7),
 * which is what the {@code valueOf(String)} methods below give: decimal integers, Java float syntax, and any text that
 * is not "true" (ignoring case) as {@code false}. {@code Character}, which has no String constructor, takes the
 * first char of non-empty text: the TCK echoes "E" + "char" back to a {@code char} method and expects 'E' (as Tomcat
 * and Tyrus convert).
 */
public final class PrimitiveTextConverter {
    private static final Map<Class<?>, Class<?>> WRAPPERS = Map.of(
            boolean.class, Boolean.class, byte.class, Byte.class, short.class, Short.class,
            char.class, Character.class, int.class, Integer.class, long.class, Long.class,
            float.class, Float.class, double.class, Double.class);

    private static final Map<Class<?>, Function<String, Object>> PARSERS = Map.ofEntries(
            Map.entry(String.class, text -> text),
            Map.entry(Boolean.class, Boolean::valueOf),
            Map.entry(Byte.class, Byte::valueOf),
            Map.entry(Short.class, Short::valueOf),
            Map.entry(Character.class, PrimitiveTextConverter::firstChar),
            Map.entry(Integer.class, Integer::valueOf),
            Map.entry(Long.class, Long::valueOf),
            Map.entry(Float.class, Float::valueOf),
            Map.entry(Double.class, Double::valueOf));

    private PrimitiveTextConverter() {
    }

    /** True for String, the eight primitives and their wrappers. */
    public static boolean isConvertible(Class<?> type) {
        return PARSERS.containsKey(boxed(type));
    }

    /** True for the eight primitives and their wrappers (not String). */
    public static boolean isPrimitiveOrWrapper(Class<?> type) {
        return type != String.class && isConvertible(type);
    }

    /** The wrapper of a primitive type; any other type unchanged. */
    public static Class<?> boxed(Class<?> type) {
        return type.isPrimitive() ? WRAPPERS.getOrDefault(type, type) : type;
    }

    /**
     * The conversion for one type, resolved once so that converting does no lookup. The function returns the wrapper
     * object for primitive types and throws {@link IllegalArgumentException} (a {@link NumberFormatException} for the
     * numbers) for text it cannot convert.
     *
     * @throws IllegalArgumentException if the type is not {@link #isConvertible(Class) convertible}
     */
    public static Function<String, Object> forType(Class<?> type) {
        Function<String, Object> parser = PARSERS.get(boxed(type));
        if (parser == null) {
            throw new IllegalArgumentException("No text conversion to " + type.getName());
        }
        return parser;
    }

    private static Character firstChar(String text) {
        if (text.isEmpty()) {
            throw new IllegalArgumentException("Expected a character but got empty text");
        }
        return text.charAt(0);
    }
}
