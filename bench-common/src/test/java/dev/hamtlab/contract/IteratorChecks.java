package dev.hamtlab.contract;

import static dev.hamtlab.contract.MapAssertions.multiset;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collection;
import java.util.ConcurrentModificationException;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.function.Consumer;
import java.util.function.Function;

/** The iterator contract of all three views: fail-fast, remove, the end, and exactly-once visits. */
final class IteratorChecks {
    private static final int SMALL = 20;
    private static final int LARGE = 300;

    /** The three views a Map iterates through. */
    private enum View {
        ENTRY_SET(Map::entrySet), KEY_SET(Map::keySet), VALUES(Map::values);

        private final Function<Map<Object, Object>, Collection<?>> of;

        View(Function<Map<Object, Object>, Collection<?>> of) {
            this.of = of;
        }

        Iterator<?> iterator(Map<Object, Object> map) {
            return of.apply(map).iterator();
        }
    }

    /** A change to the map behind an open iterator's back. */
    private enum Modification {
        PUT_OF_A_NEW_KEY(map -> map.put(new CollidingKey(-1, 0), 0)),
        REMOVE_OF_A_PRESENT_KEY(map -> map.remove(map.keySet().iterator().next())),
        CLEAR(Map::clear);

        private final Consumer<Map<Object, Object>> apply;

        Modification(Consumer<Map<Object, Object>> apply) {
            this.apply = apply;
        }
    }

    private IteratorChecks() {
    }

    static void failsFastOnModification(Subject subject) {
        for (View view : View.values()) {
            for (Modification modification : Modification.values()) {
                Map<Object, Object> map = smallMap(subject);
                Iterator<?> iterator = view.iterator(map);
                iterator.next();
                modification.apply.accept(map);
                assertThrows(ConcurrentModificationException.class, iterator::next,
                        () -> view + " iterator: next() after a " + modification);
            }
        }
    }

    static void removeNeedsNext(Subject subject) {
        for (View view : View.values()) {
            Map<Object, Object> map = smallMap(subject);
            Iterator<?> iterator = view.iterator(map);
            assertThrows(IllegalStateException.class, iterator::remove,
                    () -> view + " iterator: remove() before next()");
            assertEquals(SMALL, map.size(), "size after a refused remove()");
            iterator.next();
            iterator.remove();
            assertEquals(SMALL - 1, map.size(), "size after remove()");
            assertThrows(IllegalStateException.class, iterator::remove,
                    () -> view + " iterator: remove() twice in a row");
            assertEquals(SMALL - 1, map.size(), "size after a refused second remove()");
            subject.verifyInvariants(map);
        }
    }

    static void nextPastTheEndThrows(Subject subject) {
        for (View view : View.values()) {
            Iterator<?> empty = view.iterator(subject.newMap());
            assertFalse(empty.hasNext(), () -> view + " iterator of an empty map: hasNext()");
            assertThrows(NoSuchElementException.class, empty::next, () -> view + " iterator of an empty map: next()");

            Iterator<?> iterator = view.iterator(smallMap(subject));
            int visited = 0;
            for (; iterator.hasNext(); visited++) {
                iterator.next();
            }
            assertEquals(SMALL, visited, () -> view + " iterator: elements before the end");
            assertThrows(NoSuchElementException.class, iterator::next, () -> view + " iterator: next() past the end");
        }
    }

    static void removingEverythingEmptiesTheMap(Subject subject, KeySpace keySpace) {
        for (View view : View.values()) {
            Map<Object, Object> expected = Samples.entries(keySpace, LARGE, subject.hashCodeOf());
            Map<Object, Object> map = Samples.mapOf(subject, expected);
            int remaining = LARGE;
            for (Iterator<?> iterator = view.iterator(map); iterator.hasNext(); ) {
                iterator.next();
                iterator.remove();
                remaining--;
                assertEquals(remaining, map.size(), () -> view + " iterator: size after remove()");
            }
            assertTrue(map.isEmpty(), () -> view + " iterator: map empty after removing every element");
            for (Object key : expected.keySet()) {
                assertNull(map.get(key), () -> "get(" + key + ") after removing everything");
            }
            subject.verifyInvariants(map);
        }
    }

    static void visitsEachEntryOnce(Subject subject, KeySpace keySpace) {
        Map<Object, Object> expected = Samples.entries(keySpace, LARGE, subject.hashCodeOf());
        Map<Object, Object> map = Samples.mapOf(subject, expected);
        assertEquals(multiset(expected.entrySet()), multiset(map.entrySet()), "entrySet iteration");
        assertEquals(multiset(expected.keySet()), multiset(map.keySet()), "keySet iteration");
        assertEquals(multiset(expected.values()), multiset(map.values()), "values iteration");
    }

    private static Map<Object, Object> smallMap(Subject subject) {
        return Samples.mapOf(subject, Samples.entries(KeySpace.QUARTER_FULL_COLLISIONS, SMALL));
    }
}
