package dev.tideway.websocket.samples.war;

import jakarta.websocket.Endpoint;
import jakarta.websocket.server.ServerApplicationConfig;
import jakarta.websocket.server.ServerEndpointConfig;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Chooses what the application deploys: the programmatic {@link InfoEndpoint} at {@code /info}, with its
 * encoder, and the annotated endpoints the container found (only {@link EchoEndpoint}).
 */
public class SampleApplicationConfig implements ServerApplicationConfig {

    @Override
    public Set<ServerEndpointConfig> getEndpointConfigs(Set<Class<? extends Endpoint>> endpointClasses) {
        return endpointClasses.stream()
                .filter(InfoEndpoint.class::equals)
                .map(info -> ServerEndpointConfig.Builder.create(info, "/info")
                        .encoders(List.of(ImplementationInfoEncoder.class))
                        .build())
                .collect(Collectors.toSet());
    }

    @Override
    public Set<Class<?>> getAnnotatedEndpointClasses(Set<Class<?>> scanned) {
        return scanned;
    }
}
