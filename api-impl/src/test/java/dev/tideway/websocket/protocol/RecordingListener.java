package dev.tideway.websocket.protocol;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Records what a connection delivers: whole messages (chunks joined), pings, pongs, errors and the close
 * status, in order. A hook can run inside each text or binary chunk callback (to pause reading, say), and
 * another when a message is complete (to echo it, say).
 */
final class RecordingListener implements ConnectionListener {
    /** One delivered message. */
    record Message(boolean text, byte[] payload) {
        String asText() {
            return new String(payload, StandardCharsets.UTF_8);
        }
    }

    final List<Message> messages = new ArrayList<>();
    final List<byte[]> pings = new ArrayList<>();
    final List<byte[]> pongs = new ArrayList<>();
    final List<Throwable> errors = new ArrayList<>();
    final List<Integer> chunkSizes = new ArrayList<>();
    CloseStatus closed;
    int closedCalls;
    Consumer<ByteBuffer> onChunk = chunk -> { };
    Consumer<Message> onMessage = message -> { };

    private final ByteArrayOutputStream current = new ByteArrayOutputStream();

    @Override
    public void onText(ByteBuffer utf8, boolean last) {
        chunk(true, utf8, last);
    }

    @Override
    public void onBinary(ByteBuffer data, boolean last) {
        chunk(false, data, last);
    }

    private void chunk(boolean text, ByteBuffer chunk, boolean last) {
        chunkSizes.add(chunk.remaining());
        onChunk.accept(chunk.duplicate());
        current.writeBytes(bytes(chunk));
        if (last) {
            Message message = new Message(text, current.toByteArray());
            messages.add(message);
            current.reset();
            onMessage.accept(message);
        }
    }

    @Override
    public void onPing(ByteBuffer payload) {
        pings.add(bytes(payload));
    }

    @Override
    public void onPong(ByteBuffer payload) {
        pongs.add(bytes(payload));
    }

    @Override
    public void onError(Throwable cause) {
        errors.add(cause);
    }

    @Override
    public void onClosed(CloseStatus status) {
        closed = status;
        closedCalls++;
    }

    List<String> texts() {
        return messages.stream().filter(Message::text).map(Message::asText).toList();
    }

    static byte[] bytes(ByteBuffer buffer) {
        byte[] bytes = new byte[buffer.remaining()];
        buffer.duplicate().get(bytes);
        return bytes;
    }
}
