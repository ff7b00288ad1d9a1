package dev.tideway.websocket.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerApplicationConfig;
import jakarta.websocket.server.ServerEndpoint;
import jakarta.websocket.server.ServerEndpointConfig;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ApplicationScanTest {

    @ServerEndpoint("/a")
    public static class AnnotatedA {
    }

    @ServerEndpoint("/b")
    public static class AnnotatedB {
    }

    public static class Programmatic extends Endpoint {
        @Override
        public void onOpen(Session session, EndpointConfig config) {
        }
    }

    public abstract static class AbstractEndpoint extends Endpoint {
    }

    /** Keeps /a only, and deploys every programmatic endpoint at /p. */
    public static class OnlyA implements ServerApplicationConfig {
        @Override
        public Set<ServerEndpointConfig> getEndpointConfigs(Set<Class<? extends Endpoint>> endpointClasses) {
            Set<ServerEndpointConfig> configs = new LinkedHashSet<>();
            for (Class<? extends Endpoint> type : endpointClasses) {
                configs.add(ServerEndpointConfig.Builder.create(type, "/p").build());
            }
            return configs;
        }

        @Override
        public Set<Class<?>> getAnnotatedEndpointClasses(Set<Class<?>> scanned) {
            return Set.of(AnnotatedA.class);
        }
    }

    /** Keeps /b. */
    public static class OnlyB implements ServerApplicationConfig {
        @Override
        public Set<ServerEndpointConfig> getEndpointConfigs(Set<Class<? extends Endpoint>> endpointClasses) {
            return Set.of();
        }

        @Override
        public Set<Class<?>> getAnnotatedEndpointClasses(Set<Class<?>> scanned) {
            return Set.of(AnnotatedB.class);
        }
    }

    public static class NoDefaultConstructor implements ServerApplicationConfig {
        public NoDefaultConstructor(String unused) {
        }

        @Override
        public Set<ServerEndpointConfig> getEndpointConfigs(Set<Class<? extends Endpoint>> endpointClasses) {
            return Set.of();
        }

        @Override
        public Set<Class<?>> getAnnotatedEndpointClasses(Set<Class<?>> scanned) {
            return Set.of();
        }
    }

    @Test
    void withoutAnApplicationConfigEveryAnnotatedClassAndNoProgrammaticEndpointIsDeployed() throws Exception {
        ApplicationScan scan = ApplicationScan.of(Set.of(AnnotatedA.class, AnnotatedB.class, Programmatic.class,
                AbstractEndpoint.class));
        assertEquals(Set.of(AnnotatedA.class, AnnotatedB.class), scan.annotatedClasses());
        assertTrue(scan.configs().isEmpty());
    }

    @Test
    void applicationConfigsChooseAndTheirChoicesAreJoined() throws Exception {
        ApplicationScan scan = ApplicationScan.of(new LinkedHashSet<>(List.of(AnnotatedA.class, AnnotatedB.class,
                Programmatic.class, AbstractEndpoint.class, OnlyA.class, OnlyB.class)));
        assertEquals(Set.of(AnnotatedA.class, AnnotatedB.class), scan.annotatedClasses());
        assertEquals(1, scan.configs().size());
        ServerEndpointConfig config = scan.configs().iterator().next();
        assertEquals(Programmatic.class, config.getEndpointClass(), "abstract endpoints are not offered");
    }

    @Test
    void anApplicationConfigThatCannotBeCreatedSaysWhy() {
        InstantiationException e = assertThrows(InstantiationException.class,
                () -> ApplicationScan.of(Set.of(NoDefaultConstructor.class)));
        assertTrue(e.getMessage().contains(NoDefaultConstructor.class.getName()));
        assertTrue(e.getMessage().contains("public no-arg constructor"));
    }
}
