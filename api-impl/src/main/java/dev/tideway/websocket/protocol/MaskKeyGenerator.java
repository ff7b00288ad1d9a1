package dev.tideway.websocket.protocol;

import java.security.SecureRandom;

/**
 * Fresh masking keys for a client's frames (RFC 6455 §5.3 wants them unpredictable, so that a script
 * cannot choose the bytes a proxy sees). A {@link SecureRandom} per frame would be slow and may block;
 * instead each generator is seeded once from a shared {@code SecureRandom} and then steps an xorshift*
 * generator. One instance per connection, used under the connection's send lock: it is not thread-safe.
 */
public final class MaskKeyGenerator {
    private static final SecureRandom SEEDS = new SecureRandom();

    private long state;

    private MaskKeyGenerator(long seed) {
        // xorshift must never hold zero, or it stays zero
        this.state = seed == 0 ? 0x9E37_79B9_7F4A_7C15L : seed;
    }

    /** A generator seeded from the shared {@code SecureRandom}. */
    public static MaskKeyGenerator newSeeded() {
        long seed;
        synchronized (SEEDS) {
            seed = SEEDS.nextLong();
        }
        return new MaskKeyGenerator(seed);
    }

    /** The next key (xorshift64*, whose high 32 bits pass the usual statistical tests). */
    public int nextKey() {
        long x = state;
        x ^= x >>> 12;
        x ^= x << 25;
        x ^= x >>> 27;
        state = x;
        return (int) ((x * 0x2545_F491_4F6C_DD1DL) >>> 32);
    }
}
