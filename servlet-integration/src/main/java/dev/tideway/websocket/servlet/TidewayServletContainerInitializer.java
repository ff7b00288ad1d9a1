package dev.tideway.websocket.servlet;

import dev.tideway.websocket.server.ApplicationScan;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.HandlesTypes;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.Endpoint;
import jakarta.websocket.server.ServerApplicationConfig;
import jakarta.websocket.server.ServerContainer;
import jakarta.websocket.server.ServerEndpoint;
import jakarta.websocket.server.ServerEndpointConfig;
import java.util.EnumSet;
import java.util.Set;

/**
 * Starts Tideway in a web application: the container finds this class through {@code META-INF/services}
 * and hands it the application's endpoint classes. It publishes the {@link ServerContainer} attribute first
 * (so that the application's own {@code ServletContextListener}s can add endpoints), deploys what the scan
 * and any {@link ServerApplicationConfig} choose, registers the upgrade filter, and stops the container
 * with the application. A deployment error fails the application's start: no endpoint of a broken
 * application answers.
 */
@HandlesTypes({ServerEndpoint.class, ServerApplicationConfig.class, Endpoint.class})
public final class TidewayServletContainerInitializer implements ServletContainerInitializer {
    /** The context attribute under which the specification publishes the server container. */
    public static final String SERVER_CONTAINER_ATTRIBUTE = ServerContainer.class.getName();

    @Override
    public void onStartup(Set<Class<?>> classes, ServletContext context) throws ServletException {
        TidewayServerContainer container = new TidewayServerContainer(context);
        context.setAttribute(SERVER_CONTAINER_ATTRIBUTE, container);
        context.addListener(new Shutdown(container));
        context.addListener(container.httpSessions());
        try {
            ApplicationScan scan = ApplicationScan.of(classes == null ? Set.of() : classes);
            for (Class<?> annotated : scan.annotatedClasses()) {
                container.addEndpoint(annotated);
            }
            for (ServerEndpointConfig config : scan.configs()) {
                container.addEndpoint(config);
            }
        } catch (DeploymentException | InstantiationException e) {
            throw new ServletException("WebSocket deployment failed: " + e.getMessage(), e);
        }
        FilterRegistration.Dynamic filter = context.addFilter("tideway-websocket", new WebSocketUpgradeFilter(container));
        filter.setAsyncSupported(true);
        filter.addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), true, "/*");
    }

    /** Closes the sessions and stops the threads of the container when the application stops. */
    private record Shutdown(TidewayServerContainer container) implements ServletContextListener {
        @Override
        public void contextDestroyed(ServletContextEvent event) {
            container.shutdown();
        }
    }
}
