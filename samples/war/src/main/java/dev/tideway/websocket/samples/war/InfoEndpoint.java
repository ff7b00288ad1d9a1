package dev.tideway.websocket.samples.war;

import jakarta.websocket.CloseReason;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.SendResult;
import jakarta.websocket.Session;
import java.io.IOException;

/**
 * {@code /info}: a programmatic endpoint (deployed by {@link SampleApplicationConfig}) that answers a text
 * message with an {@link ImplementationInfo}, written by its encoder, so that a user sees which WebSocket
 * implementation serves the application; once the answer is sent it closes the session (1000, "info sent").
 */
public class InfoEndpoint extends Endpoint {
    /** The reason of the close that follows the answer. */
    public static final String CLOSE_REASON = "info sent";

    @Override
    public void onOpen(Session session, EndpointConfig config) {
        session.addMessageHandler(String.class, (MessageHandler.Whole<String>) question ->
                session.getAsyncRemote().sendObject(ImplementationInfo.of(session), result -> closeAfter(session, result)));
    }

    private static void closeAfter(Session session, SendResult result) {
        CloseReason reason = result.isOK()
                ? new CloseReason(CloseReason.CloseCodes.NORMAL_CLOSURE, CLOSE_REASON)
                : new CloseReason(CloseReason.CloseCodes.UNEXPECTED_CONDITION, "info not sent");
        try {
            session.close(reason);
        } catch (IOException e) {
            // the connection is gone already: nothing left to close
        }
    }
}
