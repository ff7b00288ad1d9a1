package dev.tideway.websocket.server;

import jakarta.websocket.Endpoint;
import jakarta.websocket.server.ServerApplicationConfig;
import jakarta.websocket.server.ServerEndpoint;
import jakarta.websocket.server.ServerEndpointConfig;
import java.lang.reflect.Modifier;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Decides what of an application's classes gets deployed (Jakarta WebSocket §6.2): without a
 * {@link ServerApplicationConfig}, every {@code @ServerEndpoint} class and no programmatic endpoint; with
 * one or more, the union of what each of them picks from the annotated classes and makes of the
 * programmatic ones.
 *
 * @param annotatedClasses the {@code @ServerEndpoint} classes to deploy
 * @param configs          the programmatic configurations to deploy
 */
public record ApplicationScan(Set<Class<?>> annotatedClasses, Set<ServerEndpointConfig> configs) {

    /** Sorts the classes a container found and applies the application's configs. */
    public static ApplicationScan of(Set<Class<?>> found) throws InstantiationException {
        Set<Class<?>> annotated = new LinkedHashSet<>();
        Set<Class<? extends Endpoint>> programmatic = new LinkedHashSet<>();
        Set<ServerApplicationConfig> applicationConfigs = new LinkedHashSet<>();
        for (Class<?> type : found) {
            if (!isConcrete(type)) {
                continue;
            }
            if (type.isAnnotationPresent(ServerEndpoint.class)) {
                annotated.add(type);
            }
            if (Endpoint.class.isAssignableFrom(type)) {
                programmatic.add(type.asSubclass(Endpoint.class));
            }
            if (ServerApplicationConfig.class.isAssignableFrom(type)) {
                applicationConfigs.add(newApplicationConfig(type));
            }
        }
        if (applicationConfigs.isEmpty()) {
            return new ApplicationScan(annotated, Set.of());
        }
        Set<Class<?>> chosen = new LinkedHashSet<>();
        Set<ServerEndpointConfig> configs = new LinkedHashSet<>();
        for (ServerApplicationConfig config : applicationConfigs) {
            Set<Class<?>> picked = config.getAnnotatedEndpointClasses(Set.copyOf(annotated));
            if (picked != null) {
                chosen.addAll(picked);
            }
            Set<ServerEndpointConfig> made = config.getEndpointConfigs(Set.copyOf(programmatic));
            if (made != null) {
                configs.addAll(made);
            }
        }
        return new ApplicationScan(chosen, configs);
    }

    private static boolean isConcrete(Class<?> type) {
        return !type.isInterface() && !Modifier.isAbstract(type.getModifiers()) && !type.isAnnotation();
    }

    private static ServerApplicationConfig newApplicationConfig(Class<?> type) throws InstantiationException {
        try {
            return (ServerApplicationConfig) type.getConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            InstantiationException failure = new InstantiationException(type.getName()
                    + ": a ServerApplicationConfig needs a public no-arg constructor (" + e + ")");
            failure.initCause(e);
            throw failure;
        }
    }
}
