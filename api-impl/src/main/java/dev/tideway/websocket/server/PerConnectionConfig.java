package dev.tideway.websocket.server;

import jakarta.websocket.Decoder;
import jakarta.websocket.Encoder;
import jakarta.websocket.Extension;
import jakarta.websocket.server.ServerEndpointConfig;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The configuration that one opening handshake, and the session it opens, see: the endpoint's, except for
 * the user properties, which are this connection's own, starting as a copy of the endpoint's.
 *
 * <p>Applications pass per-connection values from {@code modifyHandshake} to the endpoint through
 * {@code sec.getUserProperties()} (the HTTP session, the user). On the endpoint's shared configuration
 * such a value would reach every other connection, and concurrent handshakes would overwrite each other's;
 * here it reaches only this connection's {@code EndpointConfig} and, copied, its session
 * ({@code Session.getUserProperties()}: "a shallow copy ... at the point modifyHandshake exits").
 */
public final class PerConnectionConfig implements ServerEndpointConfig {
    private final ServerEndpointConfig endpoint;
    private final Map<String, Object> userProperties;

    public PerConnectionConfig(ServerEndpointConfig endpoint) {
        this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
        this.userProperties = new HashMap<>(endpoint.getUserProperties()); // one handshake thread at a time
    }

    @Override
    public Map<String, Object> getUserProperties() {
        return userProperties;
    }

    @Override
    public Class<?> getEndpointClass() {
        return endpoint.getEndpointClass();
    }

    @Override
    public String getPath() {
        return endpoint.getPath();
    }

    @Override
    public List<String> getSubprotocols() {
        return endpoint.getSubprotocols();
    }

    @Override
    public List<Extension> getExtensions() {
        return endpoint.getExtensions();
    }

    @Override
    public Configurator getConfigurator() {
        return endpoint.getConfigurator();
    }

    @Override
    public List<Class<? extends Decoder>> getDecoders() {
        return endpoint.getDecoders();
    }

    @Override
    public List<Class<? extends Encoder>> getEncoders() {
        return endpoint.getEncoders();
    }
}
