package dev.tideway.websocket.tck;

import jakarta.websocket.ClientEndpointConfig;
import jakarta.websocket.ContainerProvider;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.Session;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/** A client session (Tideway's client, found through {@code ContainerProvider}) that collects text messages. */
final class TextClient extends Endpoint implements AutoCloseable {
    private final BlockingQueue<String> received = new ArrayBlockingQueue<>(16);
    private Session session;

    /** Connects to {@code path} under the application at {@code base} ({@code http://host:port/context/}). */
    static TextClient connect(URL base, String path) throws DeploymentException, IOException {
        TextClient client = new TextClient();
        ClientEndpointConfig config = ClientEndpointConfig.Builder.create().build();
        client.session = ContainerProvider.getWebSocketContainer().connectToServer(client, config, webSocketUri(base, path));
        return client;
    }

    static URI webSocketUri(URL base, String path) {
        return URI.create("ws" + base.toExternalForm().substring("http".length()) + path);
    }

    @Override
    public void onOpen(Session session, EndpointConfig config) {
        session.addMessageHandler(String.class, (MessageHandler.Whole<String>) received::add);
    }

    /** Sends {@code message} and waits at most five seconds for the next message. */
    String ask(String message) throws IOException, InterruptedException {
        session.getBasicRemote().sendText(message);
        String answer = received.poll(5, TimeUnit.SECONDS);
        if (answer == null) {
            throw new AssertionError("No answer to '" + message + "' within 5 s");
        }
        return answer;
    }

    @Override
    public void close() throws IOException {
        session.close();
    }
}
