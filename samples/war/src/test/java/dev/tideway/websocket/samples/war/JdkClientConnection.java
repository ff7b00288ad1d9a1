package dev.tideway.websocket.samples.war;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

/** A connection of the JDK's {@link WebSocket}: a client independent of Tideway. */
final class JdkClientConnection implements ClientConnection, WebSocket.Listener {
    private final Received received = new Received();
    private final StringBuilder text = new StringBuilder();
    private final ByteArrayOutputStream binary = new ByteArrayOutputStream();
    private WebSocket webSocket;

    static JdkClientConnection open(URI uri) throws Exception {
        JdkClientConnection connection = new JdkClientConnection();
        connection.webSocket = HttpClient.newHttpClient().newWebSocketBuilder()
                .buildAsync(uri, connection)
                .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        return connection;
    }

    @Override
    public void onOpen(WebSocket webSocket) {
        webSocket.request(Long.MAX_VALUE);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        text.append(data);
        if (last) {
            received.message(text.toString());
            text.setLength(0);
        }
        return null;
    }

    @Override
    public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
        byte[] part = new byte[data.remaining()];
        data.get(part);
        binary.writeBytes(part);
        if (last) {
            received.message(binary.toByteArray());
            binary.reset();
        }
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        received.closed(statusCode, reason);
        return null; // the JDK answers the close itself
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        received.failed(error);
    }

    @Override
    public void sendText(String message) throws Exception {
        webSocket.sendText(message, true).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }

    @Override
    public void sendBinary(byte[] bytes) throws Exception {
        webSocket.sendBinary(ByteBuffer.wrap(bytes), true).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }

    @Override
    public Received received() {
        return received;
    }

    @Override
    public void close() throws Exception {
        if (!received.isClosed()) { // else the JDK answers the server's close frame itself
            webSocket.sendClose(WebSocket.NORMAL_CLOSURE, "").get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        }
        webSocket.abort(); // the test has what it needs: no need to wait for the server's close frame
    }
}
