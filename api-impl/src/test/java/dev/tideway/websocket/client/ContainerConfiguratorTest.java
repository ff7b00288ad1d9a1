package dev.tideway.websocket.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.tideway.websocket.protocol.handshake.HandshakeKeys;
import jakarta.websocket.ClientEndpoint;
import jakarta.websocket.ClientEndpointConfig;
import jakarta.websocket.Extension;
import jakarta.websocket.HandshakeResponse;
import jakarta.websocket.OnMessage;
import jakarta.websocket.Session;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What the client endpoint's configuration puts into the handshake, and what it sees of the answer. */
class ContainerConfiguratorTest {
    private final TidewayClientContainer container = new TidewayClientContainer();
    private TestServer server;

    @AfterEach
    void stopServer() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    /** Adds a header to the request, records the headers of the response. */
    public static class RecordingConfigurator extends ClientEndpointConfig.Configurator {
        static final BlockingQueue<Map<String, List<String>>> RESPONSES = new LinkedBlockingQueue<>();

        @Override
        public void beforeRequest(Map<String, List<String>> headers) {
            headers.put("X-Tideway-Client", List.of("configured", String.valueOf(headers.containsKey("Sec-WebSocket-Key"))));
        }

        @Override
        public void afterResponse(HandshakeResponse response) {
            RESPONSES.add(response.getHeaders());
        }
    }

    @Test
    void beforeRequestAddsAHeaderTheServerSeesAndAfterResponseSeesTheUpgradeHeaders() throws Exception {
        server = TestServer.start(request -> TestServer.Answer.upgrade().header("X-Tideway-Server", "answered"));
        RecordingConfigurator.RESPONSES.clear();

        container.connectToServer(new RecordingEndpoint(), ClientEndpointConfig.Builder.create()
                .configurator(new RecordingConfigurator()).build(), server.uri("/configured"));

        TestServer.Request request = server.takeRequest();
        assertEquals("configured, true", request.header("X-Tideway-Client"));
        Map<String, List<String>> response = RecordingConfigurator.RESPONSES.poll(5, TimeUnit.SECONDS);
        assertNotNull(response, "afterResponse was not called");
        assertEquals(List.of("answered"), response.get("x-tideway-server"));
        assertEquals(List.of("websocket"), response.get("Upgrade"));
        assertEquals(List.of(HandshakeKeys.acceptFor(request.header("Sec-WebSocket-Key"))),
                response.get("Sec-WebSocket-Accept"));
    }

    @Test
    void thePreferredSubprotocolsAreOfferedInOrderAndTheServersChoiceIsNegotiated() throws Exception {
        server = TestServer.start(request -> TestServer.Answer.upgrade()
                .subprotocol(request.header("Sec-WebSocket-Protocol").split(", ")[1]));

        Session session = container.connectToServer(new RecordingEndpoint(), ClientEndpointConfig.Builder.create()
                .preferredSubprotocols(List.of("v2.chat.tideway", "v1.chat.tideway")).build(), server.uri("/"));

        assertEquals("v2.chat.tideway, v1.chat.tideway", server.takeRequest().header("Sec-WebSocket-Protocol"));
        assertEquals("v1.chat.tideway", session.getNegotiatedSubprotocol());
    }

    @Test
    void aServerChoosingNoSubprotocolLeavesItEmpty() throws Exception {
        server = TestServer.echo();

        Session session = container.connectToServer(new RecordingEndpoint(), ClientEndpointConfig.Builder.create()
                .preferredSubprotocols(List.of("chat")).build(), server.uri("/"));

        assertEquals("", session.getNegotiatedSubprotocol());
    }

    @Test
    void aConfiguredExtensionTidewayDoesNotImplementIsStillOffered() throws Exception {
        server = TestServer.echo();
        Extension unknown = extension("x-tideway-unknown", "level", "3");

        Session session = container.connectToServer(new RecordingEndpoint(), ClientEndpointConfig.Builder.create()
                .extensions(List.of(unknown)).build(), server.uri("/"));

        assertEquals("x-tideway-unknown; level=3", server.takeRequest().header("Sec-WebSocket-Extensions"));
        assertEquals(List.of(), session.getNegotiatedExtensions());
    }

    @Test
    void theUserPropertyOffersCompressionBeforeTheConfiguredExtensions() throws Exception {
        server = TestServer.echo();
        ClientEndpointConfig config = ClientEndpointConfig.Builder.create()
                .extensions(List.of(extension("x-tideway-unknown", "level", "3"))).build();
        config.getUserProperties().put("dev.tideway.websocket.client.permessageDeflate", true);

        Session session = container.connectToServer(new RecordingEndpoint(), config, server.uri("/"));

        assertEquals("permessage-deflate, x-tideway-unknown; level=3",
                server.takeRequest().header("Sec-WebSocket-Extensions"));
        assertEquals(List.of("permessage-deflate"),
                session.getNegotiatedExtensions().stream().map(Extension::getName).toList());
    }

    @Test
    void aDefaultConfigurationOffersNoExtension() throws Exception {
        server = TestServer.echo();

        Session session = container.connectToServer(new RecordingEndpoint(), ClientEndpointConfig.Builder.create().build(),
                server.uri("/"));

        assertNull(server.takeRequest().header("Sec-WebSocket-Extensions"));
        assertEquals(List.of(), session.getNegotiatedExtensions());
    }

    /** Offers two subprotocols and runs the recording configurator, both from its annotation. */
    @ClientEndpoint(subprotocols = {"first", "second"}, configurator = RecordingConfigurator.class)
    public static class AnnotatedConfigured {
        @OnMessage
        public void text(String message) {
        }
    }

    @Test
    void anAnnotatedEndpointOffersTheSubprotocolsAndRunsTheConfiguratorOfItsAnnotation() throws Exception {
        server = TestServer.start(request -> TestServer.Answer.upgrade().subprotocol("second"));
        RecordingConfigurator.RESPONSES.clear();

        Session session = container.connectToServer(new AnnotatedConfigured(), server.uri("/"));

        TestServer.Request request = server.takeRequest();
        assertEquals("first, second", request.header("Sec-WebSocket-Protocol"));
        assertEquals("configured, true", request.header("X-Tideway-Client"));
        assertNotNull(RecordingConfigurator.RESPONSES.poll(5, TimeUnit.SECONDS), "afterResponse was not called");
        assertEquals("second", session.getNegotiatedSubprotocol());
    }

    static Extension extension(String name, String... parameters) {
        List<Extension.Parameter> list = new ArrayList<>();
        for (int i = 0; i < parameters.length; i += 2) {
            String parameterName = parameters[i];
            String value = parameters[i + 1];
            list.add(new Extension.Parameter() {
                @Override
                public String getName() {
                    return parameterName;
                }

                @Override
                public String getValue() {
                    return value;
                }
            });
        }
        return new Extension() {
            @Override
            public String getName() {
                return name;
            }

            @Override
            public List<Parameter> getParameters() {
                return list;
            }

            @Override
            public String toString() {
                return name + Arrays.toString(parameters);
            }
        };
    }
}
