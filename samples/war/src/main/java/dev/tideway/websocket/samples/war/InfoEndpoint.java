package dev.tideway.websocket.samples.war;

import jakarta.websocket.CloseReason;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.SendResult;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpointConfig;
import java.io.IOException;

/**
 * {@code /info}: a programmatic endpoint (deployed by {@link SampleApplicationConfig}) that answers a text
 * message with an {@link ImplementationInfo}, written by its encoder, so that a user sees which WebSocket
 * implementation serves the application; once the answer is sent it closes the session (1000, "info sent").
 *
 * <p>The endpoint also tells which configurator made it: the deepest {@code ServerEndpointConfig.Configurator}
 * subclass on the stack when its constructor ran. The application names no configurator for it, so that is
 * the implementation's default; on Tomcat a second default, Tomcat's own, is within reach of the API.
 */
public class InfoEndpoint extends Endpoint {
    /** The reason of the close that follows the answer. */
    public static final String CLOSE_REASON = "info sent";

    private final String madeBy = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE)
            .walk(frames -> frames.map(StackWalker.StackFrame::getDeclaringClass)
                    .filter(ServerEndpointConfig.Configurator.class::isAssignableFrom)
                    .findFirst()
                    .map(Class::getName)
                    .orElse("no configurator"));

    @Override
    public void onOpen(Session session, EndpointConfig config) {
        session.addMessageHandler(String.class, (MessageHandler.Whole<String>) question ->
                session.getAsyncRemote().sendObject(ImplementationInfo.of(session, madeBy), result -> closeAfter(session, result)));
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
