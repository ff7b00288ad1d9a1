package dev.tideway.websocket.servlet;

import dev.tideway.websocket.protocol.BufferPool;
import java.util.Objects;
import java.util.concurrent.Executor;

/**
 * What the upgraded connections of one container share.
 *
 * @param bufferPool     lends the buffers that reads go into; a connection holds one only while it reads,
 *                       or while it is paused with bytes it has not consumed yet
 * @param executor       continues reading after {@code resumeReading()}, which must not read on the
 *                       caller's thread
 * @param readBufferSize bytes asked of the container per read
 */
public record UpgradeResources(BufferPool bufferPool, Executor executor, int readBufferSize) {
    public static final int DEFAULT_READ_BUFFER_SIZE = 16 * 1024;

    public UpgradeResources {
        Objects.requireNonNull(bufferPool, "bufferPool");
        Objects.requireNonNull(executor, "executor");
        if (readBufferSize < BufferPool.MIN_SIZE) {
            throw new IllegalArgumentException("readBufferSize must be at least " + BufferPool.MIN_SIZE
                    + ": " + readBufferSize);
        }
    }

    /** With {@value #DEFAULT_READ_BUFFER_SIZE}-byte reads. */
    public UpgradeResources(BufferPool bufferPool, Executor executor) {
        this(bufferPool, executor, DEFAULT_READ_BUFFER_SIZE);
    }
}
