package dev.tideway.websocket.endpoint;

import dev.tideway.websocket.codec.PrimitiveTextConverter;
import jakarta.websocket.DecodeException;

import java.util.function.Function;

/**
 * Converts the value of one {@code @PathParam} parameter from its path segment to the parameter's type: String, a
 * primitive or its wrapper, the only types the specification allows (§4.3). Made once per parameter at deployment,
 * used on every invocation.
 */
public final class PathParamConverter {
    private final String name;
    private final Class<?> type;
    private final Function<String, Object> parser;

    private PathParamConverter(String name, Class<?> type, Function<String, Object> parser) {
        this.name = name;
        this.type = type;
        this.parser = parser;
    }

    /** True for the types a {@code @PathParam} parameter may have: String, the primitives and their wrappers. */
    public static boolean supports(Class<?> type) {
        return PrimitiveTextConverter.isConvertible(type);
    }

    /**
     * @param name the path parameter's name, for error messages
     * @param type the Java parameter type
     * @throws IllegalArgumentException if the type is not {@link #supports supported}
     */
    public static PathParamConverter forParameter(String name, Class<?> type) {
        return new PathParamConverter(name, type, PrimitiveTextConverter.forType(type));
    }

    /**
     * Converts a path segment value.
     *
     * @param value the segment, or null when the request carried no such parameter
     * @return the converted value (a wrapper object for primitive types), or null for a null value and a
     *         non-primitive type
     * @throws DecodeException naming the parameter, the value and the type, when the value cannot be converted or
     *                         is missing for a primitive type; the session delivers it to the endpoint's error
     *                         handler as §4.3 asks
     */
    public Object convert(String value) throws DecodeException {
        if (value == null) {
            if (type.isPrimitive()) {
                throw new DecodeException((String) null,
                        "Path parameter '" + name + "' has no value to convert to " + type.getName());
            }
            return null;
        }
        try {
            return parser.apply(value);
        } catch (IllegalArgumentException e) {
            throw new DecodeException(value, "Path parameter '" + name + "' value '" + value
                    + "' cannot be converted to " + type.getName(), e);
        }
    }

    /** The parameter name. */
    public String name() {
        return name;
    }

    /** The parameter type. */
    public Class<?> type() {
        return type;
    }
}
