package dev.tideway.websocket.servlet;

import java.net.URI;

/**
 * One embedded Servlet container running one {@link WebApp} with Tideway's
 * {@link TidewayServletContainerInitializer}, listening on 127.0.0.1 on an ephemeral plain port and an
 * ephemeral TLS port. The application can be stopped (undeployed) while the server goes on listening.
 */
interface AppHarness {

    /**
     * Starts the server and the application. An application that fails to start (a deployment error) does
     * not make this throw: {@link #applicationAvailable()} then says false.
     */
    void start(WebApp app, TlsMaterial tls) throws Exception;

    /** Whether the application started and is serving requests. */
    boolean applicationAvailable();

    /** Undeploys the application; the server keeps listening. */
    void stopApplication() throws Exception;

    int port(Scheme scheme);

    /** The context path of the application. */
    String contextPath();

    /** Stops everything; harmless when nothing was started. */
    void stop() throws Exception;

    /** A WebSocket URI for {@code path} inside the application. */
    default URI uri(Scheme scheme, String path) {
        return URI.create(scheme.webSocketScheme + "://127.0.0.1:" + port(scheme) + contextPath() + path);
    }
}
