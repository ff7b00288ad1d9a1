package dev.tideway.websocket.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Sanity checks on {@link MaskKeyGenerator}: not a statistical test, only that keys are not predictable. */
class MaskKeyGeneratorTest {

    private static final int DRAWS = 10_000;

    @Test
    void generatorsAreSeededDifferently() {
        MaskKeyGenerator first = MaskKeyGenerator.newSeeded();
        MaskKeyGenerator second = MaskKeyGenerator.newSeeded();

        long firstPair = ((long) first.nextKey() << 32) | (first.nextKey() & 0xFFFF_FFFFL);
        long secondPair = ((long) second.nextKey() << 32) | (second.nextKey() & 0xFFFF_FFFFL);

        assertNotEquals(firstPair, secondPair);
    }

    @Test
    void keysAlmostNeverRepeatAndEveryBitVaries() {
        MaskKeyGenerator generator = MaskKeyGenerator.newSeeded();
        Set<Integer> distinct = new HashSet<>();
        int anyOne = 0;
        int anyZero = 0;
        for (int i = 0; i < DRAWS; i++) {
            int key = generator.nextKey();
            distinct.add(key);
            anyOne |= key;
            anyZero |= ~key;
        }
        // 10,000 draws from 2^32 values repeat about 0.01 times on average
        assertTrue(distinct.size() >= DRAWS - 10, "distinct keys: " + distinct.size());
        assertEquals(-1, anyOne, "a bit that is never 1");
        assertEquals(-1, anyZero, "a bit that is never 0");
    }
}
