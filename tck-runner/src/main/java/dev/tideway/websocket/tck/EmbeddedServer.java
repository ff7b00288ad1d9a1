package dev.tideway.websocket.tck;

import java.nio.file.Path;

/**
 * One embedded Servlet container as the Arquillian adapter drives it: started once, then web
 * applications deployed from exploded directories and undeployed again by context path. Implementations
 * run the container's own web application start (descriptor, {@code ServletContainerInitializer}
 * discovery and {@code @HandlesTypes} scan of {@code WEB-INF/classes} and {@code WEB-INF/lib} only), so
 * that Tideway starts in an application exactly as it would from a WAR file.
 */
interface EmbeddedServer {

    /** Starts the container with one HTTP connector on {@code host} and an ephemeral port. */
    void start(String host, Path workDirectory) throws Exception;

    /** The port the HTTP connector listens on; valid after {@link #start}. */
    int port();

    /**
     * Deploys the exploded web application in {@code directory} at {@code contextPath}, its classes loaded
     * by a web application class loader whose parent is {@code parent}. An application that fails to start
     * stays registered (so that {@link #undeploy} cleans it up) and answers no request; the container
     * logs why.
     *
     * @return whether the application started
     */
    boolean deploy(String contextPath, Path directory, ClassLoader parent) throws Exception;

    /** Stops and removes the application at {@code contextPath}; nothing when there is none. */
    void undeploy(String contextPath) throws Exception;

    /** Stops the container. */
    void stop() throws Exception;

    /** The container a configuration names: {@code tomcat} or {@code jetty}. */
    static EmbeddedServer named(String name) {
        return switch (name) {
            case "tomcat" -> new TomcatServer();
            case "jetty" -> new JettyServer();
            default -> throw new IllegalArgumentException("Unknown embedded server '" + name + "': tomcat or jetty");
        };
    }
}
