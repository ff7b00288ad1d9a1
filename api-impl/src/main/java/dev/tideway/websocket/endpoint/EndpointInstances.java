package dev.tideway.websocket.endpoint;

import java.lang.reflect.InvocationTargetException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Creates endpoint instances the way the default configurators do: from CDI when a bean manager is there
 * (the instance gets its {@code @Inject} fields and {@code @PostConstruct}), otherwise through the public
 * no-arg constructor. An instance CDI made must be {@linkplain #release released} when its session ends, so
 * that its {@code @PreDestroy} runs and its dependent beans are disposed of.
 *
 * <p>CDI is optional: its API is touched only inside {@link CdiInstances}, which is loaded only when the
 * CDI API is on the class path.
 */
public final class EndpointInstances {
    private static final boolean CDI_API_PRESENT = isPresent("jakarta.enterprise.inject.spi.CDI");
    private static final Map<Object, Runnable> RELEASES = Collections.synchronizedMap(new IdentityHashMap<>());

    private EndpointInstances() {
    }

    /** A new instance of {@code type}, from CDI if a bean manager is available. */
    public static <T> T create(Class<T> type) throws InstantiationException {
        if (CDI_API_PRESENT) {
            CdiInstances.Created<T> created = CdiInstances.create(type);
            if (created != null) {
                RELEASES.put(created.instance(), created.release());
                return created.instance();
            }
        }
        return construct(type);
    }

    /** Ends the life of an instance made by {@link #create}; does nothing for others. */
    public static void release(Object instance) {
        Runnable release = RELEASES.remove(instance);
        if (release != null) {
            release.run();
        }
    }

    private static <T> T construct(Class<T> type) throws InstantiationException {
        try {
            return type.getConstructor().newInstance();
        } catch (InvocationTargetException e) {
            InstantiationException failure = new InstantiationException(type.getName()
                    + ": the constructor threw " + e.getCause());
            failure.initCause(e.getCause());
            throw failure;
        } catch (ReflectiveOperationException e) {
            InstantiationException failure = new InstantiationException(type.getName()
                    + " cannot be instantiated through a public no-arg constructor: " + e);
            failure.initCause(e);
            throw failure;
        }
    }

    private static boolean isPresent(String className) {
        try {
            Class.forName(className, false, EndpointInstances.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
