package dev.tideway.websocket.codec;

import jakarta.websocket.DeploymentException;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Constructor;
import java.lang.reflect.Modifier;

/**
 * Creates instances of a user class through its public no-arg constructor, the way the specification requires for
 * decoders, encoders, configurators and endpoints created by the default configurator. The constructor is checked
 * and resolved to a method handle once, when the instantiator is made; {@link #newInstance()} does no reflection.
 */
public final class Instantiator {
    private static final MethodType NO_ARG_OBJECT = MethodType.methodType(Object.class);

    private final Class<?> type;
    private final MethodHandle constructor; // ()Object

    private Instantiator(Class<?> type, MethodHandle constructor) {
        this.type = type;
        this.constructor = constructor;
    }

    /**
     * Checks that {@code type} can be instantiated with a public no-arg constructor.
     *
     * @param type the class to instantiate
     * @param role what the class is for, used in the error message ("a Decoder", "an endpoint class")
     * @throws DeploymentException naming the class and the rule when it is an interface, abstract, an inner
     *                             (non-static) class, lacks a public no-arg constructor, or the constructor is not
     *                             accessible
     */
    public static Instantiator of(Class<?> type, String role) throws DeploymentException {
        if (type.isInterface() || type.isArray() || type.isPrimitive()) {
            throw new DeploymentException(type.getName() + ": " + role + " must be a class, not an interface");
        }
        if (Modifier.isAbstract(type.getModifiers())) {
            throw new DeploymentException(type.getName() + ": " + role + " must not be abstract");
        }
        if (type.isMemberClass() && !Modifier.isStatic(type.getModifiers())) {
            throw new DeploymentException(type.getName() + ": " + role
                    + " must be a top-level or static nested class (an inner class has no no-arg constructor)");
        }
        Constructor<?> noArg;
        try {
            noArg = type.getConstructor();
        } catch (NoSuchMethodException e) {
            throw new DeploymentException(type.getName() + ": " + role + " must have a public no-arg constructor");
        }
        noArg.trySetAccessible(); // the class itself may be non-public (client endpoints, nested coders)
        try {
            return new Instantiator(type, MethodHandles.lookup().unreflectConstructor(noArg).asType(NO_ARG_OBJECT));
        } catch (IllegalAccessException e) {
            throw new DeploymentException(type.getName() + ": the public no-arg constructor of " + role
                    + " is not accessible to Tideway (is its package exported/opened?)", e);
        }
    }

    /** The class this instantiator creates. */
    public Class<?> type() {
        return type;
    }

    /**
     * A new instance.
     *
     * @throws InstantiationException whose cause is whatever the constructor threw
     */
    public Object newInstance() throws InstantiationException {
        try {
            return (Object) constructor.invokeExact();
        } catch (Error e) {
            throw e;
        } catch (Throwable t) {
            InstantiationException failure = new InstantiationException(
                    "The constructor of " + type.getName() + " failed: " + t);
            failure.initCause(t);
            throw failure;
        }
    }
}
