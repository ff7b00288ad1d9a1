package dev.tideway.websocket.codec;

import jakarta.websocket.DeploymentException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What decoders and encoders have in common: a class that implements exactly one of four generic sub-interfaces,
 * whose type argument is the Java type it handles, and which the container instantiates per session through a public
 * no-arg constructor. {@link DecoderDefinition} and {@link EncoderDefinition} each wrap one.
 */
final class CoderClass {
    private final CoderKind kind;
    private final Class<?> handledType;
    private final Instantiator instantiator;

    private CoderClass(CoderKind kind, Class<?> handledType, Instantiator instantiator) {
        this.kind = kind;
        this.handledType = handledType;
        this.instantiator = instantiator;
    }

    /**
     * @param type       the user's coder class
     * @param base       {@code Decoder.class} or {@code Encoder.class}
     * @param role       "a Decoder" or "an Encoder", for error messages
     * @param interfaces the four sub-interfaces of {@code base} in declaration order, mapped to their kinds
     */
    static CoderClass inspect(Class<?> type, Class<?> base, String role, Map<Class<?>, CoderKind> interfaces)
            throws DeploymentException {
        if (!base.isAssignableFrom(type)) {
            throw new DeploymentException(type.getName() + ": is not " + role + " (it does not implement "
                    + base.getName() + ")");
        }
        List<Class<?>> implemented = new ArrayList<>();
        for (Class<?> candidate : interfaces.keySet()) {
            if (candidate.isAssignableFrom(type)) {
                implemented.add(candidate);
            }
        }
        if (implemented.size() != 1) {
            throw new DeploymentException(type.getName() + ": " + role + " must implement exactly one of "
                    + names(interfaces.keySet()) + (implemented.isEmpty() ? "" : "; it implements "
                    + names(implemented)));
        }
        Class<?> implementedInterface = implemented.get(0);
        Class<?> handled = GenericTypes.typeArgument(type, implementedInterface, 0);
        if (handled == null) {
            throw new DeploymentException(type.getName() + ": cannot resolve the type argument of "
                    + displayName(implementedInterface) + "; declare it with a concrete type, e.g. implements "
                    + displayName(implementedInterface) + "<Foo>");
        }
        return new CoderClass(interfaces.get(implementedInterface), handled, Instantiator.of(type, role));
    }

    static Map<Class<?>, CoderKind> kinds(Class<?> text, Class<?> textStream, Class<?> binary, Class<?> binaryStream) {
        Map<Class<?>, CoderKind> kinds = new LinkedHashMap<>();
        kinds.put(text, CoderKind.TEXT);
        kinds.put(textStream, CoderKind.TEXT_STREAM);
        kinds.put(binary, CoderKind.BINARY);
        kinds.put(binaryStream, CoderKind.BINARY_STREAM);
        return kinds;
    }

    CoderKind kind() {
        return kind;
    }

    Class<?> handledType() {
        return handledType;
    }

    Object newInstance() throws InstantiationException {
        return instantiator.newInstance();
    }

    /** "Decoder.Text" rather than "Decoder$Text" or the fully qualified name. */
    private static String displayName(Class<?> nested) {
        return nested.getName().substring(nested.getName().lastIndexOf('.') + 1).replace('$', '.');
    }

    private static String names(Iterable<Class<?>> classes) {
        StringBuilder names = new StringBuilder();
        for (Class<?> c : classes) {
            names.append(names.length() == 0 ? "" : ", ").append(displayName(c));
        }
        return names.toString();
    }
}
