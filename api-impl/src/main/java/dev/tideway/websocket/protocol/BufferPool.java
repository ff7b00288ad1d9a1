package dev.tideway.websocket.protocol;

import java.nio.ByteBuffer;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

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
    private final int maxPerSize;

    public BufferPool(int maxPooledSize, int maxPerSize) {
        if (Integer.bitCount(maxPooledSize) != 1 || maxPooledSize < MIN_SIZE) {
            throw new IllegalArgumentException("maxPooledSize must be a power of two >= " + MIN_SIZE);
        }
        this.maxPerSize = maxPerSize;
        int count = Integer.numberOfTrailingZeros(maxPooledSize) - Integer.numberOfTrailingZeros(MIN_SIZE) + 1;
        this.buckets = new Bucket[count];
        for (int i = 0; i < count; i++) {
            buckets[i] = new Bucket(MIN_SIZE << i);
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
        if (buffer == null) {
            return ByteBuffer.allocate(bucket.size);
        }
        bucket.count.decrementAndGet();
        return buffer.clear();
    }

    /** Gives a buffer back; buffers not from a size class (or over the idle cap) are left to the GC. */
    public void release(ByteBuffer buffer) {
        Bucket bucket = bucketFor(buffer.capacity());
        if (bucket == null || bucket.size != buffer.capacity() || !buffer.hasArray()) {
            return;
        }
        if (bucket.count.incrementAndGet() > maxPerSize) {
            bucket.count.decrementAndGet();
            return;
        }
        bucket.idle.offer(buffer);
    }

    private Bucket bucketFor(int capacity) {
        int size = Math.max(MIN_SIZE, capacity);
        int index = 32 - Integer.numberOfLeadingZeros(size - 1) - Integer.numberOfTrailingZeros(MIN_SIZE);
        return index < buckets.length ? buckets[index] : null;
    }

    private static final class Bucket {
        final int size;
        final ConcurrentLinkedQueue<ByteBuffer> idle = new ConcurrentLinkedQueue<>();
        final AtomicInteger count = new AtomicInteger();

        Bucket(int size) {
            this.size = size;
        }
    }
}
