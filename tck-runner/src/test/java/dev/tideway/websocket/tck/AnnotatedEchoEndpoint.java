package dev.tideway.websocket.tck;

import jakarta.websocket.OnMessage;
import jakarta.websocket.server.ServerEndpoint;

/** Echoes text; {@code "loader?"} answers with the class of the class loader that loaded this endpoint. */
@ServerEndpoint("/annotated")
public class AnnotatedEchoEndpoint {
    static final String LOADER_QUERY = "loader?";

    @OnMessage
    public String echo(String message) {
        return LOADER_QUERY.equals(message) ? getClass().getClassLoader().getClass().getName() : "annotated:" + message;
    }
}
