package dev.tideway.websocket.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpointConfig;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A user property whose value is null (what {@code modifyHandshake} puts there from
 * {@code getHttpSession()} when the request has no HTTP session) is copied into the session like any
 * other, and the session's map takes nulls too.
 */
@Timeout(10)
class NullUserPropertyTest {

    @Test
    void aNullUserPropertyIsCopiedIntoTheSession() throws Exception {
        ServerEndpointConfig config = ServerEndpointConfig.Builder.create(Endpoint.class, "/").build();
        config.getUserProperties().put("httpSession", null);
        config.getUserProperties().put("user", "alice");
        CountDownLatch opened = new CountDownLatch(1);
        Endpoint endpoint = new Endpoint() {
            @Override
            public void onOpen(Session session, EndpointConfig endpointConfig) {
                opened.countDown();
            }
        };

        SessionPair pair = new SessionPair();
        try {
            pair.open(endpoint, config, endpoint, config);
            assertTrue(opened.await(5, TimeUnit.SECONDS));

            assertTrue(pair.server.getUserProperties().containsKey("httpSession"));
            assertNull(pair.server.getUserProperties().get("httpSession"));
            assertEquals("alice", pair.server.getUserProperties().get("user"));
            pair.server.getUserProperties().put("later", null);
            assertTrue(pair.server.getUserProperties().containsKey("later"));
        } finally {
            pair.close();
        }
    }
}
