package dev.tideway.websocket.server;

import dev.tideway.websocket.codec.DecoderDefinition;
import dev.tideway.websocket.codec.EncoderDefinition;
import dev.tideway.websocket.endpoint.AnnotatedEndpoint;
import dev.tideway.websocket.endpoint.AnnotatedEndpointModel;
import dev.tideway.websocket.endpoint.EndpointInstances;
import dev.tideway.websocket.endpoint.UriTemplate;
import dev.tideway.websocket.session.OpenSessions;
import jakarta.websocket.Endpoint;
import jakarta.websocket.server.ServerEndpointConfig;
import java.util.List;

/**
 * A server endpoint as deployed: its configuration, its path, its validated coders and, for an annotated
 * endpoint, its scanned model; plus the sessions open on it (shared with other deployments of the same
 * endpoint class for the endpoints of {@link ServerEndpoints#forUpgrade}). Everything a connection needs is resolved here,
 * once, at deployment.
 */
public final class DeployedEndpoint {
    private final ServerEndpointConfig config;
    private final ServerEndpointConfig.Configurator configurator;
    private final UriTemplate path;
    private final AnnotatedEndpointModel model;
    private final List<DecoderDefinition> decoders;
    private final List<EncoderDefinition> encoders;
    private final OpenSessions sessions;

    DeployedEndpoint(ServerEndpointConfig config, UriTemplate path, AnnotatedEndpointModel model,
                     List<DecoderDefinition> decoders, List<EncoderDefinition> encoders, OpenSessions sessions) {
        this.config = config;
        this.configurator = EffectiveConfigurator.of(config.getConfigurator());
        this.sessions = sessions;
        this.path = path;
        this.model = model;
        this.decoders = List.copyOf(decoders);
        this.encoders = List.copyOf(encoders);
    }

    public ServerEndpointConfig config() {
        return config;
    }

    /**
     * The configurator handshakes and new endpoints go through: the configuration's own for the methods it
     * overrides, Tideway's defaults for the others (see {@link EffectiveConfigurator}).
     */
    public ServerEndpointConfig.Configurator configurator() {
        return configurator;
    }

    public UriTemplate path() {
        return path;
    }

    public List<DecoderDefinition> decoders() {
        return decoders;
    }

    public List<EncoderDefinition> encoders() {
        return encoders;
    }

    public OpenSessions sessions() {
        return sessions;
    }

    /** The endpoint for one new connection, from the configurator (which may take it from CDI). */
    public Endpoint newEndpoint() throws InstantiationException {
        Object instance = configurator.getEndpointInstance(config.getEndpointClass());
        if (instance == null) {
            throw new InstantiationException(config.getConfigurator().getClass().getName()
                    + ".getEndpointInstance returned null for " + config.getEndpointClass().getName());
        }
        return model == null ? (Endpoint) instance : new AnnotatedEndpoint(model, instance);
    }

    /** Ends the life of an endpoint made by {@link #newEndpoint} once its session is over. */
    public void release(Endpoint endpoint) {
        EndpointInstances.release(endpoint instanceof AnnotatedEndpoint annotated ? annotated.instance() : endpoint);
    }

    @Override
    public String toString() {
        return path + " -> " + config.getEndpointClass().getName();
    }
}
