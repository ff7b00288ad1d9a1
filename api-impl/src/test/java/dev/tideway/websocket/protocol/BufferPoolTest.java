package dev.tideway.websocket.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

class BufferPoolTest {
    private final BufferPool pool = new BufferPool(4096, 2);

    @Test
    void capacityIsTheSizeClassAtOrAboveTheRequest() {
        assertEquals(512, pool.acquire(1).capacity());
        assertEquals(512, pool.acquire(512).capacity());
        assertEquals(1024, pool.acquire(513).capacity());
        assertEquals(4096, pool.acquire(4096).capacity());
    }

    @Test
    void releasedBuffersAreReusedCleared() {
        ByteBuffer first = pool.acquire(600);
        first.put((byte) 1).flip();
        pool.release(first);
        ByteBuffer second = pool.acquire(1000);
        assertSame(first, second);
        assertEquals(0, second.position());
        assertEquals(second.capacity(), second.limit());
    }

    @Test
    void requestsAboveTheLargestClassAreNotPooled() {
        ByteBuffer big = pool.acquire(5000);
        assertEquals(5000, big.capacity());
        pool.release(big);
        assertNotSame(big, pool.acquire(5000));
    }

    @Test
    void idleBuffersPerSizeAreCapped() {
        ByteBuffer a = pool.acquire(512);
        ByteBuffer b = pool.acquire(512);
        ByteBuffer c = pool.acquire(512);
        pool.release(a);
        pool.release(b);
        pool.release(c); // over the cap of two: dropped
        assertSame(a, pool.acquire(512));
        assertSame(b, pool.acquire(512));
        ByteBuffer fresh = pool.acquire(512);
        assertNotSame(c, fresh);
    }

    @Test
    void foreignBuffersAreNotAdopted() {
        ByteBuffer odd = ByteBuffer.allocate(700);
        pool.release(odd);
        assertEquals(1024, pool.acquire(700).capacity());
    }

    @Test
    void maxSizeMustBeAPowerOfTwo() {
        assertThrows(IllegalArgumentException.class, () -> new BufferPool(3000, 1));
    }
}
