package dev.hamtlab.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Hundreds of keys with one hashCode, which only a collision node can hold: inserted, found,
 * updated and removed one by one in shuffled order, checked against a HashMap throughout.
 */
final class ConstantHashCheck {
    static final int KEY_COUNT = 500;
    private static final long SEED = 11;
    private static final int FULL_CHECK_INTERVAL = 50;

    private ConstantHashCheck() {
    }

    static void run(Subject subject, int keyCount) {
        List<Object> keys = KeySpace.FULL_COLLISIONS.keys(keyCount, SEED);
        Map<Object, Object> map = subject.newMap();
        Map<Object, Object> oracle = new HashMap<>();
        for (int i = 0; i < keyCount; i++) {
            Object key = keys.get(i);
            assertNull(map.put(key, i), () -> "put of new key " + key);
            oracle.put(key, i);
            assertEquals(i + 1, map.size(), "size while inserting");
        }
        subject.verifyInvariants(map);
        for (Object key : keys) {
            assertTrue(map.containsKey(key), () -> "containsKey(" + key + ")");
            assertEquals(oracle.get(key), map.get(key), () -> "get(" + key + ")");
        }

        CollidingKey stranger = new CollidingKey(-1, keys.get(0).hashCode());
        assertNull(map.get(stranger), "get of an absent key with the same hash");
        assertFalse(map.containsKey(stranger), "containsKey of an absent key with the same hash");
        assertNull(map.remove(stranger), "remove of an absent key with the same hash");

        for (int i = 0; i < keyCount; i += 2) {
            Object key = keys.get(i);
            assertEquals(oracle.put(key, -i), map.put(key, -i), () -> "update of " + key);
        }
        MapAssertions.assertSameContents(oracle, map);

        Collections.shuffle(keys, new Random(SEED));
        for (int i = 0; i < keyCount; i++) {
            Object key = keys.get(i);
            assertEquals(oracle.remove(key), map.remove(key), () -> "remove(" + key + ")");
            assertEquals(oracle.size(), map.size(), "size while removing");
            assertNull(map.get(key), () -> "get of removed " + key);
            if (i % FULL_CHECK_INTERVAL == 0) {
                MapAssertions.assertSameContents(oracle, map);
                subject.verifyInvariants(map);
            }
        }
        assertTrue(map.isEmpty(), "empty after removing every key");
        subject.verifyInvariants(map);
    }
}
