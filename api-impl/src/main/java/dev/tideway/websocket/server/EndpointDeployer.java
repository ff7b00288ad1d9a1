package dev.tideway.websocket.server;

import dev.tideway.websocket.codec.DecoderDefinition;
import dev.tideway.websocket.codec.EncoderDefinition;
import dev.tideway.websocket.endpoint.AnnotatedEndpointModel;
import dev.tideway.websocket.endpoint.AnnotatedEndpointScanner;
import dev.tideway.websocket.endpoint.UriTemplate;
import dev.tideway.websocket.session.OpenSessions;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.Endpoint;
import jakarta.websocket.server.ServerEndpoint;
import jakarta.websocket.server.ServerEndpointConfig;
import java.util.Arrays;
import java.util.List;

/**
 * Turns what an application declares — an annotated class, or a {@link ServerEndpointConfig} — into a
 * {@link DeployedEndpoint}, validating everything up front: an invalid endpoint fails deployment with a
 * {@link DeploymentException} that names the class, the method and the rule, never a connection later.
 */
public final class EndpointDeployer {
    private EndpointDeployer() {
    }

    /** A class annotated with {@code @ServerEndpoint}. */
    public static DeployedEndpoint annotated(Class<?> endpointClass) throws DeploymentException {
        ServerEndpoint annotation = endpointClass.getAnnotation(ServerEndpoint.class);
        if (annotation == null) {
            throw new DeploymentException(endpointClass.getName() + " is not annotated with @ServerEndpoint");
        }
        AnnotatedEndpointModel model = AnnotatedEndpointScanner.scan(endpointClass);
        ServerEndpointConfig.Configurator configurator;
        try {
            configurator = (ServerEndpointConfig.Configurator) model.configurator().newInstance();
        } catch (InstantiationException e) {
            throw new DeploymentException(endpointClass.getName() + ": its configurator "
                    + annotation.configurator().getName() + " could not be created", e);
        }
        if (configurator.getClass() == ServerEndpointConfig.Configurator.class
                || configurator.getClass() == TidewayServerConfigurator.class) {
            model.validateInstantiable(); // only the default configurator needs the no-arg constructor
        }
        ServerEndpointConfig config = ServerEndpointConfig.Builder.create(endpointClass, annotation.value())
                .subprotocols(Arrays.asList(annotation.subprotocols()))
                .decoders(Arrays.asList(annotation.decoders()))
                .encoders(Arrays.asList(annotation.encoders()))
                .configurator(configurator)
                .build();
        return new DeployedEndpoint(config, model.path(), model, model.decoders(), model.encoders(),
                new OpenSessions());
    }

    /**
     * A programmatic configuration; its endpoint class is an {@link Endpoint} subclass, or a
     * {@code @ServerEndpoint}-style annotated class deployed under this configuration.
     */
    public static DeployedEndpoint configured(ServerEndpointConfig config) throws DeploymentException {
        return configured(config, new OpenSessions());
    }

    /** A programmatic configuration whose sessions join {@code sessions}. */
    static DeployedEndpoint configured(ServerEndpointConfig config, OpenSessions sessions) throws DeploymentException {
        Class<?> endpointClass = config.getEndpointClass();
        if (endpointClass == null) {
            throw new DeploymentException("ServerEndpointConfig for " + config.getPath() + " has no endpoint class");
        }
        UriTemplate path = UriTemplate.parse(config.getPath());
        List<DecoderDefinition> decoders = DecoderDefinition.ofAll(config.getDecoders());
        List<EncoderDefinition> encoders = EncoderDefinition.ofAll(config.getEncoders());
        if (Endpoint.class.isAssignableFrom(endpointClass)) {
            return new DeployedEndpoint(config, path, null, decoders, encoders, sessions);
        }
        AnnotatedEndpointModel model = AnnotatedEndpointScanner.scan(endpointClass);
        return new DeployedEndpoint(config, path, model, decoders, encoders, sessions);
    }

}
