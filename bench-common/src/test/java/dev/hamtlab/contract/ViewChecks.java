package dev.hamtlab.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The views (entrySet, keySet, values), equals, hashCode and toString, against a HashMap. */
final class ViewChecks {
    private static final int ENTRY_COUNT = 300;
    private static final int ABSENT_KEY_COUNT = 400;

    private ViewChecks() {
    }

    static void viewsMatchHashMap(Subject subject) {
        Map<Object, Object> expected = sample();
        Map<Object, Object> map = Samples.mapOf(subject, expected);
        assertEquals(ENTRY_COUNT, map.entrySet().size(), "entrySet().size()");
        assertEquals(ENTRY_COUNT, map.keySet().size(), "keySet().size()");
        assertEquals(ENTRY_COUNT, map.values().size(), "values().size()");
        assertTrue(map.entrySet().equals(expected.entrySet()), "map.entrySet().equals(hashMap.entrySet())");
        assertTrue(expected.entrySet().equals(map.entrySet()), "hashMap.entrySet().equals(map.entrySet())");
        assertTrue(map.keySet().equals(expected.keySet()), "map.keySet().equals(hashMap.keySet())");
        assertTrue(expected.keySet().equals(map.keySet()), "hashMap.keySet().equals(map.keySet())");
        assertEquals(expected.entrySet().hashCode(), map.entrySet().hashCode(), "entrySet().hashCode()");
        assertEquals(expected.keySet().hashCode(), map.keySet().hashCode(), "keySet().hashCode()");
        assertEquals(MapAssertions.multiset(expected.values()), MapAssertions.multiset(map.values()),
                "values() as a multiset");
    }

    static void equalsAndHashCodeMatchHashMap(Subject subject) {
        assertEqualBothWays(new HashMap<>(), subject.newMap());
        assertEquals(0, subject.newMap().hashCode(), "hashCode of an empty map");

        Map<Object, Object> expected = sample();
        Map<Object, Object> map = Samples.mapOf(subject, expected);
        assertEqualBothWays(expected, map);
        List<Object> keys = new ArrayList<>(expected.keySet());
        Map<Object, Object> twin = subject.newMap();
        for (int i = keys.size() - 1; i >= 0; i--) {
            twin.put(keys.get(i), expected.get(keys.get(i)));
        }
        assertEqualBothWays(map, twin);

        Object key = keys.get(0);
        Integer value = (Integer) expected.get(key);
        map.put(key, value + 1);
        assertNotEqualBothWays(expected, map, "after a value changed");
        assertNotEquals(expected.hashCode(), map.hashCode(), "hashCode after a value changed");
        map.put(key, value);
        assertEqualBothWays(expected, map);
        map.remove(key);
        assertNotEqualBothWays(expected, map, "after a remove");
        map.put(key, value);
        assertEqualBothWays(expected, map);
        map.put(absentKey(0), value);
        assertNotEqualBothWays(expected, map, "after a put of a new key");
    }

    static void toStringShowsEveryEntry(Subject subject) {
        Map<Object, Object> expected = new HashMap<>();
        for (int i = 0; i < 50; i++) {
            expected.put(new CollidingKey(i, i % 7), "v" + i);
        }
        Map<Object, Object> map = Samples.mapOf(subject, expected);
        String text = map.toString();
        expected.forEach((key, value) ->
                assertTrue(text.contains(key + "=" + value), () -> text + " shows " + key + "=" + value));
        Object removed = new CollidingKey(3, 3);
        map.remove(removed);
        assertFalse(map.toString().contains(removed + "="), "toString after a remove no longer shows the key");
    }

    static void entrySetContainsAndRemove(Subject subject) {
        Map<Object, Object> expected = sample();
        Map<Object, Object> map = Samples.mapOf(subject, expected);
        Object key = expected.keySet().iterator().next();
        Object value = expected.get(key);
        Object absent = absentKey(0);
        assertTrue(map.entrySet().contains(Map.entry(key, value)), "entrySet().contains of a present entry");
        assertFalse(map.entrySet().contains(Map.entry(key, -1)), "entrySet().contains with the wrong value");
        assertFalse(map.entrySet().contains(Map.entry(absent, value)), "entrySet().contains of an absent key");
        assertFalse(map.entrySet().contains(key), "entrySet().contains of something not an entry");
        assertTrue(map.keySet().contains(key), "keySet().contains of a present key");
        assertFalse(map.keySet().contains(absent), "keySet().contains of an absent key");
        assertTrue(map.values().contains(value), "values().contains of a present value");
        assertFalse(map.values().contains(-1), "values().contains of an absent value");

        assertFalse(map.entrySet().remove(Map.entry(key, -1)), "entrySet().remove with the wrong value");
        assertEquals(value, map.get(key), "entrySet().remove with the wrong value keeps the entry");
        assertTrue(map.entrySet().remove(Map.entry(key, value)), "entrySet().remove of a present entry");
        expected.remove(key);
        MapAssertions.assertSameContents(expected, map);
        subject.verifyInvariants(map);
    }

    static void setValueWritesThrough(Subject subject) {
        Map<Object, Object> expected = sample();
        Map<Object, Object> map = Samples.mapOf(subject, expected);
        for (Map.Entry<Object, Object> entry : map.entrySet()) {
            Integer updated = (Integer) entry.getValue() + 1000;
            assertEquals(expected.put(entry.getKey(), updated), entry.setValue(updated),
                    "setValue returns the old value");
            assertEquals(updated, entry.getValue(), "getValue after setValue");
        }
        MapAssertions.assertSameContents(expected, map);
        subject.verifyInvariants(map);
    }

    /**
     * removeAll and retainAll, with collections smaller and larger than the map, since
     * AbstractSet.removeAll walks whichever of the two is smaller.
     */
    static void keySetRemoveAllAndRetainAll(Subject subject) {
        Map<Object, Object> expected = sample();
        Map<Object, Object> map = Samples.mapOf(subject, expected);
        List<Object> keys = new ArrayList<>(expected.keySet());

        List<Object> few = everyNth(keys, 3);
        few.add(absentKey(0));
        assertEquals(expected.keySet().removeAll(few), map.keySet().removeAll(few), "keySet().removeAll of a few keys");
        MapAssertions.assertSameContents(expected, map);

        List<Object> kept = everyNth(keys, 2);
        kept.add(absentKey(1));
        assertEquals(expected.keySet().retainAll(kept), map.keySet().retainAll(kept), "keySet().retainAll");
        MapAssertions.assertSameContents(expected, map);
        assertFalse(map.keySet().retainAll(kept), "keySet().retainAll that changes nothing");

        List<Object> many = everyNth(keys, 4);
        for (int i = 0; i < ABSENT_KEY_COUNT; i++) {
            many.add(absentKey(i));
        }
        assertEquals(expected.keySet().removeAll(many), map.keySet().removeAll(many),
                "keySet().removeAll of more keys than the map holds");
        MapAssertions.assertSameContents(expected, map);
        assertFalse(map.keySet().removeAll(many), "keySet().removeAll that changes nothing");
        subject.verifyInvariants(map);
    }

    /**
     * removeIf on each view, and values().remove, which must find a value by walking the map
     * (of a value one key holds: with several, which key goes depends on the iteration order).
     */
    static void removeIfAndValueRemovalMatchHashMap(Subject subject) {
        Map<Object, Object> expected = sample();
        Map<Object, Object> map = Samples.mapOf(subject, expected);
        Object uniqueValue = expected.keySet().size();
        expected.put(absentKey(0), uniqueValue);
        map.put(absentKey(0), uniqueValue);
        assertTrue(map.values().remove(uniqueValue), "values().remove of a present value");
        expected.remove(absentKey(0));
        assertFalse(map.values().remove(-1), "values().remove of an absent value");
        MapAssertions.assertSameContents(expected, map);
        assertThrows(NullPointerException.class, () -> map.keySet().remove(null), "keySet().remove(null)");
        assertThrows(NullPointerException.class, () -> map.values().remove(null), "values().remove(null)");

        assertEquals(expected.keySet().removeIf(k -> k.hashCode() % 3 == 0),
                map.keySet().removeIf(k -> k.hashCode() % 3 == 0),
                "keySet().removeIf");
        assertEquals(expected.values().removeIf(v -> (Integer) v % 5 == 0),
                map.values().removeIf(v -> (Integer) v % 5 == 0),
                "values().removeIf");
        assertEquals(expected.entrySet().removeIf(e -> (Integer) e.getValue() % 7 == 1),
                map.entrySet().removeIf(e -> (Integer) e.getValue() % 7 == 1), "entrySet().removeIf");
        MapAssertions.assertSameContents(expected, map);
        subject.verifyInvariants(map);
    }

    /**
     * A removal through keySet() or entrySet() allocates what map.remove does: it goes through the
     * map, not through an iterator, whose first remove copies everything it has not visited yet
     * (some 80 KB at 20K keys, for each key removed).
     */
    static void removingThroughAViewCostsWhatMapRemoveCosts(Subject subject) {
        int count = 20_000;
        int removed = 2_000;
        Map<Object, Object> direct = subject.newMap();
        Map<Object, Object> byKeySet = subject.newMap();
        Map<Object, Object> byEntrySet = subject.newMap();
        for (int key = 0; key < count; key++) {
            for (Map<Object, Object> map : List.of(direct, byKeySet, byEntrySet)) {
                map.put(key, key);
            }
        }
        long mapBytes = Allocation.bytesAllocatedBy(() -> {
            for (int key = 0; key < removed; key++) {
                direct.remove(key);
            }
        });
        long keySetBytes = Allocation.bytesAllocatedBy(() -> {
            for (int key = 0; key < removed; key++) {
                byKeySet.keySet().remove(key);
            }
        });
        long entrySetBytes = Allocation.bytesAllocatedBy(() -> {
            for (int key = 0; key < removed; key++) {
                byEntrySet.entrySet().remove(Map.entry(key, key));
            }
        });
        // Room for a view object and an entry per call, and for the JIT's own first allocations.
        long allowed = mapBytes + 64L * removed + (1 << 20);
        assertTrue(keySetBytes <= allowed,
                () -> "keySet().remove allocated " + keySetBytes + " bytes, map.remove " + mapBytes);
        assertTrue(entrySetBytes <= allowed,
                () -> "entrySet().remove allocated " + entrySetBytes + " bytes, map.remove " + mapBytes);
        assertEquals(direct, byKeySet);
        assertEquals(direct, byEntrySet);
        subject.verifyInvariants(byKeySet);
    }

    private static Map<Object, Object> sample() {
        return Samples.entries(KeySpace.QUARTER_FULL_COLLISIONS, ENTRY_COUNT);
    }

    /** A key no sample holds: sample keys number from 0 up. */
    private static Object absentKey(int i) {
        return new CollidingKey(-1 - i, i);
    }

    private static List<Object> everyNth(List<Object> keys, int n) {
        List<Object> picked = new ArrayList<>();
        for (int i = 0; i < keys.size(); i += n) {
            picked.add(keys.get(i));
        }
        return picked;
    }

    private static void assertEqualBothWays(Map<Object, Object> expected, Map<Object, Object> map) {
        assertTrue(map.equals(expected), "map.equals(other)");
        assertTrue(expected.equals(map), "other.equals(map)");
        assertEquals(expected.hashCode(), map.hashCode(), "hashCode of equal maps");
    }

    private static void assertNotEqualBothWays(Map<Object, Object> expected, Map<Object, Object> map, String when) {
        assertFalse(map.equals(expected), () -> "map.equals(hashMap) " + when);
        assertFalse(expected.equals(map), () -> "hashMap.equals(map) " + when);
    }
}
