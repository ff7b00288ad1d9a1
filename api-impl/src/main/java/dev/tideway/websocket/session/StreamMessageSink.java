package dev.tideway.websocket.session;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Delivers a message as a blocking stream ({@code Reader} for text, {@code InputStream} for binary) while
 * it still arrives: the handler is called at the first chunk and reads the rest through a
 * {@link ChunkPipe}. When the handler returns, whatever it left unread is dropped.
 */
final class StreamMessageSink implements MessageSink {
    private final boolean text;
    private final MessageTarget target;
    private final Delivery delivery;
    private ChunkPipe pipe;

    StreamMessageSink(boolean text, MessageTarget target, Delivery delivery) {
        this.text = text;
        this.target = target;
        this.delivery = delivery;
    }

    @Override
    public void onChunk(ByteBuffer chunk, boolean last) {
        if (pipe == null) {
            ChunkPipe started = new ChunkPipe(delivery.flow());
            pipe = started;
            Object stream = text ? new InputStreamReader(started, StandardCharsets.UTF_8) : started;
            delivery.run(() -> {
                try {
                    target.deliver(stream, true);
                } finally {
                    started.close();
                }
            });
        }
        pipe.offer(chunk, last);
        if (last) {
            pipe = null;
        }
    }

    @Override
    public void abort() {
        if (pipe != null) {
            pipe.fail(new IOException("The connection closed before the end of the message"));
            pipe = null;
        }
    }
}
