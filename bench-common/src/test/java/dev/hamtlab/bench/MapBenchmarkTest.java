package dev.hamtlab.bench;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hamtlab.bench.peers.Adapters;
import dev.hamtlab.bench.peers.MeasuredMap;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** The benchmark methods themselves, called without JMH. */
class MapBenchmarkTest {
    private static final Keys KEYS = Keys.of(KeyPattern.RANDOM, 1_000);

    static Stream<Arguments> everyImplementationWithEveryKeyPattern() {
        return Stream.of(Implementation.values()).filter(implementation -> !implementation.intKeys())
                .flatMap(implementation -> Stream.of(KeyPattern.values())
                        .map(keys -> Arguments.of(implementation, keys)));
    }

    @ParameterizedTest
    @MethodSource("everyImplementationWithEveryKeyPattern")
    void benchmarksDoWhatTheirNamesSay(Implementation implementation, KeyPattern pattern) {
        MapBenchmark benchmark = MapBenchmark.of(implementation, pattern, Size.ONE_K);
        Keys keys = Keys.of(pattern, 1_000);

        MeasuredMap inserted = benchmark.build();
        assertEquals(implementation.create().target().getClass(), inserted.target().getClass());
        assertEquals(1_000, inserted.size());
        // Each key is its own value, so the sum of the values' hash codes is the keys'.
        assertEquals(Arrays.stream(keys.insertOrder()).mapToInt(Object::hashCode).sum(), benchmark.queryHit());
        assertEquals(0, benchmark.queryMiss());

        MapBenchmark.FreshMap fresh = new MapBenchmark.FreshMap();
        fresh.fill(benchmark);
        assertEquals(1_000, fresh.map.size());
        benchmark.remove(fresh);
        assertEquals(0, fresh.map.size());
        benchmark.checkFilled();
    }

    @ParameterizedTest
    @EnumSource(value = Implementation.class, names = {"FASTUTIL_INT", "INT_HAMT"}, mode = EnumSource.Mode.EXCLUDE)
    void churnSwapsTheTwoHalvesOfTheRingAndKeepsNEntries(Implementation implementation) {
        MapBenchmark benchmark = MapBenchmark.of(implementation, KeyPattern.RANDOM, Size.ONE_K);
        MapBenchmark.ChurnedMap churned = new MapBenchmark.ChurnedMap();
        churned.fill(benchmark);
        MeasuredMap map = churned.map;

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
        MapBenchmark benchmark = MapBenchmark.of(Implementation.PHASE3, KeyPattern.STRING, Size.TEN_K);
        MapBenchmark.ChurnedMap churned = new MapBenchmark.ChurnedMap();
        churned.fill(benchmark);
        Keys keys = Keys.of(KeyPattern.STRING, 10_000);

        benchmark.churn(churned);
        assertEquals(MapBenchmark.CHURN_STEPS, churned.position);
        Object[] live = new Object[10_000];
        Object[] gone = new Object[10_000];
        for (int i = 0; i < 10_000; i++) {
            Object[] fromLive = i + MapBenchmark.CHURN_STEPS < 10_000 ? keys.insertOrder() : keys.misses();
            live[i] = fromLive[(i + MapBenchmark.CHURN_STEPS) % 10_000];
            Object[] fromGone = i + MapBenchmark.CHURN_STEPS < 10_000 ? keys.misses() : keys.insertOrder();
            gone[i] = fromGone[(i + MapBenchmark.CHURN_STEPS) % 10_000];
        }
        assertDoesNotThrow(() -> MapBenchmark.checkAnswers(churned.map, live, gone));
        churned.check();
    }

    @ParameterizedTest
    @EnumSource(KeyPattern.class)
    void churnRemovesWithEqualCopiesNeverTheStoredKeys(KeyPattern pattern) {
        MapBenchmark.ChurnedMap churned = new MapBenchmark.ChurnedMap();
        churned.fill(MapBenchmark.of(Implementation.HASHMAP, pattern, Size.ONE_K));
        for (int i = 0; i < churned.ring.length; i++) {
            assertEquals(churned.ring[i], churned.copies[i]);
            assertTrue(churned.ring[i] != churned.copies[i] || KeysTest.sharedByEveryCaller(churned.ring[i]));
        }
    }

    @Test
    void aPollutedForkStillMeasuresTheSameMap() {
        MapBenchmark benchmark = new MapBenchmark();
        benchmark.impl = "phase2";
        benchmark.size = "1K";
        benchmark.keys = "random";
        benchmark.profile = "polluted";
        benchmark.arm = "primary";
        benchmark.setUp();
        assertEquals(dev.hamtlab.phase2.Hamt.class, benchmark.filled.target().getClass());
        assertEquals(0, benchmark.queryMiss());
        benchmark.checkFilled();
        benchmark.profile = "megamorphic";
        assertThrows(IllegalArgumentException.class, benchmark::setUp);
    }

    @Test
    void theMeasuredMapIsCheckedAfterTheTrial() {
        MapBenchmark benchmark = MapBenchmark.of(Implementation.PHASE1, KeyPattern.RANDOM, Size.ONE_K);
        benchmark.filled.remove(KEYS.insertOrder()[7]);
        assertThrows(IllegalStateException.class, benchmark::checkFilled);
    }

    @Test
    void removeFailsWhenAKeyIsLeft() {
        MapBenchmark benchmark = MapBenchmark.of(Implementation.HASHMAP, KeyPattern.RANDOM, Size.ONE_K);
        MapBenchmark.FreshMap fresh = new MapBenchmark.FreshMap();
        fresh.map = correctMap();
        fresh.map.put(KEYS.misses()[3], KEYS.misses()[3]);
        assertThrows(IllegalStateException.class, () -> benchmark.remove(fresh));
    }

    @Test
    void churnCheckFailsWhenRemovesDoNothing() {
        MapBenchmark benchmark = MapBenchmark.of(Implementation.HASHMAP, KeyPattern.RANDOM, Size.ONE_K);
        MapBenchmark.ChurnedMap churned = new MapBenchmark.ChurnedMap();
        churned.fill(benchmark);
        // Keeps every entry it is asked to remove: the map grows past N.
        Map<Object, Object> keepsAll = new HashMap<>((Map<?, ?>) churned.map.target()) {
            @Override
            public Object remove(Object key) {
                return get(key);
            }
        };
        churned.map = new Adapters.Mutable(keepsAll);
        benchmark.churn(churned);
        assertThrows(IllegalStateException.class, churned::check);
    }

    @Test
    void setUpRejectsUnknownParameters() {
        MapBenchmark benchmark = new MapBenchmark();
        benchmark.impl = "treemap";
        benchmark.size = "1K";
        benchmark.keys = "random";
        assertThrows(IllegalArgumentException.class, benchmark::setUp);
        benchmark.impl = "hashmap";
        benchmark.size = "5M";
        assertThrows(IllegalArgumentException.class, benchmark::setUp);
        benchmark.size = "1K";
        benchmark.keys = "uuid";
        assertThrows(IllegalArgumentException.class, benchmark::setUp);
    }

    @Test
    void checkAnswersAcceptsACorrectMap() {
        assertDoesNotThrow(() -> MapBenchmark.checkAnswers(correctMap(), KEYS.queryOrder(), KEYS.misses()));
    }

    @Test
    void checkAnswersRejectsAWrongValue() {
        MeasuredMap map = correctMap();
        Integer key = (Integer) KEYS.queryOrder()[500];
        map.put(key, key + 1);
        assertThrows(IllegalStateException.class,
                () -> MapBenchmark.checkAnswers(map, KEYS.queryOrder(), KEYS.misses()));
    }

    @Test
    void checkAnswersRejectsAMissingKey() {
        MeasuredMap map = correctMap();
        map.remove(KEYS.queryOrder()[999]);
        assertThrows(IllegalStateException.class,
                () -> MapBenchmark.checkAnswers(map, KEYS.queryOrder(), KEYS.misses()));
    }

    @Test
    void checkAnswersRejectsAnAbsentKeyThatIsFound() {
        // Right size and right values for every key, so only the miss probe can catch it.
        MeasuredMap answersEveryMiss = new Adapters.Mutable(new HashMap<>((Map<?, ?>) correctMap().target()) {
            @Override
            public Object get(Object key) {
                Object value = super.get(key);
                return value == null ? 0 : value;
            }
        });
        assertThrows(IllegalStateException.class,
                () -> MapBenchmark.checkAnswers(answersEveryMiss, KEYS.queryOrder(), KEYS.misses()));
    }

    private static MeasuredMap correctMap() {
        MeasuredMap map = new Adapters.Mutable(new HashMap<>());
        for (Object key : KEYS.insertOrder()) {
            map.put(key, key);
        }
        return map;
    }
}
