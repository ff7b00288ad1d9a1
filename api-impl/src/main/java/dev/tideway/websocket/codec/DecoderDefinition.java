package dev.tideway.websocket.codec;

import jakarta.websocket.Decoder;
import jakarta.websocket.DeploymentException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A validated decoder class: its kind, the type it produces and a way to make the per-session instances. Made once
 * per endpoint at deployment; the session layer calls {@link #newInstance()} for each session (and owns
 * {@code init}/{@code destroy}).
 */
public final class DecoderDefinition {
    private static final Map<Class<?>, CoderKind> INTERFACES = CoderClass.kinds(
            Decoder.Text.class, Decoder.TextStream.class, Decoder.Binary.class, Decoder.BinaryStream.class);

    private final Class<? extends Decoder> type;
    private final CoderClass coder;

    private DecoderDefinition(Class<? extends Decoder> type, CoderClass coder) {
        this.type = type;
        this.coder = coder;
    }

    /**
     * Validates a decoder class.
     *
     * @param type a class from a {@code decoders} list; typed loosely because such lists reach us through unchecked
     *             annotation and configuration values
     * @throws DeploymentException naming the class and the rule when it is not a Decoder, implements none or several
     *                             of the four Decoder sub-interfaces, leaves its type argument unresolved, or cannot
     *                             be instantiated through a public no-arg constructor
     */
    public static DecoderDefinition of(Class<?> type) throws DeploymentException {
        CoderClass coder = CoderClass.inspect(type, Decoder.class, "a Decoder", INTERFACES);
        return new DecoderDefinition(type.asSubclass(Decoder.class), coder);
    }


    /** Validates each class of a configuration's list, keeping its order. */
    public static List<DecoderDefinition> ofAll(List<? extends Class<?>> types) throws DeploymentException {
        List<DecoderDefinition> definitions = new ArrayList<>(types.size());
        for (Class<?> type : types) {
            definitions.add(of(type));
        }
        return definitions;
    }
    /** The decoder class. */
    public Class<? extends Decoder> type() {
        return type;
    }

    /** Which Decoder sub-interface it implements. */
    public CoderKind kind() {
        return coder.kind();
    }

    /** The type its {@code decode} method returns (the raw class of the type argument). */
    public Class<?> handledType() {
        return coder.handledType();
    }

    /**
     * True when the decoded objects can be passed where {@code target} is expected: the handled type is
     * {@code target}, a subtype of it, or the wrapper of a primitive {@code target}.
     */
    public boolean canDecodeTo(Class<?> target) {
        return PrimitiveTextConverter.boxed(target).isAssignableFrom(coder.handledType());
    }

    /**
     * A new, uninitialised decoder instance.
     *
     * @throws InstantiationException whose cause is whatever the constructor threw
     */
    public Decoder newInstance() throws InstantiationException {
        return type.cast(coder.newInstance());
    }

    @Override
    public String toString() {
        return type.getName() + " (" + coder.kind() + " -> " + coder.handledType().getName() + ")";
    }
}
