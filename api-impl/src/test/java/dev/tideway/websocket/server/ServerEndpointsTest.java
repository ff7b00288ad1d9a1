package dev.tideway.websocket.server;

import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpointConfig;
import org.junit.jupiter.api.Test;

/** The endpoints of {@code ServerContainer.upgradeHttpToWebSocket}: per request, sessions grouped by class. */
class ServerEndpointsTest {
    private final ServerEndpoints endpoints = new ServerEndpoints();

    public static class Chat extends Endpoint {
        @Override
        public void onOpen(Session session, EndpointConfig config) {
        }
    }

    public static class Feed extends Endpoint {
        @Override
        public void onOpen(Session session, EndpointConfig config) {
        }
    }

    @Test
    void upgradesToTheSameEndpointClassShareTheirSessionsEvenWithAConfigurationPerRequest() throws Exception {
        DeployedEndpoint first = endpoints.forUpgrade(ServerEndpointConfig.Builder.create(Chat.class, "/a").build());
        DeployedEndpoint second = endpoints.forUpgrade(ServerEndpointConfig.Builder.create(Chat.class, "/b").build());
        DeployedEndpoint other = endpoints.forUpgrade(ServerEndpointConfig.Builder.create(Feed.class, "/a").build());

        assertNotSame(first, second);
        assertSame(first.sessions(), second.sessions());
        assertNotSame(first.sessions(), other.sessions());
    }

    @Test
    void upgradeEndpointsAreNotMatchedByPath() throws Exception {
        endpoints.forUpgrade(ServerEndpointConfig.Builder.create(Chat.class, "/chat").build());

        assertNull(endpoints.match("/chat"));
        assertTrue(endpoints.isEmpty());
    }
}
