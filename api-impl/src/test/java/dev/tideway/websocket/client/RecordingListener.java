package dev.tideway.websocket.client;

import dev.tideway.websocket.protocol.CloseStatus;
import dev.tideway.websocket.protocol.ConnectionListener;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A client-side listener that records whole messages (text as String, binary as byte[]), errors and the
 * close status, and the threads its message callbacks ran on. (onClosed may run on any thread, for example
 * on one whose send completed the closing handshake.)
 */
final class RecordingListener implements ConnectionListener {
    private final BlockingQueue<Object> messages = new LinkedBlockingQueue<>();
    private final ByteArrayOutputStream message = new ByteArrayOutputStream();
    final List<Throwable> errors = new CopyOnWriteArrayList<>();
    final CompletableFuture<CloseStatus> closed = new CompletableFuture<>();
    final List<String> callbackThreads = new CopyOnWriteArrayList<>();
    /** Runs after each whole message is recorded, on the callback thread (to pause, for example). */
    volatile Consumer<Object> afterMessage = m -> { };

    @Override
    public void onText(ByteBuffer utf8, boolean last) {
        if (append(utf8, last)) {
            complete(message.toString(StandardCharsets.UTF_8));
        }
    }

    @Override
    public void onBinary(ByteBuffer data, boolean last) {
        if (append(data, last)) {
            complete(message.toByteArray());
        }
    }

    @Override
    public void onPing(ByteBuffer payload) {
    }

    @Override
    public void onPong(ByteBuffer payload) {
    }

    @Override
    public void onError(Throwable cause) {
        errors.add(cause);
    }

    @Override
    public void onClosed(CloseStatus status) {
        closed.complete(status);
    }

    /** The next whole message, waiting up to 5 s. */
    Object next() throws InterruptedException {
        Object next = messages.poll(5, TimeUnit.SECONDS);
        if (next == null) {
            throw new AssertionError("No message within 5 s");
        }
        return next;
    }

    String nextText() throws InterruptedException {
        return (String) next();
    }

    /** A message arriving within {@code millis}, or null. */
    Object poll(long millis) throws InterruptedException {
        return messages.poll(millis, TimeUnit.MILLISECONDS);
    }

    CloseStatus awaitClosed() throws Exception {
        return closed.get(10, TimeUnit.SECONDS);
    }

    private boolean append(ByteBuffer data, boolean last) {
        callbackThreads.add(Thread.currentThread().getName());
        byte[] bytes = new byte[data.remaining()];
        data.get(bytes);
        message.writeBytes(bytes);
        return last;
    }

    private void complete(Object whole) {
        message.reset();
        messages.add(whole);
        afterMessage.accept(whole);
    }
}
