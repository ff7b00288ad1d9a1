package dev.tideway.websocket.server;

import dev.tideway.websocket.session.OpenSessions;
import dev.tideway.websocket.session.TidewaySession;
import jakarta.websocket.CloseReason;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.server.ServerEndpointConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The endpoints deployed in one web application, matched by path with the specification's precedence:
 * the servlet-free core of a server container.
 */
public final class ServerEndpoints {
    private final EndpointRegistry<DeployedEndpoint> registry = new EndpointRegistry<>();
    private final List<DeployedEndpoint> deployed = new CopyOnWriteArrayList<>();
    /** The sessions of {@link #forUpgrade} endpoints, by endpoint class. */
    private final Map<Class<?>, OpenSessions> upgradeSessions = new ConcurrentHashMap<>();

    /** The first deployment error of the application; once set, nothing is served or deployed. */
    private DeploymentException failure; // guarded by this

    /** Builds the endpoint to deploy: validation that may fail with the rule the endpoint breaks. */
    @FunctionalInterface
    public interface Definition {
        DeployedEndpoint define() throws DeploymentException;
    }

    /**
     * Validates and deploys one endpoint. The first failure fails the application's WebSocket deployment
     * as a whole (JSR 356 §6.4/§5.2: a deployment error halts the deployment, the endpoints deployed before
     * it are withdrawn, and none may be deployed after it) — also when the application catches the
     * exception, as a {@code ServletContextListener} calling {@code addEndpoint} may.
     *
     * @throws DeploymentException when the endpoint is invalid, another endpoint has the same (or an
     *         equivalent) path, or an earlier deployment failed
     */
    public synchronized void deploy(Definition definition) throws DeploymentException {
        if (failure != null) {
            throw new DeploymentException("No endpoint may be deployed: the application's WebSocket deployment"
                    + " failed earlier: " + failure.getMessage(), failure);
        }
        try {
            DeployedEndpoint endpoint = definition.define();
            registry.add(endpoint.path(), endpoint);
            deployed.add(endpoint);
        } catch (DeploymentException e) {
            failure = e;
            registry.clear();
            deployed.clear();
            throw e;
        }
    }

    /**
     * The endpoint of one {@code ServerContainer.upgradeHttpToWebSocket} call: deployed for that request
     * only (frameworks build a configuration per request), not matched by path. Its session joins those
     * of every other upgrade to the same endpoint class, so that {@code getOpenSessions()} shows them and
     * {@link #closeAll} closes them with the rest.
     */
    public DeployedEndpoint forUpgrade(ServerEndpointConfig config) throws DeploymentException {
        if (config.getEndpointClass() == null) {
            throw new DeploymentException("ServerEndpointConfig for " + config.getPath() + " has no endpoint class");
        }
        OpenSessions sessions = upgradeSessions.computeIfAbsent(config.getEndpointClass(), type -> new OpenSessions());
        return EndpointDeployer.configured(config, sessions);
    }

    /** The endpoint for a request path (relative to the application), or null. */
    public EndpointRegistry.Match<DeployedEndpoint> match(String path) {
        return registry.match(path);
    }

    public List<DeployedEndpoint> deployed() {
        return List.copyOf(deployed);
    }

    public boolean isEmpty() {
        return deployed.isEmpty();
    }

    /**
     * Closes every session of every endpoint (on undeploy and shutdown: 1001, going away).
     *
     * @return the sessions it closed, to wait for their connections to end
     */
    public List<TidewaySession> closeAll(CloseReason reason) {
        List<TidewaySession> closed = new ArrayList<>();
        for (OpenSessions sessions : allSessions()) {
            for (TidewaySession session : sessions.all()) {
                session.startClose(reason);
                closed.add(session);
            }
        }
        return closed;
    }

    /** Sessions still open or closing, across all endpoints. */
    public int sessionCount() {
        int count = 0;
        for (OpenSessions sessions : allSessions()) {
            count += sessions.size();
        }
        return count;
    }

    private List<OpenSessions> allSessions() {
        List<OpenSessions> all = new ArrayList<>(upgradeSessions.values());
        deployed.forEach(endpoint -> all.add(endpoint.sessions()));
        return all;
    }
}
