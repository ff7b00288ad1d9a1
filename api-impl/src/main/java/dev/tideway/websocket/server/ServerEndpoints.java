package dev.tideway.websocket.server;

import dev.tideway.websocket.session.TidewaySession;
import jakarta.websocket.CloseReason;
import jakarta.websocket.DeploymentException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The endpoints deployed in one web application, matched by path with the specification's precedence:
 * the servlet-free core of a server container.
 */
public final class ServerEndpoints {
    private final EndpointRegistry<DeployedEndpoint> registry = new EndpointRegistry<>();
    private final List<DeployedEndpoint> deployed = new CopyOnWriteArrayList<>();

    /** @throws DeploymentException when another endpoint has the same (or an equivalent) path */
    public void add(DeployedEndpoint endpoint) throws DeploymentException {
        registry.add(endpoint.path(), endpoint);
        deployed.add(endpoint);
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

    /** Closes every session of every endpoint (on undeploy and shutdown: 1001, going away). */
    public void closeAll(CloseReason reason) {
        for (DeployedEndpoint endpoint : deployed) {
            for (TidewaySession session : endpoint.sessions().all()) {
                session.close(reason);
            }
        }
    }

    /** Sessions still open or closing, across all endpoints. */
    public int sessionCount() {
        int count = 0;
        for (DeployedEndpoint endpoint : deployed) {
            count += endpoint.sessions().size();
        }
        return count;
    }
}
