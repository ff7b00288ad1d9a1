package dev.tideway.websocket.servlet;

import dev.tideway.websocket.protocol.extension.ExtensionFactory;
import dev.tideway.websocket.protocol.extension.PerMessageDeflateFactory;
import dev.tideway.websocket.server.DeployedEndpoint;
import dev.tideway.websocket.server.EndpointDeployer;
import dev.tideway.websocket.server.OriginPolicy;
import dev.tideway.websocket.server.ServerEndpoints;
import dev.tideway.websocket.session.ContainerDefaults;
import dev.tideway.websocket.session.ContainerThreads;
import dev.tideway.websocket.session.SessionResources;
import dev.tideway.websocket.session.TidewaySession;
import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.websocket.ClientEndpointConfig;
import jakarta.websocket.CloseReason;
import jakarta.websocket.ContainerProvider;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.Endpoint;
import jakarta.websocket.Session;
import jakarta.websocket.WebSocketContainer;
import jakarta.websocket.server.ServerContainer;
import jakarta.websocket.server.ServerEndpointConfig;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * The {@link ServerContainer} of one web application, published as the
 * {@code jakarta.websocket.server.ServerContainer} context attribute. It deploys endpoints, holds the
 * container-wide defaults new sessions start with, owns the threads and buffers of the application's
 * sessions, and closes them all when the application stops.
 */
public final class TidewayServerContainer extends ContainerDefaults implements ServerContainer {
    private static final System.Logger LOG = System.getLogger(TidewayServerContainer.class.getName());

    /** Context parameter: the origin allow-list (see {@link OriginPolicy}); unset allows every origin. */
    public static final String ALLOWED_ORIGINS_PARAM = "dev.tideway.websocket.allowedOrigins";

    private final ServletContext context;
    private final ServerEndpoints endpoints = new ServerEndpoints();
    private final ContainerThreads threads;
    private final SessionResources resources;
    private final UpgradeResources upgradeResources;
    private final OriginPolicy originPolicy;
    private final List<ExtensionFactory> extensions = List.of(new PerMessageDeflateFactory());
    private volatile WebSocketContainer client;

    TidewayServerContainer(ServletContext context) {
        this.context = context;
        this.threads = new ContainerThreads(nameOf(context));
        this.resources = threads.sessionResources();
        this.upgradeResources = new UpgradeResources(resources.bufferPool(), resources.executor(),
                ReadDispatch.forContext(context));
        this.originPolicy = OriginPolicy.parse(context.getInitParameter(ALLOWED_ORIGINS_PARAM));
    }

    private static String nameOf(ServletContext context) {
        String path = context.getContextPath();
        return path == null || path.isEmpty() ? "ROOT" : path.substring(1).replace('/', '-');
    }

    // ---------------------------------------------------------------- deployment

    @Override
    public void addEndpoint(Class<?> endpointClass) throws DeploymentException {
        endpoints.deploy(() -> EndpointDeployer.annotated(endpointClass));
    }

    @Override
    public void addEndpoint(ServerEndpointConfig serverConfig) throws DeploymentException {
        endpoints.deploy(() -> EndpointDeployer.configured(serverConfig));
    }

    ServerEndpoints endpoints() {
        return endpoints;
    }

    /**
     * Upgrades a request for a framework that routes requests itself (Jakarta WebSocket 2.1), to an
     * endpoint that need not be deployed at a path.
     */
    @Override
    public void upgradeHttpToWebSocket(Object httpServletRequest, Object httpServletResponse, ServerEndpointConfig sec,
                                       Map<String, String> pathParameters) throws IOException, DeploymentException {
        HttpServletRequest request = (HttpServletRequest) httpServletRequest;
        HttpServletResponse response = (HttpServletResponse) httpServletResponse;
        DeployedEndpoint endpoint = endpoints.forUpgrade(sec);
        try {
            new ServletUpgrade(this, request, response, endpoint, pathParameters).perform();
        } catch (jakarta.servlet.ServletException e) {
            throw new IOException("The container refused the upgrade: " + e.getMessage(), e);
        }
    }

    // ---------------------------------------------------------------- what upgrades use

    SessionResources resources() {
        return resources;
    }

    /** How upgraded connections read on this container (see {@link ReadDispatch}). */
    UpgradeResources upgradeResources() {
        return upgradeResources;
    }

    OriginPolicy originPolicy() {
        return originPolicy;
    }

    List<ExtensionFactory> extensionFactories() {
        return extensions;
    }

    // ---------------------------------------------------------------- life cycle

    /**
     * Closes every session with 1001 (going away) and waits briefly for the closing handshakes; drops the
     * connections of peers that did not answer (the close timer that would drop them runs on the threads
     * about to stop), waits for the last {@code onClose}, and stops the threads.
     */
    void shutdown() {
        List<TidewaySession> closing =
                endpoints.closeAll(new CloseReason(CloseReason.CloseCodes.GOING_AWAY, "The web application is stopping"));
        try {
            if (!await(() -> closing.stream().allMatch(TidewaySession::isConnectionEnded), 2_000)) {
                closing.forEach(session -> session.connection().abort()); // no-op where it ended
            }
            await(() -> endpoints.sessionCount() == 0, 500);
            threads.shutdown(1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (endpoints.sessionCount() > 0) {
            LOG.log(Level.WARNING, endpoints.sessionCount() + " WebSocket sessions of " + context.getContextPath()
                    + " did not finish closing in time");
        }
    }

    private static boolean await(BooleanSupplier condition, long millis) throws InterruptedException {
        long deadline = System.nanoTime() + millis * 1_000_000L;
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        return condition.getAsBoolean();
    }

    // ---------------------------------------------------------------- a server container is a client too

    @Override
    public Session connectToServer(Object annotatedEndpointInstance, URI path) throws DeploymentException, IOException {
        return client().connectToServer(annotatedEndpointInstance, path);
    }

    @Override
    public Session connectToServer(Class<?> annotatedEndpointClass, URI path) throws DeploymentException, IOException {
        return client().connectToServer(annotatedEndpointClass, path);
    }

    @Override
    public Session connectToServer(Endpoint endpointInstance, ClientEndpointConfig cec, URI path)
            throws DeploymentException, IOException {
        return client().connectToServer(endpointInstance, cec, path);
    }

    @Override
    public Session connectToServer(Class<? extends Endpoint> endpointClass, ClientEndpointConfig cec, URI path)
            throws DeploymentException, IOException {
        return client().connectToServer(endpointClass, cec, path);
    }

    private WebSocketContainer client() {
        WebSocketContainer current = client;
        if (current == null) {
            synchronized (this) {
                if (client == null) {
                    client = ContainerProvider.getWebSocketContainer();
                }
                current = client;
            }
        }
        return current;
    }
}
