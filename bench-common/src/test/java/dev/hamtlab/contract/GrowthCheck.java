package dev.hamtlab.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * Grows a map to a million Integer keys and shrinks it back to empty in another order, checking
 * every put's and remove's result and the size, and a sample of gets and the invariants at a few
 * sizes. Values are the keys' indexes, so nothing else has to be held in memory.
 */
final class GrowthCheck {
    static final int SIZE = 1_000_000;
    private static final Set<Integer> GROWTH_CHECKPOINTS = Set.of(1, 1_000, 100_000, SIZE);
    /** Checks every 997th key: a sample spread over the whole key set. */
    private static final int SAMPLE_STRIDE = 997;
    /** Odd, so i * KEY_SCRAMBLE is a bijection on int: distinct keys, spread over every level. */
    private static final int KEY_SCRAMBLE = 0x9E3779B9;
    /** A prime that does not divide SIZE: i * REMOVAL_STRIDE mod SIZE removes every index once. */
    private static final long REMOVAL_STRIDE = 7919;

    private GrowthCheck() {
    }

    static void run(Subject subject) {
        Map<Object, Object> map = subject.newMap();
        for (int i = 0; i < SIZE; i++) {
            int index = i;
            assertNull(map.put(key(i), i), () -> "put of new key number " + index);
            assertEquals(i + 1, map.size(), "size while growing");
            if (GROWTH_CHECKPOINTS.contains(i + 1)) {
                checkGrown(subject, map, i + 1);
            }
        }
        int visited = 0;
        for (Iterator<?> entries = map.entrySet().iterator(); entries.hasNext(); entries.next()) {
            visited++;
        }
        assertEquals(SIZE, visited, "entries iteration visits at full size");

        for (int i = 0; i < SIZE; i++) {
            int index = removalOrder(i);
            assertEquals(index, map.remove(key(index)), () -> "remove of key number " + index);
            assertEquals(SIZE - i - 1, map.size(), "size while shrinking");
            if (i + 1 == SIZE / 2) {
                checkHalfRemoved(subject, map, i + 1);
            }
        }
        assertTrue(map.isEmpty(), "empty after removing every key");
        assertFalse(map.entrySet().iterator().hasNext(), "an empty map iterates nothing");
        subject.verifyInvariants(map);
    }

    private static void checkGrown(Subject subject, Map<Object, Object> map, int size) {
        for (int i = 0; i < size; i += SAMPLE_STRIDE) {
            assertEquals(i, map.get(key(i)), "get of a sampled key while growing");
        }
        assertNull(map.get(key(size)), "get of a key not put yet");
        subject.verifyInvariants(map);
    }

    private static void checkHalfRemoved(Subject subject, Map<Object, Object> map, int removed) {
        for (int i = 0; i < SIZE; i += SAMPLE_STRIDE) {
            int index = removalOrder(i);
            assertEquals(i < removed ? null : index, map.get(key(index)), "get of a sampled key while shrinking");
        }
        subject.verifyInvariants(map);
    }

    private static Integer key(int index) {
        return index * KEY_SCRAMBLE;
    }

    private static int removalOrder(int i) {
        return (int) (i * REMOVAL_STRIDE % SIZE);
    }
}
