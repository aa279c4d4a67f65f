package dev.hamtlab.bench.peers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.hamtlab.bench.Implementation;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every implementation behind its adapter answers as java.util.HashMap does, whatever it is driven by. */
class AdaptersTest {
    private static final int STEPS = 20_000;

    @ParameterizedTest
    @EnumSource(value = Implementation.class, names = {"FASTUTIL_INT", "INT_HAMT_TRIE", "INT_HAMT_FLAT", "INT_HAMT"},
            mode = EnumSource.Mode.EXCLUDE)
    void randomPutsGetsAndRemovesAnswerAsHashMapDoes(Implementation implementation) {
        // Keys from a small range, so puts replace, removes hit and miss, and the map grows and shrinks.
        SplittableRandom random = new SplittableRandom(implementation.ordinal());
        MeasuredMap map = implementation.create();
        Map<Object, Object> oracle = new HashMap<>();
        for (int step = 0; step < STEPS; step++) {
            Integer key = random.nextInt(2_000) * 1024;
            Integer copy = Integer.valueOf(key.intValue());
            switch (random.nextInt(3)) {
                case 0 -> {
                    Object value = "v" + step;
                    map.put(key, value);
                    oracle.put(key, value);
                }
                case 1 -> assertSame(oracle.get(copy), map.get(copy), "get(" + key + ") at step " + step);
                default -> {
                    map.remove(copy);
                    oracle.remove(copy);
                }
            }
            assertEquals(oracle.size(), map.size(), "size at step " + step);
        }
        for (Map.Entry<Object, Object> entry : oracle.entrySet()) {
            assertSame(entry.getValue(), map.get(entry.getKey()));
        }
    }

    @ParameterizedTest
    @EnumSource(value = Implementation.class, names = {"CLOJURE", "SCALA_IMMUTABLE", "VAVR"})
    void aPersistentOrTransientMapIsReplacedByWhatItsChangeReturns(Implementation implementation) {
        MeasuredMap map = implementation.create();
        Object before = map.target();
        map.put("key", "value");
        if (implementation.driven() == Implementation.Driven.PERSISTENT) {
            assertNotSame(before, map.target(), "a persistent map's change returns a new version");
        }
        assertEquals("value", map.get("key"));
        assertEquals(null, map.get("other"));
    }

    /** The int maps' adapters, which take Integer keys and values only, unboxed. */
    @ParameterizedTest
    @EnumSource(value = Implementation.class, names = {"FASTUTIL_INT", "INT_HAMT_TRIE", "INT_HAMT_FLAT", "INT_HAMT"})
    void intMapsAnswerAsHashMapDoes(Implementation implementation) {
        SplittableRandom random = new SplittableRandom(implementation.ordinal());
        MeasuredMap map = implementation.create();
        Map<Object, Object> oracle = new HashMap<>();
        for (int step = 0; step < STEPS; step++) {
            Integer key = random.nextInt(2_000) * 1024 - 1_000_000;
            switch (random.nextInt(3)) {
                case 0 -> {
                    // 0 too, the maps' default return value, which the adapter must still answer as present.
                    Integer value = random.nextInt(3) - 1;
                    map.put(key, value);
                    oracle.put(key, value);
                }
                case 1 -> assertEquals(oracle.get(key), map.get(key), "get(" + key + ") at step " + step);
                default -> {
                    map.remove(key);
                    oracle.remove(key);
                }
            }
            assertEquals(oracle.size(), map.size(), "size at step " + step);
        }
    }
}
