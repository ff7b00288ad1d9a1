package dev.tideway.websocket.server;

import dev.tideway.websocket.endpoint.EndpointInstances;
import jakarta.websocket.Extension;
import jakarta.websocket.HandshakeResponse;
import jakarta.websocket.server.HandshakeRequest;
import jakarta.websocket.server.ServerEndpointConfig;
import java.util.ArrayList;
import java.util.List;

/**
 * Tideway's container-default {@link ServerEndpointConfig.Configurator}, found by the API through
 * {@code ServiceLoader}: every configurator an application writes inherits these behaviours unless it
 * overrides them.
 *
 * <ul>
 *   <li>Subprotocol: the first of the client's, in the client's order, that the endpoint supports
 *   (the API's documented default).</li>
 *   <li>Extensions: those the client requested that the container has installed, in the client's order.</li>
 *   <li>Origin: every origin is accepted, as the specification says; Tideway's origin allow-list is a
 *   separate, opt-in check that runs before this one (see the README).</li>
 *   <li>Endpoint instances: from CDI when a bean manager is available, else the public no-arg
 *   constructor, a new instance per connection.</li>
 * </ul>
 */
public class TidewayServerConfigurator extends ServerEndpointConfig.Configurator {

    @Override
    public String getNegotiatedSubprotocol(List<String> supported, List<String> requested) {
        for (String candidate : requested) {
            if (supported.contains(candidate)) {
                return candidate;
            }
        }
        return "";
    }

    @Override
    public List<Extension> getNegotiatedExtensions(List<Extension> installed, List<Extension> requested) {
        List<Extension> negotiated = new ArrayList<>();
        for (Extension candidate : requested) {
            for (Extension available : installed) {
                if (available.getName().equalsIgnoreCase(candidate.getName())) {
                    negotiated.add(candidate);
                    break;
                }
            }
        }
        return negotiated;
    }

    @Override
    public boolean checkOrigin(String originHeaderValue) {
        return true;
    }

    @Override
    public void modifyHandshake(ServerEndpointConfig sec, HandshakeRequest request, HandshakeResponse response) {
        // nothing to change by default
    }

    @Override
    public <T> T getEndpointInstance(Class<T> endpointClass) throws InstantiationException {
        return EndpointInstances.create(endpointClass);
    }
}
