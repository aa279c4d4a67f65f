package dev.hamtlab.bench;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Each benchmark method handles all N keys of its size in one call. The score is meant per key,
 * but {@code @OperationsPerInvocation} cannot take a {@code @Param}, so the runner passes
 * {@code operationsPerInvocation(N)} for each run. Forks, iterations and JVM flags are not set
 * here either: they live in one place, the runner's {@link Preset}s.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class MapBenchmark {
    /** An {@link Implementation}'s CLI name; the runner always sets it. */
    @Param({})
    public String impl;

    /** A {@link Size}'s label; the runner always sets it. */
    @Param({})
    public String size;

    private Implementation implementation;
    private Keys keys;
    private Map<Integer, Integer> filled;

    @Setup(Level.Trial)
    public void setUp() {
        implementation = Choice.find(Implementation.values(), impl)
                .orElseThrow(() -> new IllegalArgumentException("unknown implementation " + impl));
        Size chosen = Choice.find(Size.values(), size)
                .orElseThrow(() -> new IllegalArgumentException("unknown size " + size));
        keys = Keys.of(chosen.count());
        // Built by the measured insert itself, so every trial also checks that insert worked.
        filled = insert();
        checkAnswers(filled, keys);
    }

    /** Throws unless the map holds exactly the keys, each mapped to itself, and none of the misses. */
    static void checkAnswers(Map<Integer, Integer> map, Keys keys) {
        if (map.size() != keys.queryOrder().length) {
            throw new IllegalStateException("map has " + map.size() + " entries, expected " + keys.queryOrder().length);
        }
        for (Integer key : keys.queryOrder()) {
            if (!key.equals(map.get(key))) {
                throw new IllegalStateException("key " + key + " maps to " + map.get(key) + ", expected " + key);
            }
        }
        for (Integer miss : keys.misses()) {
            if (map.get(miss) != null) {
                throw new IllegalStateException("absent key " + miss + " maps to " + map.get(miss));
            }
        }
    }

    @Benchmark
    public Map<Integer, Integer> insert() {
        Map<Integer, Integer> map = implementation.create();
        for (Integer key : keys.insertOrder()) {
            map.put(key, key);
        }
        return map;
    }

    @Benchmark
    public int queryHit() {
        int sum = 0;
        for (Integer key : keys.queryOrder()) {
            sum += filled.get(key);
        }
        return sum;
    }

    @Benchmark
    public int queryMiss() {
        int found = 0;
        for (Integer miss : keys.misses()) {
            if (filled.get(miss) != null) {
                found++;
            }
        }
        return found;
    }
}
