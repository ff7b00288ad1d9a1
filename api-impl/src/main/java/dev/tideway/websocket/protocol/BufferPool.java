package dev.tideway.websocket.protocol;

import java.nio.ByteBuffer;
import java.util.concurrent.ArrayBlockingQueue;

/**
 * Heap buffers of a few fixed sizes, shared by every connection of a container, so that buffers belong to
 * the work in progress rather than to the connection: an idle connection holds none, and a busy one
 * allocates none in steady state.
 *
 * <p>Sizes are powers of two from {@value #MIN_SIZE} bytes up to {@code maxPooledSize}; a request above
 * that is allocated and later dropped. Each size keeps at most {@code maxPerSize} idle buffers, so a burst
 * does not pin memory forever. Thread-safe.
 */
public final class BufferPool {
    public static final int MIN_SIZE = 512;

    private final Bucket[] buckets;

    public BufferPool(int maxPooledSize, int maxPerSize) {
        if (Integer.bitCount(maxPooledSize) != 1 || maxPooledSize < MIN_SIZE) {
            throw new IllegalArgumentException("maxPooledSize must be a power of two >= " + MIN_SIZE);
        }
        int count = Integer.numberOfTrailingZeros(maxPooledSize) - Integer.numberOfTrailingZeros(MIN_SIZE) + 1;
        this.buckets = new Bucket[count];
        for (int i = 0; i < count; i++) {
            buckets[i] = new Bucket(MIN_SIZE << i, maxPerSize);
        }
    }

    /** A pool suitable for one container: buffers up to 64 KiB, 256 idle ones per size at most. */
    public static BufferPool newDefault() {
        return new BufferPool(64 * 1024, 256);
    }

    /** A cleared buffer of at least {@code minCapacity} bytes (its capacity is the size class). */
    public ByteBuffer acquire(int minCapacity) {
        Bucket bucket = bucketFor(minCapacity);
        if (bucket == null) {
            return ByteBuffer.allocate(minCapacity);
        }
        ByteBuffer buffer = bucket.idle.poll();
        return buffer == null ? ByteBuffer.allocate(bucket.size) : buffer.clear();
    }

    /** Gives a buffer back; buffers not from a size class (or over the idle cap) are left to the GC. */
    public void release(ByteBuffer buffer) {
        Bucket bucket = bucketFor(buffer.capacity());
        if (bucket == null || bucket.size != buffer.capacity() || !buffer.hasArray()) {
            return;
        }
        bucket.idle.offer(buffer); // refused when maxPerSize are idle already: left to the GC
    }

    private Bucket bucketFor(int capacity) {
        int size = Math.max(MIN_SIZE, capacity);
        int index = 32 - Integer.numberOfLeadingZeros(size - 1) - Integer.numberOfTrailingZeros(MIN_SIZE);
        return index < buckets.length ? buckets[index] : null;
    }

    private static final class Bucket {
        final int size;
        /** Array-backed, so that giving a buffer back allocates nothing (a linked queue makes a node). */
        final ArrayBlockingQueue<ByteBuffer> idle;

        Bucket(int size, int maxIdle) {
            this.size = size;
            this.idle = new ArrayBlockingQueue<>(maxIdle);
        }
    }
}
