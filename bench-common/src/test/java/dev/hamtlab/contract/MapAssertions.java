package dev.hamtlab.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;

/** Comparisons of a map under test with a {@link HashMap} that holds what it should. */
final class MapAssertions {
    private MapAssertions() {
    }

    /**
     * Asserts that {@code actual} holds exactly the entries of {@code expected}: the same size,
     * every expected key found by get, iteration visiting each entry exactly once, equals
     * agreeing both ways, and the same hashCode.
     */
    static void assertSameContents(Map<Object, Object> expected, Map<Object, Object> actual) {
        assertEquals(expected.size(), actual.size(), "size");
        for (Map.Entry<Object, Object> entry : expected.entrySet()) {
            assertEquals(entry.getValue(), actual.get(entry.getKey()), () -> "get(" + entry.getKey() + ")");
        }
        assertEquals(multiset(expected.entrySet()), multiset(actual.entrySet()), "the entries iteration visits");
        assertTrue(actual.equals(expected), "map.equals(hashMap)");
        assertTrue(expected.equals(actual), "hashMap.equals(map)");
        assertEquals(expected.hashCode(), actual.hashCode(), "hashCode");
    }

    /**
     * How many times iteration visits each element; entries are copied, so an iterator that
     * reuses one entry object is still counted right.
     */
    static Map<Object, Integer> multiset(Iterable<?> elements) {
        Map<Object, Integer> counts = new HashMap<>();
        for (Object element : elements) {
            Object copy = element instanceof Map.Entry<?, ?> e ? Map.entry(e.getKey(), e.getValue()) : element;
            counts.merge(copy, 1, Integer::sum);
        }
        return counts;
    }
}
