package dev.tideway.websocket.servlet;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.tideway.websocket.protocol.CloseStatus;
import dev.tideway.websocket.protocol.ConnectionListener;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A client-side engine listener that collects whole messages: text as {@code String}, binary as {@code byte[]}. */
final class MessageCollector implements ConnectionListener {
    final BlockingQueue<Object> messages = new LinkedBlockingQueue<>();
    final CompletableFuture<CloseStatus> closed = new CompletableFuture<>();
    private final ByteArrayOutputStream current = new ByteArrayOutputStream();

    Object next() throws InterruptedException {
        Object message = messages.poll(10, TimeUnit.SECONDS);
        assertNotNull(message, "no message within 10 s");
        return message;
    }

    @Override
    public void onText(ByteBuffer utf8, boolean last) {
        append(utf8);
        if (last) {
            messages.add(current.toString(StandardCharsets.UTF_8));
            current.reset();
        }
    }

    @Override
    public void onBinary(ByteBuffer data, boolean last) {
        append(data);
        if (last) {
            messages.add(current.toByteArray());
            current.reset();
        }
    }

    private void append(ByteBuffer chunk) {
        byte[] bytes = new byte[chunk.remaining()];
        chunk.get(bytes);
        current.writeBytes(bytes);
    }

    @Override
    public void onPing(ByteBuffer payload) {
    }

    @Override
    public void onPong(ByteBuffer payload) {
    }

    @Override
    public void onError(Throwable cause) {
    }

    @Override
    public void onClosed(CloseStatus status) {
        closed.complete(status);
    }
}
