package dev.tideway.websocket.endpoint;

import java.util.List;

/**
 * The values of an endpoint's class-level annotation, {@code @ServerEndpoint} or {@code @ClientEndpoint}, read
 * but not yet validated.
 *
 * @param server       true for {@code @ServerEndpoint}
 * @param path         the server path as written; null for a client endpoint
 * @param subprotocols the subprotocols in order of preference
 * @param decoders     the decoder classes in declaration order
 * @param encoders     the encoder classes in declaration order
 * @param configurator the configurator class (the API's default one when none is named)
 */
record EndpointDeclaration(boolean server, String path, List<String> subprotocols, List<Class<?>> decoders,
        List<Class<?>> encoders, Class<?> configurator) {
}
