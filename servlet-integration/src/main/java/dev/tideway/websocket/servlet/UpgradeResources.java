package dev.tideway.websocket.servlet;

import dev.tideway.websocket.protocol.BufferPool;
import java.util.Objects;
import java.util.concurrent.Executor;

/**
 * What the upgraded connections of one container share.
 *
 * @param bufferPool     lends the buffers that reads go into; a connection holds them only while it reads,
 *                       or while it is paused with bytes it has not consumed yet
 * @param executor       continues feeding the engine after {@code resumeReading()}, which must not deliver
 *                       on the caller's thread
 * @param readBufferSize bytes asked of the container per read
 * @param readDispatch   how the container calls the read listener; share one per container, made with
 *                       {@link ReadDispatch#forContext}
 */
public record UpgradeResources(BufferPool bufferPool, Executor executor, int readBufferSize,
                               ReadDispatch readDispatch) {
    public static final int DEFAULT_READ_BUFFER_SIZE = 16 * 1024;

    public UpgradeResources {
        Objects.requireNonNull(bufferPool, "bufferPool");
        Objects.requireNonNull(executor, "executor");
        Objects.requireNonNull(readDispatch, "readDispatch");
        if (readBufferSize < BufferPool.MIN_SIZE) {
            throw new IllegalArgumentException("readBufferSize must be at least " + BufferPool.MIN_SIZE
                    + ": " + readBufferSize);
        }
    }

    /** With {@value #DEFAULT_READ_BUFFER_SIZE}-byte reads. */
    public UpgradeResources(BufferPool bufferPool, Executor executor, ReadDispatch readDispatch) {
        this(bufferPool, executor, DEFAULT_READ_BUFFER_SIZE, readDispatch);
    }

    /**
     * For a container not identified: {@link ReadDispatch.Strategy#REDISPATCH}, which is correct on every
     * container; prefer {@link #UpgradeResources(BufferPool, Executor, ReadDispatch)} with the container's.
     */
    public UpgradeResources(BufferPool bufferPool, Executor executor) {
        this(bufferPool, executor, ReadDispatch.of(ReadDispatch.Strategy.REDISPATCH));
    }
}
