package dev.hamtlab.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.BitSet;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class KeysTest {
    private static final int COUNT = 10_000;

    /** Integer.valueOf shares -128..127 with every caller, so an equal copy there is the same object. */
    static boolean sharedByEveryCaller(Object key) {
        return key instanceof Integer integer && integer >= -128 && integer <= 127;
    }

    @ParameterizedTest
    @EnumSource(KeyPattern.class)
    void samePatternAndCountGiveSameKeysInSameOrders(KeyPattern pattern) {
        Keys first = Keys.of(pattern, COUNT);
        Keys second = Keys.of(pattern, COUNT);
        assertArrayEquals(first.insertOrder(), second.insertOrder());
        assertArrayEquals(first.queryOrder(), second.queryOrder());
        assertArrayEquals(first.misses(), second.misses());
    }

    @ParameterizedTest
    @EnumSource(KeyPattern.class)
    void keysAreDistinctQueriedAllAndMissesNeverKeys(KeyPattern pattern) {
        Keys keys = Keys.of(pattern, COUNT);
        Set<Object> inserted = distinct(keys.insertOrder());
        Set<Object> misses = distinct(keys.misses());
        assertEquals(COUNT, inserted.size());
        assertEquals(COUNT, misses.size());
        assertEquals(inserted, distinct(keys.queryOrder()));
        assertEquals(COUNT, keys.queryOrder().length);
        assertTrue(Collections.disjoint(misses, inserted));
    }

    @ParameterizedTest
    @EnumSource(value = KeyPattern.class, names = "SEQUENTIAL", mode = EnumSource.Mode.EXCLUDE)
    void theQueryOrderIsShuffled(KeyPattern pattern) {
        Keys keys = Keys.of(pattern, COUNT);
        assertFalse(Arrays.equals(keys.insertOrder(), keys.queryOrder()));
    }

    @Test
    void sequentialKeysAreInsertedAndQueriedInOrder() {
        Keys keys = Keys.of(KeyPattern.SEQUENTIAL, COUNT);
        assertArrayEquals(IntStream.range(0, COUNT).boxed().toArray(), keys.insertOrder());
        assertArrayEquals(keys.insertOrder(), keys.queryOrder());
        assertArrayEquals(IntStream.range(COUNT, 2 * COUNT).boxed().toArray(), keys.misses());
    }

    @Test
    void shuffledKeysAreTheSequentialOnesInRandomOrders() {
        Keys shuffled = Keys.of(KeyPattern.SHUFFLED, COUNT);
        Keys sequential = Keys.of(KeyPattern.SEQUENTIAL, COUNT);
        assertEquals(distinct(sequential.insertOrder()), distinct(shuffled.insertOrder()));
        assertEquals(distinct(sequential.misses()), distinct(shuffled.misses()));
        assertFalse(Arrays.equals(sequential.insertOrder(), shuffled.insertOrder()));
    }

    @Test
    void stridedKeysAreMultiplesOf1024() {
        Keys keys = Keys.of(KeyPattern.STRIDED, COUNT);
        Set<Object> expected = distinct(IntStream.range(0, COUNT).mapToObj(i -> (Object) (i * 1024)).toArray());
        assertEquals(expected, distinct(keys.insertOrder()));
        assertTrue(Arrays.stream(keys.misses()).allMatch(k -> ((Integer) k & 1023) == 0));
    }

    @Test
    void stringKeysHave8To16LettersOrDigits() {
        Keys keys = Keys.of(KeyPattern.STRING, COUNT);
        for (Object key : keys.insertOrder()) {
            String string = (String) key;
            assertTrue(string.length() >= 8 && string.length() <= 16
                    && string.chars().allMatch(Character::isLetterOrDigit),
                    string);
        }
    }

    @Test
    void collidingKeysAreDistinctStringsOfOneHashCode() {
        Keys keys = Keys.of(KeyPattern.COLLIDING, COUNT);
        Set<Object> all = distinct(keys.insertOrder());
        all.addAll(distinct(keys.misses()));
        assertEquals(2 * COUNT, all.size(), "insert keys and misses are distinct");
        for (Object key : all) {
            assertEquals(Keys.COLLIDING_HASH, key.hashCode(), () -> key + " has the shared hashCode");
            assertTrue(((String) key).matches("(Aa|BB){22}"), () -> key + " is 22 blocks of Aa and BB");
        }
    }

    @ParameterizedTest
    @EnumSource(KeyPattern.class)
    void queriesUseEqualCopiesNeverTheStoredObjects(KeyPattern pattern) {
        Keys keys = Keys.of(pattern, COUNT);
        Set<Object> stored = Collections.newSetFromMap(new IdentityHashMap<>());
        stored.addAll(Arrays.asList(keys.insertOrder()));
        for (Object query : keys.queryOrder()) {
            assertTrue(!stored.contains(query) || sharedByEveryCaller(query), "query " + query + " is a stored key");
        }
    }

    @Test
    void distinctAtOneMillionWhereRandomIntsDoRepeat() {
        // 2M draws from 2^32 ints repeat a few hundred times, so only here does distinctness get tested.
        Keys keys = Keys.of(KeyPattern.RANDOM, Size.ONE_M.count());
        Set<Object> inserted = distinct(keys.insertOrder());
        Set<Object> misses = distinct(keys.misses());
        assertEquals(Size.ONE_M.count(), inserted.size());
        assertEquals(Size.ONE_M.count(), misses.size());
        assertTrue(Collections.disjoint(inserted, misses));
    }

    @Test
    void stridedKeysStayDistinctBeyond2To22() {
        // 1024 * i overflows an int from i = 2^22 on; the rotation keeps the keys distinct.
        Keys keys = Keys.of(KeyPattern.STRIDED, Size.MAX);
        BitSet seen = new BitSet(2 * Size.MAX);
        for (Object[] half : new Object[][] {keys.insertOrder(), keys.misses()}) {
            for (Object key : half) {
                int i = Integer.rotateRight((Integer) key, 10);
                assertFalse(seen.get(i), "key " + key + " twice");
                seen.set(i);
            }
        }
        assertEquals(2 * Size.MAX, seen.cardinality());
    }

    @Test
    void randomKeysAreSpreadOverTheIntRange() {
        Set<Object> keys = distinct(Keys.of(KeyPattern.RANDOM, COUNT).insertOrder());
        assertTrue(keys.stream().anyMatch(k -> (Integer) k < -1_000_000_000), "negative keys too");
        assertTrue(keys.stream().anyMatch(k -> (Integer) k > 1_000_000_000), "large keys too");
    }

    private static Set<Object> distinct(Object[] values) {
        return new HashSet<>(Arrays.asList(values));
    }
}
