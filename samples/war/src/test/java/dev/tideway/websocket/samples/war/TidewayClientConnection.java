package dev.tideway.websocket.samples.war;

import static org.junit.jupiter.api.Assertions.assertNotNull;

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
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A connection of Tideway's client, found the portable way, through {@link ContainerProvider}. */
final class TidewayClientConnection extends Endpoint implements ClientConnection {
    private final BlockingQueue<Object> messages = new LinkedBlockingQueue<>();
    private final CompletableFuture<Closing> closing = new CompletableFuture<>();
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
        session.addMessageHandler(String.class, (MessageHandler.Whole<String>) messages::add);
        session.addMessageHandler(ByteBuffer.class, (MessageHandler.Whole<ByteBuffer>) buffer -> {
            byte[] bytes = new byte[buffer.remaining()];
            buffer.get(bytes);
            messages.add(bytes);
        });
    }

    @Override
    public void onClose(Session session, CloseReason reason) {
        closing.complete(new Closing(reason.getCloseCode().getCode(), reason.getReasonPhrase()));
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
    public Object next() throws InterruptedException {
        Object message = messages.poll(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        assertNotNull(message, "no message within " + TIMEOUT_SECONDS + " s");
        return message;
    }

    @Override
    public Closing closing() throws Exception {
        return closing.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws Exception {
        session.close(); // returns at once on a closed session
    }
}
