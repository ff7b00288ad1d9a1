package dev.tideway.websocket.samples.echo;

import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.Session;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A connection on which the server answers with text messages (the case count) or nothing, then closes. */
final class ReplyConnection extends DriverConnection {
    private final List<String> texts = new CopyOnWriteArrayList<>();

    @Override
    public void onOpen(Session session, EndpointConfig config) {
        session.addMessageHandler(String.class, (MessageHandler.Whole<String>) texts::add);
    }

    /** The text messages received so far. */
    List<String> texts() {
        return List.copyOf(texts);
    }
}
