package dev.tideway.websocket.codec;

import jakarta.websocket.DeploymentException;
import jakarta.websocket.Encoder;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A validated encoder class: its kind, the type it accepts and a way to make the per-session instances. Made once
 * per endpoint at deployment; the session layer calls {@link #newInstance()} for each session (and owns
 * {@code init}/{@code destroy}).
 */
public final class EncoderDefinition {
    private static final Map<Class<?>, CoderKind> INTERFACES = CoderClass.kinds(
            Encoder.Text.class, Encoder.TextStream.class, Encoder.Binary.class, Encoder.BinaryStream.class);

    private final Class<? extends Encoder> type;
    private final CoderClass coder;

    private EncoderDefinition(Class<? extends Encoder> type, CoderClass coder) {
        this.type = type;
        this.coder = coder;
    }

    /**
     * Validates an encoder class.
     *
     * @param type a class from an {@code encoders} list; typed loosely because such lists reach us through unchecked
     *             annotation and configuration values
     * @throws DeploymentException naming the class and the rule when it is not an Encoder, implements none or several
     *                             of the four Encoder sub-interfaces, leaves its type argument unresolved, or cannot
     *                             be instantiated through a public no-arg constructor
     */
    public static EncoderDefinition of(Class<?> type) throws DeploymentException {
        CoderClass coder = CoderClass.inspect(type, Encoder.class, "an Encoder", INTERFACES);
        return new EncoderDefinition(type.asSubclass(Encoder.class), coder);
    }


    /** Validates each class of a configuration's list, keeping its order. */
    public static List<EncoderDefinition> ofAll(List<? extends Class<?>> types) throws DeploymentException {
        List<EncoderDefinition> definitions = new ArrayList<>(types.size());
        for (Class<?> type : types) {
            definitions.add(of(type));
        }
        return definitions;
    }
    /** The encoder class. */
    public Class<? extends Encoder> type() {
        return type;
    }

    /** Which Encoder sub-interface it implements. */
    public CoderKind kind() {
        return coder.kind();
    }

    /** The type its {@code encode} method accepts (the raw class of the type argument). */
    public Class<?> handledType() {
        return coder.handledType();
    }

    /**
     * True when a value of class {@code valueType} may be encoded by this encoder: the spec's "same class or a
     * sub-class" of the handled type (primitives compared through their wrappers).
     */
    public boolean canEncode(Class<?> valueType) {
        return coder.handledType().isAssignableFrom(PrimitiveTextConverter.boxed(valueType));
    }

    /**
     * A new, uninitialised encoder instance.
     *
     * @throws InstantiationException whose cause is whatever the constructor threw
     */
    public Encoder newInstance() throws InstantiationException {
        return type.cast(coder.newInstance());
    }

    @Override
    public String toString() {
        return type.getName() + " (" + coder.kind() + " <- " + coder.handledType().getName() + ")";
    }
}
