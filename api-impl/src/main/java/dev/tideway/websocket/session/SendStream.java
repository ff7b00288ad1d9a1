package dev.tideway.websocket.session;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;

/**
 * {@code getSendStream()}: a binary message written as a stream. Bytes are collected up to
 * {@value #PART_SIZE} and sent as one part each time the buffer fills; {@code close()} sends the last part.
 * {@code flush()} sends what is collected as a part (never an empty one).
 */
final class SendStream extends OutputStream {
    static final int PART_SIZE = 8192;

    /** Sends one part of the message and waits for it. */
    @FunctionalInterface
    interface PartSender {
        void send(ByteBuffer part, boolean last) throws IOException;
    }

    private final PartSender sender;
    private final byte[] buffer = new byte[PART_SIZE];
    private int length;
    private boolean closed;

    SendStream(PartSender sender) {
        this.sender = sender;
    }

    @Override
    public void write(int b) throws IOException {
        ensureOpen();
        if (length == buffer.length) {
            sendPart(false);
        }
        buffer[length++] = (byte) b;
    }

    @Override
    public void write(byte[] bytes, int offset, int count) throws IOException {
        ensureOpen();
        java.util.Objects.checkFromIndexSize(offset, count, bytes.length);
        while (count > 0) {
            if (length == buffer.length) {
                sendPart(false);
            }
            int n = Math.min(count, buffer.length - length);
            System.arraycopy(bytes, offset, buffer, length, n);
            length += n;
            offset += n;
            count -= n;
        }
    }

    @Override
    public void flush() throws IOException {
        ensureOpen();
        if (length > 0) {
            sendPart(false);
        }
    }

    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        sendPart(true);
    }

    private void sendPart(boolean last) throws IOException {
        sender.send(ByteBuffer.wrap(buffer, 0, length), last);
        length = 0;
    }

    private void ensureOpen() throws IOException {
        if (closed) {
            throw new IOException("The send stream is closed");
        }
    }
}
