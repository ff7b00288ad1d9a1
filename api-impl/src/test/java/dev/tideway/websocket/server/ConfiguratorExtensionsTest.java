package dev.tideway.websocket.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tideway.websocket.protocol.extension.ExtensionOffer;
import dev.tideway.websocket.session.NegotiatedExtension;
import jakarta.websocket.Extension;
import jakarta.websocket.server.ServerEndpointConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;

/** {@code Configurator.getNegotiatedExtensions} deciding which of the client's offers a handshake considers. */
class ConfiguratorExtensionsTest {
    private static final ExtensionOffer DEFLATE = ExtensionOffer.of("permessage-deflate",
            new ExtensionOffer.Parameter("client_max_window_bits", null));
    private static final ExtensionOffer DEFLATE_PLAIN = ExtensionOffer.of("permessage-deflate");
    private static final ExtensionOffer UNKNOWN = ExtensionOffer.of("x-unknown");
    private static final Set<Extension> INSTALLED = Set.of(new NegotiatedExtension("permessage-deflate", List.of()));

    @Test
    void theDefaultConfiguratorKeepsTheInstalledExtensionsInTheClientsOrder() {
        ConfiguratorExtensions chooser = new ConfiguratorExtensions(new ServerEndpointConfig.Configurator(), List.of(),
                INSTALLED);

        assertEquals(List.of(DEFLATE, DEFLATE_PLAIN), chooser.choose(List.of(DEFLATE, UNKNOWN, DEFLATE_PLAIN)));
    }

    @Test
    void aConfiguratorThatReturnsNoneRefusesEveryOffer() {
        ConfiguratorExtensions chooser = new ConfiguratorExtensions(configurator((installed, requested) -> List.of()),
                List.of(), INSTALLED);

        assertEquals(List.of(), chooser.choose(List.of(DEFLATE, DEFLATE_PLAIN)));
    }

    @Test
    void theConfiguratorsOrderIsKeptAndEqualOffersAreTakenOnce() {
        ConfiguratorExtensions chooser = new ConfiguratorExtensions(configurator((installed, requested) -> {
            List<Extension> reversed = new ArrayList<>(requested);
            java.util.Collections.reverse(reversed);
            return reversed;
        }), List.of(), INSTALLED);

        assertEquals(List.of(DEFLATE_PLAIN, DEFLATE, DEFLATE_PLAIN),
                chooser.choose(List.of(DEFLATE_PLAIN, DEFLATE, DEFLATE_PLAIN)));
    }

    @Test
    void anExtensionTheClientDidNotOfferIsIgnored() {
        ConfiguratorExtensions chooser = new ConfiguratorExtensions(configurator((installed, requested) ->
                List.of(new NegotiatedExtension("x-made-up", List.of()), requested.get(0))), List.of(), INSTALLED);

        assertEquals(List.of(DEFLATE), chooser.choose(List.of(DEFLATE)));
    }

    @Test
    void theEndpointsConfiguredExtensionsAreInstalledAheadOfTheContainers() {
        Extension configured = new NegotiatedExtension("x-configured", List.of());
        List<List<Extension>> seen = new ArrayList<>();
        ConfiguratorExtensions chooser = new ConfiguratorExtensions(configurator((installed, requested) -> {
            seen.add(installed);
            return new ServerEndpointConfig.Configurator().getNegotiatedExtensions(installed, requested);
        }), List.of(configured), INSTALLED);

        assertEquals(List.of(ExtensionOffer.of("x-configured"), DEFLATE),
                chooser.choose(List.of(UNKNOWN, ExtensionOffer.of("x-configured"), DEFLATE)));
        assertEquals(List.of(List.of(configured, INSTALLED.iterator().next())), seen);
    }

    private static ServerEndpointConfig.Configurator configurator(
            BiFunction<List<Extension>, List<Extension>, List<Extension>> negotiation) {
        return new ServerEndpointConfig.Configurator() {
            @Override
            public List<Extension> getNegotiatedExtensions(List<Extension> installed, List<Extension> requested) {
                return negotiation.apply(installed, requested);
            }
        };
    }
}
