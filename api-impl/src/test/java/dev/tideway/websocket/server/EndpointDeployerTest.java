package dev.tideway.websocket.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tideway.websocket.endpoint.AnnotatedEndpoint;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.OnMessage;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;
import jakarta.websocket.server.ServerEndpointConfig;
import java.util.List;
import org.junit.jupiter.api.Test;

class EndpointDeployerTest {

    @ServerEndpoint(value = "/chat/{room}", subprotocols = {"v2", "v1"})
    public static class Chat {
        @OnMessage
        public String echo(String text) {
            return text;
        }
    }

    @ServerEndpoint("/broken")
    public static class TwoTextHandlers {
        @OnMessage
        public void a(String text) {
        }

        @OnMessage
        public void b(String text) {
        }
    }

    @ServerEndpoint("/no-constructor")
    public static class NoConstructor {
        public NoConstructor(String unused) {
        }

        @OnMessage
        public void a(String text) {
        }
    }

    public static class Programmatic extends Endpoint {
        @Override
        public void onOpen(Session session, EndpointConfig config) {
        }
    }

    @Test
    void anAnnotatedEndpointIsDeployedWithItsAnnotationsConfiguration() throws Exception {
        DeployedEndpoint deployed = EndpointDeployer.annotated(Chat.class);
        ServerEndpointConfig config = deployed.config();
        assertEquals("/chat/{room}", config.getPath());
        assertEquals(List.of("v2", "v1"), config.getSubprotocols());
        assertEquals(Chat.class, config.getEndpointClass());
        assertEquals(List.of("room"), deployed.path().variableNames());
    }

    @Test
    void eachConnectionGetsAFreshAnnotatedInstanceBehindAnAdapter() throws Exception {
        DeployedEndpoint deployed = EndpointDeployer.annotated(Chat.class);
        Endpoint first = deployed.newEndpoint();
        Endpoint second = deployed.newEndpoint();
        assertInstanceOf(Chat.class, ((AnnotatedEndpoint) first).instance());
        assertNotSame(((AnnotatedEndpoint) first).instance(), ((AnnotatedEndpoint) second).instance());
    }

    @Test
    void anInvalidEndpointFailsDeploymentNamingClassMethodAndRule() {
        DeploymentException e = assertThrows(DeploymentException.class,
                () -> EndpointDeployer.annotated(TwoTextHandlers.class));
        assertTrue(e.getMessage().contains(TwoTextHandlers.class.getName()), e.getMessage());
        assertTrue(e.getMessage().contains("only one @OnMessage method for TEXT"), e.getMessage());
    }

    @Test
    void theDefaultConfiguratorNeedsAPublicNoArgConstructor() {
        DeploymentException e = assertThrows(DeploymentException.class,
                () -> EndpointDeployer.annotated(NoConstructor.class));
        assertTrue(e.getMessage().contains("no-arg constructor"), e.getMessage());
    }

    @Test
    void aClassWithoutTheAnnotationIsRefused() {
        DeploymentException e = assertThrows(DeploymentException.class, () -> EndpointDeployer.annotated(String.class));
        assertTrue(e.getMessage().contains("java.lang.String is not annotated with @ServerEndpoint"));
    }

    @Test
    void aProgrammaticConfigurationIsDeployedAtItsPath() throws Exception {
        DeployedEndpoint deployed = EndpointDeployer.configured(
                ServerEndpointConfig.Builder.create(Programmatic.class, "/p/{id}").build());
        assertEquals(List.of("id"), deployed.path().variableNames());
        assertInstanceOf(Programmatic.class, deployed.newEndpoint());
    }

    @Test
    void anInvalidPathFailsDeployment() {
        assertThrows(DeploymentException.class, () -> EndpointDeployer.configured(
                ServerEndpointConfig.Builder.create(Programmatic.class, "/a/{x}/{x}").build()));
    }

    @Test
    void twoEndpointsOnOnePathFailTheWholeDeployment() throws Exception {
        ServerEndpoints endpoints = new ServerEndpoints();
        endpoints.deploy(() -> EndpointDeployer.configured(
                ServerEndpointConfig.Builder.create(Programmatic.class, "/x/{a}").build()));
        assertEquals("1", endpoints.match("/x/1").pathParameters().get("a"));

        DeploymentException duplicate = assertThrows(DeploymentException.class, () -> endpoints.deploy(
                () -> EndpointDeployer.configured(ServerEndpointConfig.Builder.create(Programmatic.class, "/x/{b}").build())));

        assertTrue(duplicate.getMessage().startsWith("Duplicate endpoint path '/x/{b}'"), duplicate.getMessage());
        assertNull(endpoints.match("/x/1"), "the endpoint deployed before the error is withdrawn");
        assertTrue(endpoints.isEmpty());
    }

    @Test
    void afterAFailedDeploymentNoEndpointMayBeDeployed() throws Exception {
        ServerEndpoints endpoints = new ServerEndpoints();
        assertThrows(DeploymentException.class, () -> endpoints.deploy(() -> EndpointDeployer.configured(
                ServerEndpointConfig.Builder.create(Programmatic.class, "/a/{x}/{x}").build())));

        DeploymentException refused = assertThrows(DeploymentException.class, () -> endpoints.deploy(
                () -> EndpointDeployer.configured(ServerEndpointConfig.Builder.create(Programmatic.class, "/ok").build())));

        assertTrue(refused.getMessage().startsWith("No endpoint may be deployed: the application's WebSocket"
                + " deployment failed earlier: "), refused.getMessage());
        assertNull(endpoints.match("/ok"));
    }
}
