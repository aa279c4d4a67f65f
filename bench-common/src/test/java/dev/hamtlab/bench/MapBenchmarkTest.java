package dev.hamtlab.bench;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

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
        MapBenchmark benchmark = new MapBenchmark();
        benchmark.impl = implementation.cliName();
        benchmark.size = Size.ONE_K.cliName();
        benchmark.setUp();

        Map<Integer, Integer> inserted = benchmark.insert();
        assertEquals(implementation.create().getClass(), inserted.getClass());
        assertEquals(1_000, inserted.size());
        assertEquals(Arrays.stream(KEYS.insertOrder()).mapToInt(Integer::intValue).sum(), benchmark.queryHit());
        assertEquals(0, benchmark.queryMiss());
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
        assertDoesNotThrow(() -> MapBenchmark.checkAnswers(correctMap(), KEYS));
    }

    @Test
    void checkAnswersRejectsAWrongValue() {
        Map<Integer, Integer> map = correctMap();
        Integer key = KEYS.queryOrder()[500];
        map.put(key, key + 1);
        assertThrows(IllegalStateException.class, () -> MapBenchmark.checkAnswers(map, KEYS));
    }

    @Test
    void checkAnswersRejectsAMissingKey() {
        Map<Integer, Integer> map = correctMap();
        map.remove(KEYS.queryOrder()[999]);
        assertThrows(IllegalStateException.class, () -> MapBenchmark.checkAnswers(map, KEYS));
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
        assertThrows(IllegalStateException.class, () -> MapBenchmark.checkAnswers(answersEveryMiss, KEYS));
    }

    private static Map<Integer, Integer> correctMap() {
        Map<Integer, Integer> map = new HashMap<>();
        for (Integer key : KEYS.insertOrder()) {
            map.put(key, key);
        }
        return map;
    }
}
