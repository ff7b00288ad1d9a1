package dev.tideway.websocket.samples.war;

import jakarta.websocket.ContainerProvider;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpointConfig;

/**
 * Which WebSocket implementation serves a session, found out the portable way from inside the application:
 * the jar manifest of the session's container class names the implementation, and the two
 * {@code ServiceLoader} look-ups of the API show which implementation the application gets when it asks
 * the API itself (a container that ships its own implementation offers a second candidate to both).
 *
 * @param implementation       title and version from the manifest of the jar that holds the server container
 * @param serverContainer      the class of {@link Session#getContainer()}
 * @param clientContainer      the class {@link ContainerProvider#getWebSocketContainer()} returns here
 * @param defaultConfigurator  the class of the API's container-default {@code ServerEndpointConfig.Configurator}
 * @param endpointMadeBy       the configurator class that made the endpoint instance (see {@link InfoEndpoint})
 * @param websocketApi         the specification version of the Jakarta WebSocket API classes in use
 */
public record ImplementationInfo(String implementation, String serverContainer, String clientContainer,
                                 String defaultConfigurator, String endpointMadeBy, String websocketApi) {

    /** What serves {@code session}, whose endpoint {@code endpointMadeBy} made, looked up now, on the calling thread. */
    public static ImplementationInfo of(Session session, String endpointMadeBy) {
        Class<?> container = session.getContainer().getClass();
        Package containerPackage = container.getPackage();
        String implementation = containerPackage.getImplementationTitle() == null
                ? "unknown implementation"
                : containerPackage.getImplementationTitle() + " " + containerPackage.getImplementationVersion();
        return new ImplementationInfo(implementation, container.getName(),
                ContainerProvider.getWebSocketContainer().getClass().getName(),
                new ServerEndpointConfig.Configurator().getContainerDefaultConfigurator().getClass().getName(),
                endpointMadeBy,
                String.valueOf(ServerEndpointConfig.class.getPackage().getSpecificationVersion()));
    }
}
