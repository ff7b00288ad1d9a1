package dev.tideway.websocket.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.websocket.CloseReason;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.Extension;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.Session;
import java.net.URI;
import java.nio.ByteBuffer;
import java.security.Principal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * What a session tells about itself: identity, open state, its endpoint's open sessions, user properties,
 * the request, the negotiated subprotocol and extensions, the protocol version and the container's
 * defaults; and that a closed session refuses everything but {@code close}, {@code isOpen} and
 * {@code getId}, while {@code onClose} may still use it.
 */
class SessionPropertiesTest {

    @Test
    void everySessionHasItsOwnId() throws Exception {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 3; i++) {
            try (SessionPair pair = SessionPair.open(new RecordingEndpoint(), new RecordingEndpoint())) {
                ids.add(pair.server.getId());
                ids.add(pair.client.getId());
            }
        }
        assertEquals(6, ids.size(), "ids: " + ids);
    }

    @Test
    void getOpenSessionsHoldsTheOpenSessionsOfTheSameEndpointOnly() throws Exception {
        OpenSessions endpointSessions = new OpenSessions();
        List<SessionPair> pairs = new ArrayList<>();
        List<RecordingEndpoint> servers = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                RecordingEndpoint server = new RecordingEndpoint();
                servers.add(server);
                pairs.add(new SessionPair().serverSessions(endpointSessions)
                        .open(server, SessionPair.config(), new RecordingEndpoint(), SessionPair.config()));
            }
            Session first = pairs.get(0).server;
            assertEquals(Set.of(pairs.get(0).server, pairs.get(1).server, pairs.get(2).server),
                    first.getOpenSessions());
            assertEquals(Set.of(pairs.get(0).client), pairs.get(0).client.getOpenSessions(),
                    "a client session is of another endpoint");

            pairs.get(1).server.close();
            assertEquals(Set.of(pairs.get(0).server, pairs.get(2).server), first.getOpenSessions(),
                    "a closing session is no longer open");
            servers.get(1).awaitClose();
            Await.until("the closed session left", () -> endpointSessions.size() == 2);
            assertThrows(UnsupportedOperationException.class, () -> first.getOpenSessions().clear());
        } finally {
            for (SessionPair pair : pairs) {
                pair.close();
            }
        }
    }

    @Test
    void userPropertiesAreAPerSessionCopyOfTheConfigurations() throws Exception {
        EndpointConfig config = SessionPair.config();
        config.getUserProperties().put("shared", "from config");
        try (SessionPair first = new SessionPair().open(new RecordingEndpoint(), config, new RecordingEndpoint(), config);
             SessionPair second = new SessionPair().open(new RecordingEndpoint(), config, new RecordingEndpoint(),
                     config)) {
            Map<String, Object> mine = first.server.getUserProperties();
            assertEquals("from config", mine.get("shared"));
            mine.put("own", 1);
            mine.put("shared", "changed");

            assertSame(mine, first.server.getUserProperties(), "the same map for the life of the session");
            assertEquals(Map.of("shared", "from config"), second.server.getUserProperties());
            assertEquals(Map.of("shared", "from config"), first.client.getUserProperties());
            assertEquals(Map.of("shared", "from config"), config.getUserProperties());
        }
    }

    @Test
    void theRequestAsTheServerSessionSawIt() throws Exception {
        Principal ann = () -> "ann";
        SessionRequest request = new SessionRequest(URI.create("wss://example.org/chat/lobby?user=ann&user=bob"),
                Map.of("room", "lobby"), "user=ann&user=bob", Map.of("user", List.of("ann", "bob")), ann, true);
        try (SessionPair pair = new SessionPair().serverRequest(request)
                .open(new RecordingEndpoint(), SessionPair.config(), new RecordingEndpoint(), SessionPair.config())) {
            Session server = pair.server;
            assertEquals(URI.create("wss://example.org/chat/lobby?user=ann&user=bob"), server.getRequestURI());
            assertEquals("user=ann&user=bob", server.getQueryString());
            assertEquals(Map.of("user", List.of("ann", "bob")), server.getRequestParameterMap());
            assertEquals(Map.of("room", "lobby"), server.getPathParameters());
            assertSame(ann, server.getUserPrincipal());
            assertTrue(server.isSecure());
            assertNull(pair.client.getUserPrincipal());
            assertFalse(pair.client.isSecure());
        }
    }

    @Test
    void theNegotiatedSubprotocolExtensionsAndProtocolVersion() throws Exception {
        NegotiatedExtension deflate = new NegotiatedExtension("permessage-deflate",
                List.of(new NegotiatedExtension.Parameter("client_max_window_bits", "10")));
        try (SessionPair pair = new SessionPair().negotiated("chat.v2", List.of(deflate))
                .open(new RecordingEndpoint(), SessionPair.config(), new RecordingEndpoint(), SessionPair.config())) {
            assertEquals("chat.v2", pair.server.getNegotiatedSubprotocol());
            List<Extension> extensions = pair.server.getNegotiatedExtensions();
            assertEquals(1, extensions.size());
            assertEquals("permessage-deflate", extensions.get(0).getName());
            assertEquals("client_max_window_bits", extensions.get(0).getParameters().get(0).getName());
            assertEquals("10", extensions.get(0).getParameters().get(0).getValue());
            assertEquals("13", pair.server.getProtocolVersion());
        }
        try (SessionPair plain = SessionPair.open(new RecordingEndpoint(), new RecordingEndpoint())) {
            assertEquals("", plain.server.getNegotiatedSubprotocol(), "none negotiated: the empty string");
            assertEquals(List.of(), plain.server.getNegotiatedExtensions());
        }
    }

    @Test
    void theContainersDefaultsAndTheSessionsOwnSettings() throws Exception {
        SessionPair pair = new SessionPair();
        pair.container.setDefaultMaxSessionIdleTimeout(60_000);
        pair.container.setDefaultMaxTextMessageBufferSize(1234);
        pair.container.setDefaultMaxBinaryMessageBufferSize(5678);
        try (pair) {
            pair.open(new RecordingEndpoint(), SessionPair.config(), new RecordingEndpoint(), SessionPair.config());
            Session server = pair.server;
            assertSame(pair.container, server.getContainer());
            assertEquals(60_000, server.getMaxIdleTimeout());
            assertEquals(1234, server.getMaxTextMessageBufferSize());
            assertEquals(5678, server.getMaxBinaryMessageBufferSize());

            server.setMaxIdleTimeout(30_000);
            server.setMaxTextMessageBufferSize(100);
            server.setMaxBinaryMessageBufferSize(200);
            assertEquals(30_000, server.getMaxIdleTimeout());
            assertEquals(100, server.getMaxTextMessageBufferSize());
            assertEquals(200, server.getMaxBinaryMessageBufferSize());
            assertEquals(60_000, pair.client.getMaxIdleTimeout(), "settings are per session");
            assertNotSame(server.getBasicRemote(), pair.client.getBasicRemote());
        }
    }

    @Test
    void aClosedSessionRefusesEverythingButCloseIsOpenAndGetId() throws Exception {
        RecordingEndpoint server = new RecordingEndpoint();
        try (SessionPair pair = SessionPair.open(server, new RecordingEndpoint())) {
            Session session = pair.server;
            String id = session.getId();
            session.close();
            server.awaitClose();
            Await.until("the session is closed", () -> pair.serverSessions.size() == 0);

            List<Executable> refused = List.of(
                    session::getBasicRemote, session::getAsyncRemote, session::getMessageHandlers,
                    () -> session.addMessageHandler(String.class, message -> { }),
                    () -> session.removeMessageHandler((MessageHandler.Whole<String>) message -> { }),
                    session::getUserProperties,
                    session::getRequestURI, session::getQueryString, session::getRequestParameterMap,
                    session::getPathParameters, session::getUserPrincipal, session::getOpenSessions,
                    session::getProtocolVersion, session::getNegotiatedSubprotocol,
                    session::getNegotiatedExtensions, session::isSecure, session::getContainer,
                    session::getMaxIdleTimeout, () -> session.setMaxIdleTimeout(1),
                    session::getMaxTextMessageBufferSize, () -> session.setMaxTextMessageBufferSize(1),
                    session::getMaxBinaryMessageBufferSize, () -> session.setMaxBinaryMessageBufferSize(1));
            for (Executable call : refused) {
                IllegalStateException e = assertThrows(IllegalStateException.class, call);
                assertEquals("Session " + id + " is closed: only close() may be called", e.getMessage());
            }
            session.close(); // no-op, no exception
            assertFalse(session.isOpen());
            assertEquals(id, session.getId());
        }
    }

    @Test
    void whatOnCloseThrowsGoesToOnErrorWhileTheSessionIsStillOpen() throws Exception {
        BlockingQueue<Object> seenInOnError = new LinkedBlockingQueue<>();
        Endpoint server = new Endpoint() {
            @Override
            public void onOpen(Session session, EndpointConfig config) {
            }

            @Override
            public void onClose(Session session, CloseReason reason) {
                throw new ArithmeticException("/ by zero");
            }

            @Override
            public void onError(Session session, Throwable failure) {
                seenInOnError.add(failure.getMessage());
                seenInOnError.add(session.isOpen());
            }
        };
        try (SessionPair pair = SessionPair.open(server, new RecordingEndpoint())) {
            pair.client.close();

            assertEquals("/ by zero", Await.poll(seenInOnError));
            assertEquals(true, Await.poll(seenInOnError), "a waiter for !isOpen() sees onError's work done");
            Await.until("the session closed after onError", () -> !pair.server.isOpen());
        }
    }

    @Test
    void onCloseMayStillUseTheSession() throws Exception {
        BlockingQueue<Object> seenInOnClose = new LinkedBlockingQueue<>();
        RecordingEndpoint server = new RecordingEndpoint().whenClosed((session, reason) -> {
            seenInOnClose.add(session.isOpen());
            seenInOnClose.add(session.getUserProperties().get("k"));
            seenInOnClose.add(session.getRequestURI());
            seenInOnClose.add(session.getMessageHandlers().size());
            seenInOnClose.add(session.getOpenSessions().contains(session));
            seenInOnClose.add(session.getBasicRemote() != null);
        });
        try (SessionPair pair = SessionPair.open(server, new RecordingEndpoint())) {
            Await.get(server.opened);
            pair.server.getUserProperties().put("k", "v");
            pair.server.addMessageHandler(ByteBuffer.class, message -> { });
            pair.client.close();

            server.awaitClose();
            assertTrue(server.errors.isEmpty(), () -> "onClose failed: " + server.errors);
            // open, and among the open sessions, until onClose has returned
            assertEquals(List.of(true, "v", URI.create("ws://localhost/test?x=1"), 1, true, true),
                    List.copyOf(seenInOnClose));
            Await.until("the session closed once onClose returned", () -> !pair.server.isOpen());
        }
    }
}
