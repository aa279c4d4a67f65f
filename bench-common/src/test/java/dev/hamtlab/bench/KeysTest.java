package dev.hamtlab.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class KeysTest {
    private static final int COUNT = 10_000;

    @Test
    void sameCountGivesSameKeysInSameOrders() {
        Keys first = Keys.of(COUNT);
        Keys second = Keys.of(COUNT);
        assertArrayEquals(first.insertOrder(), second.insertOrder());
        assertArrayEquals(first.queryOrder(), second.queryOrder());
        assertArrayEquals(first.misses(), second.misses());
    }

    @Test
    void keysAreDistinctAndQueriedInAnotherOrder() {
        Keys keys = Keys.of(COUNT);
        Set<Integer> inserted = distinct(keys.insertOrder());
        assertEquals(COUNT, inserted.size());
        assertEquals(inserted, distinct(keys.queryOrder()));
        assertEquals(COUNT, keys.queryOrder().length);
        assertFalse(Arrays.equals(keys.insertOrder(), keys.queryOrder()), "the query order is shuffled");
    }

    @Test
    void queriesUseEqualCopiesNeverTheStoredObjects() {
        Keys keys = Keys.of(COUNT);
        Set<Integer> stored = Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        stored.addAll(Arrays.asList(keys.insertOrder()));
        for (Integer query : keys.queryOrder()) {
            // Integer.valueOf shares -128..127 with every caller; random keys there are one in 2^24.
            assertTrue(!stored.contains(query) || (query >= -128 && query <= 127), "query " + query + " is a stored key");
        }
    }

    @Test
    void missesAreDistinctAndNeverKeys() {
        Keys keys = Keys.of(COUNT);
        Set<Integer> misses = distinct(keys.misses());
        assertEquals(COUNT, misses.size());
        assertTrue(Collections.disjoint(misses, distinct(keys.insertOrder())));
    }

    @Test
    void distinctAtOneMillionWhereRandomIntsDoRepeat() {
        // 2M draws from 2^32 ints repeat a few hundred times, so only here does distinctness get tested.
        Keys keys = Keys.of(Size.ONE_M.count());
        Set<Integer> inserted = distinct(keys.insertOrder());
        Set<Integer> misses = distinct(keys.misses());
        assertEquals(Size.ONE_M.count(), inserted.size());
        assertEquals(Size.ONE_M.count(), misses.size());
        assertTrue(Collections.disjoint(inserted, misses));
    }

    @Test
    void keysAreSpreadOverTheIntRange() {
        Set<Integer> keys = distinct(Keys.of(COUNT).insertOrder());
        assertTrue(keys.stream().anyMatch(k -> k < -1_000_000_000), "negative keys too");
        assertTrue(keys.stream().anyMatch(k -> k > 1_000_000_000), "large keys too");
    }

    private static Set<Integer> distinct(Integer[] values) {
        return new HashSet<>(Arrays.asList(values));
    }
}
