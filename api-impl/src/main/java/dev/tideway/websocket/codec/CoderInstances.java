package dev.tideway.websocket.codec;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The per-session instances of an endpoint's decoders or encoders (Jakarta WebSocket §3.2: one instance
 * per session): created and initialised when the session opens, destroyed exactly once when it closes.
 *
 * @param <D> the definition type (what deployment validated)
 * @param <C> the coder type
 */
final class CoderInstances<D, C> {

    /** Makes the coder of a definition. */
    @FunctionalInterface
    interface Factory<D, C> {
        C create(D definition) throws InstantiationException;
    }

    private final Consumer<C> destroy;
    private final Map<D, C> instances = new IdentityHashMap<>();
    private final List<C> initialised = new ArrayList<>();
    private boolean destroyed;

    private CoderInstances(Consumer<C> destroy) {
        this.destroy = destroy;
    }

    /**
     * Creates and initialises one instance per definition. When one fails, those already initialised are
     * destroyed again before the failure is thrown.
     */
    static <D, C> CoderInstances<D, C> open(List<D> definitions, Factory<D, C> factory, Consumer<C> init,
                                            Consumer<C> destroy) throws InstantiationException {
        CoderInstances<D, C> coders = new CoderInstances<>(destroy);
        try {
            for (D definition : definitions) {
                if (!coders.instances.containsKey(definition)) {
                    C coder = factory.create(definition);
                    init.accept(coder);
                    coders.instances.put(definition, coder);
                    coders.initialised.add(coder);
                }
            }
        } catch (InstantiationException | RuntimeException e) {
            coders.destroy();
            throw e;
        }
        return coders;
    }

    synchronized C get(D definition) {
        C coder = instances.get(definition);
        if (coder == null) {
            throw new IllegalStateException(destroyed ? "The session's coders were destroyed"
                    : definition + " is not one of this session's coders");
        }
        return coder;
    }

    /** Destroys every initialised instance, once; later calls do nothing. */
    synchronized void destroy() {
        if (destroyed) {
            return;
        }
        destroyed = true;
        for (C coder : initialised) {
            try {
                destroy.accept(coder);
            } catch (RuntimeException ignored) {
                // one coder failing to clean up must not keep the others from it
            }
        }
        instances.clear();
    }
}
