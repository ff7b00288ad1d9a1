package dev.tideway.websocket.samples.war;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** What a {@link ClientConnection} has received, whichever client library fills it in. */
final class Received {
    private final BlockingQueue<Object> messages = new LinkedBlockingQueue<>();
    private final CompletableFuture<ClientConnection.Closing> closing = new CompletableFuture<>();

    void message(Object message) {
        messages.add(message);
    }

    void closed(int code, String reason) {
        closing.complete(new ClientConnection.Closing(code, reason));
    }

    void failed(Throwable error) {
        closing.completeExceptionally(error);
    }

    boolean isClosed() {
        return closing.isDone();
    }

    Object next() throws InterruptedException {
        Object message = messages.poll(ClientConnection.TIMEOUT_SECONDS, TimeUnit.SECONDS);
        assertNotNull(message, "no message within " + ClientConnection.TIMEOUT_SECONDS + " s");
        return message;
    }

    ClientConnection.Closing closing() throws Exception {
        return closing.get(ClientConnection.TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }
}
