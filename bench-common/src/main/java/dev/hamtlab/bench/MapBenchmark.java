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
import org.openjdk.jmh.annotations.TearDown;

/**
 * Each benchmark method handles the N keys of its size in one call (churn: N steps, each a remove
 * and an insert). The score is meant per key (per step),
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
    /** The map the queries read. */
    Map<Integer, Integer> filled;

    @Setup(Level.Trial)
    public void setUp() {
        implementation = Choice.find(Implementation.values(), impl)
                .orElseThrow(() -> new IllegalArgumentException("unknown implementation " + impl));
        Size chosen = Choice.find(Size.values(), size)
                .orElseThrow(() -> new IllegalArgumentException("unknown size " + size));
        keys = Keys.of(chosen.count());
        // Built by the measured insert itself, so every trial also checks that insert worked.
        filled = insert();
        checkAnswers(filled, keys.queryOrder(), keys.misses());
    }

    /** A benchmark set up as JMH would, for use outside JMH: the runner's counters and the tests. */
    static MapBenchmark of(Implementation implementation, Size size) {
        MapBenchmark benchmark = new MapBenchmark();
        benchmark.impl = implementation.cliName();
        benchmark.size = size.cliName();
        benchmark.setUp();
        return benchmark;
    }

    /** Throws unless the map holds exactly the present keys, each mapped to itself, and none of the absent ones. */
    static void checkAnswers(Map<Integer, Integer> map, Integer[] present, Integer[] absent) {
        if (map.size() != present.length) {
            throw new IllegalStateException("map has " + map.size() + " entries, expected " + present.length);
        }
        for (Integer key : present) {
            if (!key.equals(map.get(key))) {
                throw new IllegalStateException("key " + key + " maps to " + map.get(key) + ", expected " + key);
            }
        }
        for (Integer miss : absent) {
            if (map.get(miss) != null) {
                throw new IllegalStateException("absent key " + miss + " maps to " + map.get(miss));
            }
        }
    }

    /**
     * A map filled with the N keys anew before every call, outside the measured time. JMH's own
     * timestamps around each call cost far less than a call, which handles at least 1,000 keys.
     */
    @State(Scope.Thread)
    public static class FreshMap {
        Map<Integer, Integer> map;

        @Setup(Level.Invocation)
        public void fill(MapBenchmark benchmark) {
            map = benchmark.insert();
        }
    }

    /**
     * The churn's map: N entries live, built once a trial and never rebuilt, so phase 2's pool
     * really grows and phase 3's freelists really cycle from call to call. The churn runs through
     * a ring of 2N keys, the N keys followed by the N misses: step i removes ring[i mod 2N] and
     * inserts ring[(i + N) mod 2N]. As a call makes N steps, a call removes one half of the ring in
     * order while it inserts the other, and the halves swap.
     */
    @State(Scope.Thread)
    public static class ChurnedMap {
        Map<Integer, Integer> map;
        Integer[] present;
        Integer[] absent;

        @Setup(Level.Trial)
        public void fill(MapBenchmark benchmark) {
            map = benchmark.insert();
            present = benchmark.keys.insertOrder();
            absent = benchmark.keys.misses();
            check();
        }

        /** Throws unless the map holds exactly the N live keys of the ring. */
        @TearDown(Level.Trial)
        public void check() {
            checkAnswers(map, present, absent);
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

    @Benchmark
    public void remove(FreshMap fresh) {
        Map<Integer, Integer> map = fresh.map;
        for (Integer key : keys.queryOrder()) {
            // Each key is its own value, so a remove must return the very object it was given.
            if (map.remove(key) != key) {
                throw new IllegalStateException("remove(" + key + ") did not return its value");
            }
        }
    }

    /** N steps of the ring, each a remove of a present key and an insert of an absent one. */
    @Benchmark
    public void churn(ChurnedMap churned) {
        Map<Integer, Integer> map = churned.map;
        Integer[] present = churned.present;
        Integer[] absent = churned.absent;
        for (int i = 0; i < present.length; i++) {
            Integer gone = present[i];
            Integer added = absent[i];
            if (map.remove(gone) != gone || map.put(added, added) != null) {
                throw new IllegalStateException("churn: remove(" + gone + ") or put(" + added + ") answered wrong");
            }
        }
        churned.present = absent;
        churned.absent = present;
    }
}
