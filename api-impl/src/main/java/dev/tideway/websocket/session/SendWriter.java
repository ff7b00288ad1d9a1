package dev.tideway.websocket.session;

import java.io.IOException;
import java.io.Writer;

/**
 * {@code getSendWriter()}: a text message written as a stream of characters, sent in parts of up to
 * {@value #PART_SIZE} characters; {@code close()} sends the last part. A surrogate pair split between parts
 * is kept whole by the session's sender.
 */
final class SendWriter extends Writer {
    static final int PART_SIZE = 8192;

    /** Sends one part of the message and waits for it. */
    @FunctionalInterface
    interface PartSender {
        void send(String part, boolean last) throws IOException;
    }

    private final PartSender sender;
    private final StringBuilder buffer = new StringBuilder(PART_SIZE);
    private boolean closed;

    SendWriter(PartSender sender) {
        this.sender = sender;
    }

    @Override
    public void write(char[] chars, int offset, int count) throws IOException {
        ensureOpen();
        java.util.Objects.checkFromIndexSize(offset, count, chars.length);
        while (count > 0) {
            if (buffer.length() == PART_SIZE) {
                sendPart(false);
            }
            int n = Math.min(count, PART_SIZE - buffer.length());
            buffer.append(chars, offset, n);
            offset += n;
            count -= n;
        }
    }

    @Override
    public void flush() throws IOException {
        ensureOpen();
        if (buffer.length() > 0) {
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
        String part = buffer.toString();
        buffer.setLength(0);
        sender.send(part, last);
    }

    private void ensureOpen() throws IOException {
        if (closed) {
            throw new IOException("The send writer is closed");
        }
    }
}
