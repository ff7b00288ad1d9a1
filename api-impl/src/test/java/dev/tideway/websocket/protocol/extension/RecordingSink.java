package dev.tideway.websocket.protocol.extension;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;

/** A {@link PayloadSink} that keeps what it is given, and how: chunk sizes and message ends. */
final class RecordingSink implements PayloadSink {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private int calls;
    private int messageEnds;
    private int largestChunk;

    @Override
    public void onPayload(ByteBuffer chunk, boolean messageEnd) {
        calls++;
        largestChunk = Math.max(largestChunk, chunk.remaining());
        while (chunk.hasRemaining()) {
            bytes.write(chunk.get());
        }
        if (messageEnd) {
            messageEnds++;
        }
    }

    /** Everything received since the last call, and forgets it. */
    byte[] takeBytes() {
        byte[] result = bytes.toByteArray();
        bytes.reset();
        return result;
    }

    int calls() {
        return calls;
    }

    int messageEnds() {
        return messageEnds;
    }

    int largestChunk() {
        return largestChunk;
    }
}
