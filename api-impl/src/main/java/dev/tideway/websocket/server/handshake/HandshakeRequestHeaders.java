package dev.tideway.websocket.server.handshake;

import java.util.List;

/**
 * The headers of an opening handshake request, as the container parsed them: a view over
 * {@code HttpServletRequest}, or over a test's map, so that the handshake rules stay Servlet-free.
 */
@FunctionalInterface
public interface HandshakeRequestHeaders {

    /**
     * Every line of the header called {@code name}, matched ignoring case, in the order they came; an empty
     * list when the request has no such header. Never {@code null}.
     */
    List<String> values(String name);
}
