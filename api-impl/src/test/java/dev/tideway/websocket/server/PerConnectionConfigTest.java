package dev.tideway.websocket.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import jakarta.websocket.Endpoint;
import jakarta.websocket.server.ServerEndpointConfig;
import java.util.List;
import org.junit.jupiter.api.Test;

class PerConnectionConfigTest {
    private final ServerEndpointConfig.Configurator configurator = new ServerEndpointConfig.Configurator();
    private final ServerEndpointConfig endpoint = ServerEndpointConfig.Builder.create(Endpoint.class, "/chat/{room}")
            .subprotocols(List.of("v1"))
            .configurator(configurator)
            .build();

    @Test
    void userPropertiesStartAsACopyOfTheEndpointsAndStayThisConnections() {
        endpoint.getUserProperties().put("shared", "yes");
        PerConnectionConfig first = new PerConnectionConfig(endpoint);
        PerConnectionConfig second = new PerConnectionConfig(endpoint);

        first.getUserProperties().put("httpSession", "first's");
        first.getUserProperties().put("nothing", null);

        assertEquals("yes", first.getUserProperties().get("shared"));
        assertEquals("yes", second.getUserProperties().get("shared"));
        assertNull(second.getUserProperties().get("httpSession"));
        assertFalse(endpoint.getUserProperties().containsKey("httpSession"), "the endpoint's map was changed");
    }

    @Test
    void everythingElseIsTheEndpoints() {
        PerConnectionConfig config = new PerConnectionConfig(endpoint);

        assertSame(Endpoint.class, config.getEndpointClass());
        assertEquals("/chat/{room}", config.getPath());
        assertEquals(List.of("v1"), config.getSubprotocols());
        assertSame(configurator, config.getConfigurator());
        assertSame(endpoint.getDecoders(), config.getDecoders());
        assertSame(endpoint.getEncoders(), config.getEncoders());
        assertSame(endpoint.getExtensions(), config.getExtensions());
    }
}
