package dev.tideway.websocket.samples.chat;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import jakarta.websocket.ClientEndpointConfig;
import jakarta.websocket.CloseReason;
import jakarta.websocket.ContainerProvider;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.Session;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A chat user on Tideway's client, for the tests: what it receives, parsed, in order. */
final class ChatClient implements AutoCloseable {
    private static final long WAIT_SECONDS = 5;

    private final BlockingQueue<Map<String, Object>> events = new LinkedBlockingQueue<>();
    private final CompletableFuture<CloseReason> closed = new CompletableFuture<>();
    private final Session session;

    private ChatClient(int port, String room, String name) throws Exception {
        String query = name == null ? "" : "?name=" + URLEncoder.encode(name, StandardCharsets.UTF_8);
        Endpoint endpoint = new Endpoint() {
            @Override
            public void onOpen(Session session, EndpointConfig config) {
                session.addMessageHandler(String.class, message -> events.add(JsonParser.parseObject(message)));
            }

            @Override
            public void onClose(Session session, CloseReason reason) {
                closed.complete(reason);
            }
        };
        session = ContainerProvider.getWebSocketContainer().connectToServer(endpoint,
                ClientEndpointConfig.Builder.create().build(),
                URI.create("ws://127.0.0.1:" + port + "/chat/" + room + query));
    }

    /** Connects to {@code /chat/{room}?name={name}} ({@code name} null: no name given). */
    static ChatClient join(int port, String room, String name) throws Exception {
        return new ChatClient(port, room, name);
    }

    /** The next event this user receives; fails after a few seconds without one. */
    Map<String, Object> next() throws InterruptedException {
        Map<String, Object> event = events.poll(WAIT_SECONDS, TimeUnit.SECONDS);
        assertNotNull(event, "no event within " + WAIT_SECONDS + " s");
        return event;
    }

    void say(String text) throws IOException {
        send(new JsonWriter().field("type", "say").field("text", text).toJson());
    }

    void send(String message) throws IOException {
        session.getBasicRemote().sendText(message);
    }

    /** Why the session closed; fails after a few seconds if it does not. */
    CloseReason closeReason() throws Exception {
        return closed.get(WAIT_SECONDS, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws IOException {
        session.close();
    }
}
