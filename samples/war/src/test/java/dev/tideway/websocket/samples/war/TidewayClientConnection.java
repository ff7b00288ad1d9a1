package dev.tideway.websocket.samples.war;

import jakarta.websocket.ClientEndpointConfig;
import jakarta.websocket.CloseReason;
import jakarta.websocket.ContainerProvider;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.Session;
import jakarta.websocket.WebSocketContainer;
import java.net.URI;
import java.nio.ByteBuffer;

/** A connection of Tideway's client, found the portable way, through {@link ContainerProvider}. */
final class TidewayClientConnection extends Endpoint implements ClientConnection {
    private final Received received = new Received();
    private Session session;

    static TidewayClientConnection open(URI uri) throws Exception {
        WebSocketContainer container = ContainerProvider.getWebSocketContainer();
        if (!container.getClass().getName().startsWith("dev.tideway.")) {
            throw new IllegalStateException("ContainerProvider found " + container.getClass().getName() + ", not Tideway's client");
        }
        TidewayClientConnection connection = new TidewayClientConnection();
        connection.session = container.connectToServer(connection, ClientEndpointConfig.Builder.create().build(), uri);
        return connection;
    }

    @Override
    public void onOpen(Session session, EndpointConfig config) {
        session.addMessageHandler(String.class, (MessageHandler.Whole<String>) received::message);
        session.addMessageHandler(ByteBuffer.class, (MessageHandler.Whole<ByteBuffer>) buffer -> {
            byte[] bytes = new byte[buffer.remaining()];
            buffer.get(bytes);
            received.message(bytes);
        });
    }

    @Override
    public void onClose(Session session, CloseReason reason) {
        received.closed(reason.getCloseCode().getCode(), reason.getReasonPhrase());
    }

    @Override
    public void sendText(String text) throws Exception {
        session.getBasicRemote().sendText(text);
    }

    @Override
    public void sendBinary(byte[] bytes) throws Exception {
        session.getBasicRemote().sendBinary(ByteBuffer.wrap(bytes));
    }

    @Override
    public Received received() {
        return received;
    }

    @Override
    public void close() throws Exception {
        session.close(); // returns at once on a closed session
    }
}
