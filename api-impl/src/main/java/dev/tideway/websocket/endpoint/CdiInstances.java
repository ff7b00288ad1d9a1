package dev.tideway.websocket.endpoint;

import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.enterprise.inject.spi.Unmanaged;

/**
 * The CDI half of {@link EndpointInstances}, kept apart so that nothing of CDI is loaded where its API is
 * missing. An endpoint class need not be a bean: {@link Unmanaged} injects any class, which is what an
 * endpoint created per connection is.
 */
final class CdiInstances {

    /** An instance CDI made, and how to end its life. */
    record Created<T>(T instance, Runnable release) {
    }

    private CdiInstances() {
    }

    /** The instance, or null when no CDI container is running here. */
    static <T> Created<T> create(Class<T> type) {
        BeanManager beanManager = beanManager();
        if (beanManager == null) {
            return null;
        }
        Unmanaged.UnmanagedInstance<T> unmanaged = new Unmanaged<>(beanManager, type).newInstance();
        T instance = unmanaged.produce().inject().postConstruct().get();
        return new Created<>(instance, () -> unmanaged.preDestroy().dispose());
    }

    private static BeanManager beanManager() {
        try {
            return CDI.current().getBeanManager();
        } catch (IllegalStateException | NoClassDefFoundError noCdiContainer) {
            return null;
        }
    }
}
