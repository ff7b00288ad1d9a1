package dev.tideway.websocket.servlet;

import jakarta.websocket.CloseReason;
import jakarta.websocket.OnMessage;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;
import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * The echo the independent peer clients check ({@link PeerClient}): text as text, binary as binary, up
 * to 2 MiB; the text {@code close:CODE:REASON} closes the session with that status.
 */
@ServerEndpoint("/peer-echo")
public class PeerEcho {
    static final int MAX_MESSAGE = 2 * 1024 * 1024;

    @OnMessage(maxMessageSize = MAX_MESSAGE)
    public void text(String message, Session session) throws IOException {
        if (message.startsWith("close:")) {
            String[] parts = message.split(":", 3);
            session.close(new CloseReason(CloseReason.CloseCodes.getCloseCode(Integer.parseInt(parts[1])), parts[2]));
        } else {
            session.getBasicRemote().sendText(message);
        }
    }

    @OnMessage(maxMessageSize = MAX_MESSAGE)
    public ByteBuffer binary(ByteBuffer message) {
        return message;
    }
}
