package dev.tideway.websocket.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tideway.websocket.session.NegotiatedExtension;
import jakarta.websocket.Extension;
import jakarta.websocket.server.ServerEndpointConfig;
import java.util.List;
import org.junit.jupiter.api.Test;

class TidewayServerConfiguratorTest {
    private final TidewayServerConfigurator configurator = new TidewayServerConfigurator();

    @Test
    void theClientsFirstSupportedSubprotocolWins() {
        assertEquals("b", configurator.getNegotiatedSubprotocol(List.of("a", "b"), List.of("c", "b", "a")));
        assertEquals("", configurator.getNegotiatedSubprotocol(List.of("a"), List.of("x")));
    }

    @Test
    void requestedExtensionsThatAreInstalledAreKeptInTheClientsOrder() {
        Extension deflate = new NegotiatedExtension("permessage-deflate", List.of());
        Extension other = new NegotiatedExtension("x-other", List.of());
        Extension unknown = new NegotiatedExtension("x-unknown", List.of());
        List<Extension> negotiated = configurator.getNegotiatedExtensions(List.of(deflate, other),
                List.of(other, unknown, deflate));
        assertEquals(List.of("x-other", "permessage-deflate"), negotiated.stream().map(Extension::getName).toList());
    }

    @Test
    void everyOriginPassesTheSpecificationsDefaultCheck() {
        assertTrue(configurator.checkOrigin("https://anywhere.example"));
    }

    @Test
    void theApiFindsTidewaysConfiguratorAsTheContainerDefault() {
        ServerEndpointConfig.Configurator platform = new ServerEndpointConfig.Configurator().getContainerDefaultConfigurator();
        assertInstanceOf(TidewayServerConfigurator.class, platform);
    }
}
