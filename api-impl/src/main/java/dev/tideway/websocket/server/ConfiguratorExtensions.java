package dev.tideway.websocket.server;

import dev.tideway.websocket.protocol.extension.ExtensionOffer;
import dev.tideway.websocket.server.handshake.ExtensionChooser;
import dev.tideway.websocket.session.NegotiatedExtension;
import jakarta.websocket.Extension;
import jakarta.websocket.server.ServerEndpointConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * An endpoint's configurator choosing the extensions of a handshake
 * ({@code Configurator.getNegotiatedExtensions}): it sees the client's offers as Jakarta extensions, and
 * what it returns goes back to the offers it came from, in its order. An extension the configurator made
 * up, which the client did not offer, is ignored: the client would fail the connection (RFC 6455 §9.1).
 */
public final class ConfiguratorExtensions implements ExtensionChooser {
    private final ServerEndpointConfig.Configurator configurator;
    private final List<Extension> installed;

    /**
     * @param endpointExtensions the endpoint configuration's {@code getExtensions()}: they count as installed for
     *        this endpoint, ahead of the container's (the TCK checks that a configurator is offered them, as Tomcat
     *        does); one Tideway does not implement may be chosen but is never negotiated nor answered
     * @param containerExtensions the container's installed extensions
     */
    public ConfiguratorExtensions(ServerEndpointConfig.Configurator configurator, List<Extension> endpointExtensions,
                                  Set<Extension> containerExtensions) {
        this.configurator = configurator;
        List<Extension> all = new ArrayList<>(endpointExtensions);
        all.addAll(containerExtensions);
        this.installed = List.copyOf(all);
    }

    @Override
    public List<ExtensionOffer> choose(List<ExtensionOffer> requested) {
        List<Extension> offered = new ArrayList<>(requested.size());
        requested.forEach(offer -> offered.add(NegotiatedExtension.of(offer)));
        List<Extension> picked = configurator.getNegotiatedExtensions(installed, List.copyOf(offered));
        List<ExtensionOffer> chosen = new ArrayList<>();
        boolean[] taken = new boolean[requested.size()];
        for (Extension extension : picked == null ? List.<Extension>of() : picked) {
            int index = offerOf(extension, offered, taken);
            if (index >= 0) {
                taken[index] = true;
                chosen.add(requested.get(index));
            }
        }
        return chosen;
    }

    /** The offer the configurator returned: the same object or an equal one, else the first of its name. */
    private static int offerOf(Extension extension, List<Extension> offered, boolean[] taken) {
        for (int i = 0; i < offered.size(); i++) {
            if (!taken[i] && offered.get(i).equals(extension)) {
                return i;
            }
        }
        for (int i = 0; i < offered.size(); i++) {
            if (!taken[i] && offered.get(i).getName().equalsIgnoreCase(extension.getName())) {
                return i;
            }
        }
        return -1;
    }
}
