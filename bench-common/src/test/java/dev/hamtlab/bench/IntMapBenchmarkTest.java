package dev.hamtlab.bench;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.hamtlab.bench.peers.IntMap;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The int maps' benchmark methods, called without JMH, as {@link MapBenchmarkTest} calls MapBenchmark's. */
class IntMapBenchmarkTest {
    private static final int N = 1_000;

    static Stream<Arguments> intMapsWithIntegerKeyPatterns() {
        return Stream.of(Implementation.values()).filter(Implementation::intKeys).flatMap(implementation -> Stream
                .of(KeyPattern.values()).filter(KeyPattern::isInteger).map(keys -> Arguments.of(implementation, keys)));
    }

    private static IntMapBenchmark setUp(Implementation implementation, KeyPattern keys) {
        IntMapBenchmark benchmark = new IntMapBenchmark();
        benchmark.impl = implementation.cliName();
        benchmark.size = Size.ONE_K.cliName();
        benchmark.keys = keys.cliName();
        benchmark.profile = TypeProfile.MONOMORPHIC.cliName();
        benchmark.arm = Label.PRIMARY;
        benchmark.setUp();
        return benchmark;
    }

    private static int[] ints(Object[] keys) {
        return Arrays.stream(keys).mapToInt(key -> (Integer) key).toArray();
    }

    @ParameterizedTest
    @MethodSource("intMapsWithIntegerKeyPatterns")
    void benchmarksDoWhatTheirNamesSay(Implementation implementation, KeyPattern pattern) {
        IntMapBenchmark benchmark = setUp(implementation, pattern);
        Keys keys = Keys.of(pattern, N);

        IntMap inserted = benchmark.insert();
        assertEquals(implementation.create().target().getClass(), inserted.target().getClass());
        assertDoesNotThrow(() -> IntMapBenchmark.checkAnswers(inserted, ints(keys.insertOrder()), ints(keys.misses())));
        // Each key is its own value, so the values' sum is the keys'.
        assertEquals(Arrays.stream(ints(keys.insertOrder())).sum(), benchmark.queryHit());
        assertEquals(0, benchmark.queryMiss());

        IntMapBenchmark.FreshMap fresh = new IntMapBenchmark.FreshMap();
        fresh.fill(benchmark);
        benchmark.remove(fresh);
        assertDoesNotThrow(() -> IntMapBenchmark.checkAnswers(fresh.map, new int[0], ints(keys.insertOrder())));
        benchmark.checkFilled();
    }

    @ParameterizedTest
    @MethodSource("intMapsWithIntegerKeyPatterns")
    void churnMovesOnByItsStepsAndKeepsNEntries(Implementation implementation, KeyPattern pattern) {
        IntMapBenchmark benchmark = setUp(implementation, pattern);
        IntMapBenchmark.ChurnedMap churned = new IntMapBenchmark.ChurnedMap();
        churned.fill(benchmark);
        IntMap map = churned.map;
        benchmark.churn(churned);
        assertEquals(MapBenchmark.CHURN_STEPS, churned.position);
        assertSame(map, churned.map, "never rebuilt");
        churned.check();
        // 1,000 steps on 1,000 keys: the live half is now the misses.
        Keys keys = Keys.of(pattern, N);
        assertDoesNotThrow(() -> IntMapBenchmark.checkAnswers(map, ints(keys.misses()), ints(keys.insertOrder())));
        benchmark.churn(churned);
        churned.check();
    }

    @Test
    void checkAnswersCatchesAWrongValueAMissingKeyAndAnExtraKey() {
        int[] present = {1, 2, 3};
        int[] absent = {4};
        IntMap wrongValue = Implementation.INT_HAMT.createIntMap();
        IntMap missing = Implementation.FASTUTIL_INT.createIntMap();
        IntMap extra = Implementation.INT_HAMT_FLAT.createIntMap();
        for (int key : present) {
            wrongValue.put(key, key);
            missing.put(key, key);
            extra.put(key, key);
        }
        wrongValue.put(2, 5);
        missing.remove(3);
        missing.put(4, 4);
        extra.put(4, 4);
        extra.remove(1);
        assertThrows(IllegalStateException.class, () -> IntMapBenchmark.checkAnswers(wrongValue, present, absent));
        assertThrows(IllegalStateException.class, () -> IntMapBenchmark.checkAnswers(missing, present, absent));
        assertThrows(IllegalStateException.class, () -> IntMapBenchmark.checkAnswers(extra, present, absent));
    }

    @Test
    void refusesStringKeysAndObjectMaps() {
        assertThrows(IllegalArgumentException.class, () -> setUp(Implementation.INT_HAMT, KeyPattern.STRING));
        assertThrows(IllegalArgumentException.class, () -> setUp(Implementation.HASHMAP, KeyPattern.RANDOM));
    }
}
