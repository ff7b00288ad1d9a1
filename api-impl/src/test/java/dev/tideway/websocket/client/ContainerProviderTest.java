package dev.tideway.websocket.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;

import jakarta.websocket.ContainerProvider;
import jakarta.websocket.Extension;
import jakarta.websocket.WebSocketContainer;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The Jakarta bootstrap finds Tideway's client container through META-INF/services. */
class ContainerProviderTest {

    @Test
    void getWebSocketContainerReturnsANewTidewayClientContainer() {
        WebSocketContainer first = ContainerProvider.getWebSocketContainer();
        WebSocketContainer second = ContainerProvider.getWebSocketContainer();

        assertInstanceOf(TidewayClientContainer.class, first);
        assertInstanceOf(TidewayClientContainer.class, second);
        assertNotSame(first, second);
    }

    @Test
    void theContainerStartsWithTheDocumentedDefaults() {
        WebSocketContainer container = ContainerProvider.getWebSocketContainer();

        assertEquals(0, container.getDefaultAsyncSendTimeout());
        assertEquals(0, container.getDefaultMaxSessionIdleTimeout());
        assertEquals(64 * 1024, container.getDefaultMaxTextMessageBufferSize());
        assertEquals(64 * 1024, container.getDefaultMaxBinaryMessageBufferSize());
        assertEquals(Set.of("permessage-deflate"),
                container.getInstalledExtensions().stream().map(Extension::getName).collect(Collectors.toSet()));
    }
}
