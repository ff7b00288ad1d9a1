package dev.tideway.websocket.session;

import dev.tideway.websocket.protocol.extension.ExtensionOffer;
import jakarta.websocket.Extension;
import java.util.List;

/** A negotiated extension as the Jakarta API shows it: its name and parameters. */
public record NegotiatedExtension(String name, List<Extension.Parameter> parameters) implements Extension {

    /** A jakarta.websocket.Extension.Parameter. */
    public record Parameter(String name, String value) implements Extension.Parameter {
        @Override
        public String getName() {
            return name;
        }

        @Override
        public String getValue() {
            return value;
        }
    }

    public NegotiatedExtension {
        parameters = List.copyOf(parameters);
    }

    /** The Jakarta view of an extension element of a handshake header. */
    public static NegotiatedExtension of(ExtensionOffer offer) {
        return new NegotiatedExtension(offer.name(), offer.parameters().stream()
                .<Extension.Parameter>map(p -> new Parameter(p.name(), p.value()))
                .toList());
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public List<Extension.Parameter> getParameters() {
        return parameters;
    }
}
