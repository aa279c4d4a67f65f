package dev.hamtlab.contract;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.HashMap;
import java.util.Map;

/** clear() empties the map, and the map works as new afterwards. */
final class ClearCheck {
    private static final int ENTRY_COUNT = 200;

    private ClearCheck() {
    }

    static void clearThenReuse(Subject subject) {
        Map<Object, Object> expected = Samples.entries(KeySpace.QUARTER_FULL_COLLISIONS, ENTRY_COUNT);
        Map<Object, Object> map = Samples.mapOf(subject, expected);
        map.clear();
        MapAssertions.assertSameContents(new HashMap<>(), map);
        for (Object key : expected.keySet()) {
            assertNull(map.get(key), () -> "get(" + key + ") after clear()");
            assertFalse(map.containsKey(key), () -> "containsKey(" + key + ") after clear()");
        }
        subject.verifyInvariants(map);

        expected.replaceAll((key, value) -> (Integer) value + 1);
        expected.forEach(map::put);
        MapAssertions.assertSameContents(expected, map);
        subject.verifyInvariants(map);

        map.clear();
        map.clear();
        MapAssertions.assertSameContents(new HashMap<>(), map);
        subject.verifyInvariants(map);
    }
}
