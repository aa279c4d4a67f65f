package dev.hamtlab.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hamtlab.bench.Keys;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Hash flooding, tried as an attacker would: thousands of keys of one hashCode in one map. Strings
 * of "Aa" and "BB" blocks are inserted in random order, found with equal copies, updated, removed
 * down to one key and then none, and checked against a HashMap throughout. Keys that count their
 * compareTo and equals calls show that each operation is a search of O(log n) comparisons rather
 * than a scan of every colliding key.
 */
final class FloodCheck {
    static final int STRING_COUNT = 5_000;
    static final int COUNTED_COUNT = 4_096;
    private static final long SEED = 13;
    private static final int FULL_CHECK_INTERVAL = 500;

    private FloodCheck() {
    }

    static void collidingStrings(Subject subject) {
        List<String> keys = collidingStrings(STRING_COUNT + 1);
        String stranger = keys.remove(keys.size() - 1);
        Map<Object, Object> map = subject.newMap();
        Map<Object, Object> oracle = new HashMap<>();
        for (int i = 0; i < keys.size(); i++) {
            assertNull(map.put(keys.get(i), i), "put of a new colliding key");
            oracle.put(keys.get(i), i);
        }
        assertEquals(keys.size(), map.size(), "size after the flood");
        subject.verifyInvariants(map);
        for (String key : keys) {
            assertEquals(oracle.get(key), map.get(copy(key)), () -> "get of an equal copy of " + key);
        }
        assertNull(map.get(copy(stranger)), "get of an absent key of the same hash");
        assertFalse(map.containsKey(stranger), "containsKey of an absent key of the same hash");
        assertNull(map.remove(stranger), "remove of an absent key of the same hash");
        for (int i = 0; i < keys.size(); i += 3) {
            String key = copy(keys.get(i));
            assertEquals(oracle.put(key, -i), map.put(key, -i), () -> "update through an equal copy of " + key);
        }
        assertEquals(keys.size(), map.size(), "updates add nothing");
        MapAssertions.assertSameContents(oracle, map);

        Collections.shuffle(keys, new Random(SEED));
        for (int i = 0; i < keys.size(); i++) {
            String key = copy(keys.get(i));
            assertEquals(oracle.remove(key), map.remove(key), () -> "remove(" + key + ")");
            assertEquals(oracle.size(), map.size(), "size while removing");
            if (i % FULL_CHECK_INTERVAL == 0 || oracle.size() <= 2) {
                subject.verifyInvariants(map);
                MapAssertions.assertSameContents(oracle, map);
            }
        }
        assertTrue(map.isEmpty(), "empty after removing every key");
    }

    /**
     * {@value #COUNTED_COUNT} keys of one hash: a get makes no more compareTo and equals calls than
     * the height of a balanced binary tree of them (at most 2 log2(n + 1), a red-black tree's bound),
     * a put or a remove no more compareTo calls than three such walks. A scan makes thousands.
     */
    static void operationsCostLogarithmicComparisons(Subject subject) {
        CountedKey.Calls calls = new CountedKey.Calls();
        List<Integer> values = new ArrayList<>();
        for (int value = 0; value < COUNTED_COUNT; value++) {
            values.add(value);
        }
        Collections.shuffle(values, new Random(SEED));
        Map<Object, Object> map = subject.newMap();
        long walk = 2 * (long) Math.ceil(Math.log(COUNTED_COUNT + 1) / Math.log(2));
        for (int value : values) {
            calls.reset();
            map.put(new CountedKey(value, Keys.COLLIDING_HASH, calls), value);
            assertCalls(calls, 3 * walk, walk, "put of key " + value);
        }
        subject.verifyInvariants(map);
        for (int value : values) {
            calls.reset();
            assertEquals(value, map.get(new CountedKey(value, Keys.COLLIDING_HASH, calls)), "get of key " + value);
            assertCalls(calls, walk, walk, "get of key " + value);
        }
        Collections.shuffle(values, new Random(SEED + 1));
        for (int value : values) {
            calls.reset();
            assertEquals(value, map.remove(new CountedKey(value, Keys.COLLIDING_HASH, calls)),
                    "remove of key " + value);
            assertCalls(calls, 3 * walk, walk, "remove of key " + value);
        }
        assertTrue(map.isEmpty(), "empty after removing every key");
        subject.verifyInvariants(map);
    }

    private static void assertCalls(CountedKey.Calls calls, long maxCompares, long maxEquals, String operation) {
        assertTrue(calls.compares <= maxCompares,
                operation + ": " + calls.compares + " compareTo calls, more than " + maxCompares);
        assertTrue(calls.equals <= maxEquals,
                operation + ": " + calls.equals + " equals calls, more than " + maxEquals);
    }

    /** Distinct colliding Strings in a random order. */
    static List<String> collidingStrings(int count) {
        SplittableRandom random = new SplittableRandom(SEED);
        Set<String> keys = new LinkedHashSet<>();
        while (keys.size() < count) {
            keys.add(Keys.collidingString(random.nextInt()));
        }
        return new ArrayList<>(keys);
    }

    /** An equal String that is not the same object, as a caller's key is. */
    private static String copy(String key) {
        return new String(key.toCharArray());
    }
}
