package dev.tideway.websocket.protocol.extension;

import java.util.List;
import java.util.Objects;
import java.util.StringJoiner;

/**
 * One element of a {@code Sec-WebSocket-Extensions} header (RFC 6455 §9.1): an extension name with its
 * parameters in the order they were written. Used for offers, responses and configuration alike.
 *
 * @param name       the extension token, for example {@code permessage-deflate}
 * @param parameters the parameters in header order; a parameter without a value has a {@code null} value
 */
public record ExtensionOffer(String name, List<Parameter> parameters) {

    /** One {@code name[=value]} parameter; {@code value} is {@code null} when absent, unquoted when quoted. */
    public record Parameter(String name, String value) {
        public Parameter {
            Objects.requireNonNull(name, "name");
        }

        @Override
        public String toString() {
            return value == null ? name : name + "=" + value;
        }
    }

    public ExtensionOffer {
        Objects.requireNonNull(name, "name");
        parameters = List.copyOf(parameters);
    }

    public static ExtensionOffer of(String name, Parameter... parameters) {
        return new ExtensionOffer(name, List.of(parameters));
    }

    /** The first parameter of that name, ignoring case, or {@code null}. */
    public Parameter parameter(String parameterName) {
        for (Parameter p : parameters) {
            if (p.name().equalsIgnoreCase(parameterName)) {
                return p;
            }
        }
        return null;
    }

    /** This offer as it is written in a header element, for example {@code permessage-deflate; a=1}. */
    public String toHeaderValue() {
        StringJoiner joiner = new StringJoiner("; ");
        joiner.add(name);
        for (Parameter p : parameters) {
            joiner.add(p.toString());
        }
        return joiner.toString();
    }

    @Override
    public String toString() {
        return toHeaderValue();
    }
}
