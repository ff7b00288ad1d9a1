package dev.tideway.websocket.tck;

import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.Session;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Echoes text with a prefix; deployed by {@link ProgrammaticConfig}. */
public class ProgrammaticEchoEndpoint extends Endpoint {
    @Override
    public void onOpen(Session session, EndpointConfig config) {
        session.addMessageHandler(String.class, (MessageHandler.Whole<String>) message -> {
            try {
                session.getBasicRemote().sendText("programmatic:" + message);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
