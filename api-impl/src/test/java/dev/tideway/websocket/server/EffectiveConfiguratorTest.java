package dev.tideway.websocket.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.websocket.server.ServerEndpointConfig;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Which configurator answers each call: the application's for what it overrides, Tideway's for the rest,
 * whatever "container default" the API would delegate to (on Tomcat, Tomcat's own; see the class comment).
 */
class EffectiveConfiguratorTest {

    /** Stands for another implementation's container default, as the API's own look-up returns it. */
    static class ForeignDefault extends ServerEndpointConfig.Configurator {
        @Override
        public String getNegotiatedSubprotocol(List<String> supported, List<String> requested) {
            return "foreign";
        }

        @Override
        public boolean checkOrigin(String originHeaderValue) {
            return false;
        }

        @Override
        public <T> T getEndpointInstance(Class<T> endpointClass) throws InstantiationException {
            throw new InstantiationException("the foreign default made this");
        }

        @Override
        public ServerEndpointConfig.Configurator getContainerDefaultConfigurator() {
            return this; // Tomcat's Builder hands out the container default itself as the configurator
        }
    }

    /** An application's configurator that overrides only checkOrigin, on an API whose default is foreign. */
    static class OriginOnly extends ServerEndpointConfig.Configurator {
        private final ServerEndpointConfig.Configurator apiDefault = new ForeignDefault();

        @Override
        public boolean checkOrigin(String originHeaderValue) {
            return "https://good.example".equals(originHeaderValue);
        }

        @Override
        public ServerEndpointConfig.Configurator getContainerDefaultConfigurator() {
            return apiDefault;
        }
    }

    public static class Greeter {
    }

    @Test
    void aForeignContainerDefaultIsReplacedByTidewaysDefaults() throws Exception {
        ServerEndpointConfig.Configurator effective = EffectiveConfigurator.of(new ForeignDefault());

        assertEquals("b", effective.getNegotiatedSubprotocol(List.of("a", "b"), List.of("b", "a")));
        assertTrue(effective.checkOrigin("https://anywhere.example"));
        assertInstanceOf(Greeter.class, effective.getEndpointInstance(Greeter.class));
    }

    @Test
    void theApplicationKeepsWhatItOverridesAndTidewayAnswersTheRest() throws Exception {
        OriginOnly application = new OriginOnly();
        assertEquals("foreign", application.getNegotiatedSubprotocol(List.of("a"), List.of("a")),
                "what the API class itself would answer");

        ServerEndpointConfig.Configurator effective = EffectiveConfigurator.of(application);

        assertTrue(effective.checkOrigin("https://good.example"));
        assertFalse(effective.checkOrigin("https://evil.example"));
        assertEquals("a", effective.getNegotiatedSubprotocol(List.of("a"), List.of("a")));
        assertInstanceOf(Greeter.class, effective.getEndpointInstance(Greeter.class));
    }

    @Test
    void theApisOwnClassGetsTidewaysDefaults() throws Exception {
        ServerEndpointConfig.Configurator effective = EffectiveConfigurator.of(new ServerEndpointConfig.Configurator());

        assertEquals("", effective.getNegotiatedSubprotocol(List.of("a"), List.of("x")));
        assertInstanceOf(Greeter.class, effective.getEndpointInstance(Greeter.class));
    }

    @Test
    void aConfigurationThatNamesNoConfiguratorGetsTidewaysDefaults() throws Exception {
        assertInstanceOf(TidewayServerConfigurator.class, EffectiveConfigurator.of(null));
    }

    @Test
    void tidewaysConfiguratorAndItsSubclassesAreCalledAsTheyAre() {
        ServerEndpointConfig.Configurator subclass = new TidewayServerConfigurator() {
            @Override
            public boolean checkOrigin(String originHeaderValue) {
                return false;
            }
        };
        assertSame(subclass, EffectiveConfigurator.of(subclass));
    }
}
