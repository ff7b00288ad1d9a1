package dev.tideway.websocket.client;

import jakarta.websocket.ContainerProvider;
import jakarta.websocket.WebSocketContainer;

/** Found by {@code ContainerProvider.getWebSocketContainer()} through {@code META-INF/services}. */
public final class TidewayContainerProvider extends ContainerProvider {
    /** A new client container: its threads start with its first connection and die when it idles. */
    @Override
    protected WebSocketContainer getContainer() {
        return new TidewayClientContainer();
    }
}
