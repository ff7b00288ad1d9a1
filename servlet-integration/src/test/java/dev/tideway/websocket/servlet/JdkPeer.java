package dev.tideway.websocket.servlet;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The JDK's {@link WebSocket} as the test peer: collects whole messages (text as {@code String}, binary as
 * {@code byte[]}) with the number of parts each came in, and how the connection closed.
 */
final class JdkPeer implements WebSocket.Listener {
    static final long TIMEOUT_SECONDS = 10;

    /** The peer's close frame as the JDK reported it. */
    record Close(int code, String reason) {
    }

    final BlockingQueue<Object> messages = new LinkedBlockingQueue<>();
    final BlockingQueue<Integer> partsPerMessage = new LinkedBlockingQueue<>();
    final CompletableFuture<Close> closed = new CompletableFuture<>();
    final CompletableFuture<Throwable> failed = new CompletableFuture<>();
    private StringBuilder text = new StringBuilder();
    private ByteArrayOutputStream binary = new ByteArrayOutputStream();
    private int parts;
    private volatile WebSocket webSocket;

    static JdkPeer connect(HttpClient client, URI uri, String... subprotocols) throws Exception {
        return connectAsync(client, uri, subprotocols).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }

    static CompletableFuture<JdkPeer> connectAsync(HttpClient client, URI uri, String... subprotocols) {
        return connectAsync(client, uri, Map.of(), subprotocols);
    }

    /** Connects with extra headers on the upgrade request (a cookie, a test user). */
    static JdkPeer connect(HttpClient client, URI uri, Map<String, String> headers) throws Exception {
        return connectAsync(client, uri, headers).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }

    private static CompletableFuture<JdkPeer> connectAsync(HttpClient client, URI uri, Map<String, String> headers,
                                                           String... subprotocols) {
        JdkPeer peer = new JdkPeer();
        WebSocket.Builder builder = client.newWebSocketBuilder();
        headers.forEach(builder::header);
        if (subprotocols.length > 0) {
            builder.subprotocols(subprotocols[0], Arrays.copyOfRange(subprotocols, 1, subprotocols.length));
        }
        return builder.buildAsync(uri, peer).thenApply(webSocket -> {
            peer.webSocket = webSocket;
            return peer;
        });
    }

    WebSocket webSocket() {
        return webSocket;
    }

    String nextText() throws InterruptedException {
        return assertInstanceOf(String.class, next());
    }

    byte[] nextBinary() throws InterruptedException {
        return assertInstanceOf(byte[].class, next());
    }

    Object next() throws InterruptedException {
        Object message = messages.poll(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        assertNotNull(message, "no message within " + TIMEOUT_SECONDS + " s");
        return message;
    }

    void abort() {
        webSocket.abort();
    }

    @Override
    public void onOpen(WebSocket webSocket) {
        webSocket.request(Long.MAX_VALUE);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        text.append(data);
        parts++;
        if (last) {
            partsPerMessage.add(parts);
            parts = 0;
            messages.add(text.toString());
            text = new StringBuilder();
        }
        return null;
    }

    @Override
    public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
        byte[] bytes = new byte[data.remaining()];
        data.get(bytes);
        binary.writeBytes(bytes);
        parts++;
        if (last) {
            partsPerMessage.add(parts);
            parts = 0;
            messages.add(binary.toByteArray());
            binary = new ByteArrayOutputStream();
        }
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closed.complete(new Close(statusCode, reason));
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        failed.complete(error);
        closed.completeExceptionally(error);
    }
}
