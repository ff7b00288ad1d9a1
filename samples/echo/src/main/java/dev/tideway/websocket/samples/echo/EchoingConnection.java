package dev.tideway.websocket.samples.echo;

import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.Session;
import java.io.IOException;
import java.nio.ByteBuffer;

/** A test case's connection: every message goes back to the server unchanged, text as text, binary as binary. */
final class EchoingConnection extends DriverConnection {

    @Override
    public void onOpen(Session session, EndpointConfig config) {
        session.addMessageHandler(String.class, (MessageHandler.Whole<String>) text -> {
            try {
                session.getBasicRemote().sendText(text);
            } catch (IOException closing) {
                // the server closed or the client failed the connection: the case ends with that close
            }
        });
        session.addMessageHandler(ByteBuffer.class, (MessageHandler.Whole<ByteBuffer>) binary -> {
            try {
                session.getBasicRemote().sendBinary(binary);
            } catch (IOException closing) {
                // as above
            }
        });
    }
}
