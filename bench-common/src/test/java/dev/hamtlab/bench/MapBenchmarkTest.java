package dev.hamtlab.bench;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The benchmark methods themselves, called without JMH. */
class MapBenchmarkTest {
    private static final Keys KEYS = Keys.of(1_000);

    @ParameterizedTest
    @EnumSource(Implementation.class)
    void benchmarksDoWhatTheirNamesSay(Implementation implementation) {
        MapBenchmark benchmark = MapBenchmark.of(implementation, Size.ONE_K);

        Map<Integer, Integer> inserted = benchmark.insert();
        assertEquals(implementation.create().getClass(), inserted.getClass());
        assertEquals(1_000, inserted.size());
        assertEquals(Arrays.stream(KEYS.insertOrder()).mapToInt(Integer::intValue).sum(), benchmark.queryHit());
        assertEquals(0, benchmark.queryMiss());

        MapBenchmark.FreshMap fresh = new MapBenchmark.FreshMap();
        fresh.fill(benchmark);
        assertEquals(1_000, fresh.map.size());
        benchmark.remove(fresh);
        assertTrue(fresh.map.isEmpty());
    }

    @ParameterizedTest
    @EnumSource(Implementation.class)
    void churnSwapsTheTwoHalvesOfTheRingAndKeepsNEntries(Implementation implementation) {
        MapBenchmark benchmark = MapBenchmark.of(implementation, Size.ONE_K);
        MapBenchmark.ChurnedMap churned = new MapBenchmark.ChurnedMap();
        churned.fill(benchmark);
        Map<Integer, Integer> map = churned.map;

        benchmark.churn(churned);
        assertSame(map, churned.map, "never rebuilt");
        assertDoesNotThrow(() -> MapBenchmark.checkAnswers(map, KEYS.misses(), KEYS.insertOrder()));
        churned.check();
        benchmark.churn(churned);
        assertDoesNotThrow(() -> MapBenchmark.checkAnswers(map, KEYS.insertOrder(), KEYS.misses()));
        churned.check();
    }

    @Test
    void churnMovesOnByItsStepsAndKeepsNEntries() {
        MapBenchmark benchmark = MapBenchmark.of(Implementation.PHASE3, Size.TEN_K);
        MapBenchmark.ChurnedMap churned = new MapBenchmark.ChurnedMap();
        churned.fill(benchmark);
        Keys keys = Keys.of(10_000);

        benchmark.churn(churned);
        assertEquals(MapBenchmark.CHURN_STEPS, churned.position);
        Integer[] live = new Integer[10_000];
        Integer[] gone = new Integer[10_000];
        for (int i = 0; i < 10_000; i++) {
            Integer[] fromLive = i + MapBenchmark.CHURN_STEPS < 10_000 ? keys.insertOrder() : keys.misses();
            live[i] = fromLive[(i + MapBenchmark.CHURN_STEPS) % 10_000];
            Integer[] fromGone = i + MapBenchmark.CHURN_STEPS < 10_000 ? keys.misses() : keys.insertOrder();
            gone[i] = fromGone[(i + MapBenchmark.CHURN_STEPS) % 10_000];
        }
        assertDoesNotThrow(() -> MapBenchmark.checkAnswers(churned.map, live, gone));
        churned.check();
    }

    @Test
    void churnRemovesWithEqualCopiesNeverTheStoredKeys() {
        MapBenchmark.ChurnedMap churned = new MapBenchmark.ChurnedMap();
        churned.fill(MapBenchmark.of(Implementation.HASHMAP, Size.ONE_K));
        for (int i = 0; i < churned.ring.length; i++) {
            assertEquals(churned.ring[i], churned.copies[i]);
            assertTrue(churned.ring[i] != churned.copies[i] || (churned.ring[i] >= -128 && churned.ring[i] <= 127));
        }
    }

    @Test
    void aPollutedForkStillMeasuresTheSameMap() {
        MapBenchmark benchmark = new MapBenchmark();
        benchmark.impl = "phase2";
        benchmark.size = "1K";
        benchmark.profile = "polluted";
        benchmark.arm = "primary";
        benchmark.setUp();
        assertEquals(dev.hamtlab.phase2.Hamt.class, benchmark.filled.getClass());
        assertEquals(0, benchmark.queryMiss());
        benchmark.checkFilled();
        benchmark.profile = "megamorphic";
        assertThrows(IllegalArgumentException.class, benchmark::setUp);
    }

    @Test
    void theMeasuredMapIsCheckedAfterTheTrial() {
        MapBenchmark benchmark = MapBenchmark.of(Implementation.PHASE1, Size.ONE_K);
        benchmark.filled.remove(KEYS.insertOrder()[7]);
        assertThrows(IllegalStateException.class, benchmark::checkFilled);
    }

    @Test
    void removeFailsWhenAKeyIsMissing() {
        MapBenchmark.FreshMap fresh = new MapBenchmark.FreshMap();
        fresh.map = correctMap();
        fresh.map.remove(KEYS.queryOrder()[999]);
        MapBenchmark benchmark = MapBenchmark.of(Implementation.HASHMAP, Size.ONE_K);
        assertThrows(IllegalStateException.class, () -> benchmark.remove(fresh));
    }

    @Test
    void churnCheckFailsWhenRemovesDoNothing() {
        MapBenchmark benchmark = MapBenchmark.of(Implementation.HASHMAP, Size.ONE_K);
        MapBenchmark.ChurnedMap churned = new MapBenchmark.ChurnedMap();
        churned.fill(benchmark);
        // Answers like a remove, keeps the entry: the map grows past N.
        churned.map = new HashMap<>(churned.map) {
            @Override
            public Integer remove(Object key) {
                return get(key);
            }
        };
        benchmark.churn(churned);
        assertThrows(IllegalStateException.class, churned::check);
    }

    @Test
    void setUpRejectsUnknownParameters() {
        MapBenchmark benchmark = new MapBenchmark();
        benchmark.impl = "treemap";
        benchmark.size = "1K";
        assertThrows(IllegalArgumentException.class, benchmark::setUp);
        benchmark.impl = "hashmap";
        benchmark.size = "2K";
        assertThrows(IllegalArgumentException.class, benchmark::setUp);
    }

    @Test
    void checkAnswersAcceptsACorrectMap() {
        assertDoesNotThrow(() -> MapBenchmark.checkAnswers(correctMap(), KEYS.queryOrder(), KEYS.misses()));
    }

    @Test
    void checkAnswersRejectsAWrongValue() {
        Map<Integer, Integer> map = correctMap();
        Integer key = KEYS.queryOrder()[500];
        map.put(key, key + 1);
        assertThrows(IllegalStateException.class, () -> MapBenchmark.checkAnswers(map, KEYS.queryOrder(), KEYS.misses()));
    }

    @Test
    void checkAnswersRejectsAMissingKey() {
        Map<Integer, Integer> map = correctMap();
        map.remove(KEYS.queryOrder()[999]);
        assertThrows(IllegalStateException.class, () -> MapBenchmark.checkAnswers(map, KEYS.queryOrder(), KEYS.misses()));
    }

    @Test
    void checkAnswersRejectsAnAbsentKeyThatIsFound() {
        // Right size and right values for every key, so only the miss probe can catch it.
        Map<Integer, Integer> answersEveryMiss = new HashMap<>(correctMap()) {
            @Override
            public Integer get(Object key) {
                Integer value = super.get(key);
                return value == null ? 0 : value;
            }
        };
        assertThrows(IllegalStateException.class,
                () -> MapBenchmark.checkAnswers(answersEveryMiss, KEYS.queryOrder(), KEYS.misses()));
    }

    private static Map<Integer, Integer> correctMap() {
        Map<Integer, Integer> map = new HashMap<>();
        for (Integer key : KEYS.insertOrder()) {
            map.put(key, key);
        }
        return map;
    }
}
