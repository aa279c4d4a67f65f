package dev.hamtlab.bench;

import dev.hamtlab.bench.peers.IntMap;
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
 * {@link MapBenchmark}'s benchmarks, parameters and fixtures for the int-to-int maps, the IntHamts
 * and fastutil's Int2IntOpenHashMap, called with {@code int} keys and values through {@link IntMap}:
 * no boxing, and in a fork one final class behind every call, which the JIT inlines. The keys are
 * the Integer patterns' keys unboxed; each key is its own value.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class IntMapBenchmark {
    /** An int-keyed {@link Implementation}'s CLI name; the runner always sets it. */
    @Param({})
    public String impl;

    @Param({})
    public String size;

    /** An Integer {@link KeyPattern}'s CLI name. */
    @Param({"random"})
    public String keys;

    /** Only monomorphic: int keys call no hashCode or equals that other key types could pollute. */
    @Param({"monomorphic"})
    public String profile;

    @Param({Label.PRIMARY})
    public String arm;

    /** A {@link Platform}'s CLI name: the runner starts the fork on it; only the report reads it. */
    @Param({"g1"})
    public String platform;

    private Implementation implementation;
    private int[] insertOrder;
    private int[] queryOrder;
    private int[] misses;
    /** The map the queries read. */
    private IntMap filled;

    @Setup(Level.Trial)
    public void setUp() {
        implementation = Choice.find(Implementation.values(), impl)
                .filter(Implementation::intKeys)
                .orElseThrow(() -> new IllegalArgumentException("not an int-keyed implementation: " + impl));
        Size chosen = Size.parse(size).orElseThrow(() -> new IllegalArgumentException("unknown size " + size));
        KeyPattern pattern = Choice.find(KeyPattern.values(), keys).filter(KeyPattern::isInteger)
                .orElseThrow(() -> new IllegalArgumentException("not an Integer key pattern: " + keys));
        if (!profile.equals(TypeProfile.MONOMORPHIC.cliName())) {
            throw new IllegalArgumentException("int maps have only the monomorphic profile, not " + profile);
        }
        Keys drawn = Keys.of(pattern, chosen.count());
        insertOrder = unboxed(drawn.insertOrder());
        queryOrder = unboxed(drawn.queryOrder());
        misses = unboxed(drawn.misses());
        filled = insert();
        System.gc();
    }

    private static int[] unboxed(Object[] keys) {
        int[] ints = new int[keys.length];
        for (int i = 0; i < keys.length; i++) {
            ints[i] = (Integer) keys[i];
        }
        return ints;
    }

    /** After the measurement, as {@link MapBenchmark#checkFilled}. */
    @TearDown(Level.Trial)
    public void checkFilled() {
        checkAnswers(filled, queryOrder, misses);
    }

    /** Throws unless the map holds exactly the present keys, each mapped to itself, and none of the absent ones. */
    static void checkAnswers(IntMap map, int[] present, int[] absent) {
        if (map.size() != present.length) {
            throw new IllegalStateException("map has " + map.size() + " entries, expected " + present.length);
        }
        for (int key : present) {
            if (!map.containsKey(key) || map.get(key) != key) {
                throw new IllegalStateException("key " + key + " maps to " + map.get(key) + ", expected " + key);
            }
        }
        for (int miss : absent) {
            if (map.containsKey(miss)) {
                throw new IllegalStateException("absent key " + miss + " maps to " + map.get(miss));
            }
        }
    }

    /** As {@link MapBenchmark.FreshMap}: the N keys inserted anew before every call, then settled. */
    @State(Scope.Thread)
    public static class FreshMap {
        IntMap map;

        @Setup(Level.Invocation)
        public void fill(IntMapBenchmark benchmark) {
            map = benchmark.insert();
            System.gc();
        }
    }

    /** As {@link MapBenchmark.ChurnedMap}: N live keys of a ring of 2N, the N keys then the N misses. */
    @State(Scope.Thread)
    public static class ChurnedMap {
        IntMap map;
        int[] ring;
        int position;

        @Setup(Level.Trial)
        public void fill(IntMapBenchmark benchmark) {
            map = benchmark.insert();
            int n = benchmark.insertOrder.length;
            ring = new int[2 * n];
            System.arraycopy(benchmark.insertOrder, 0, ring, 0, n);
            System.arraycopy(benchmark.misses, 0, ring, n, n);
            System.gc();
        }

        @TearDown(Level.Trial)
        public void check() {
            int n = ring.length / 2;
            int[] live = new int[n];
            int[] gone = new int[n];
            for (int i = 0; i < n; i++) {
                live[i] = ring[(position + i) % ring.length];
                gone[i] = ring[(position + n + i) % ring.length];
            }
            checkAnswers(map, live, gone);
        }
    }

    @Benchmark
    public IntMap insert() {
        IntMap map = implementation.createIntMap();
        for (int key : insertOrder) {
            map.put(key, key);
        }
        return map;
    }

    /** Each key is its own value; summing the values reads each value found. */
    @Benchmark
    public int queryHit() {
        IntMap map = filled;
        int sum = 0;
        for (int key : queryOrder) {
            sum += map.get(key);
        }
        return sum;
    }

    /** containsKey, as a miss's get answers the default return value, which a present key may map to. */
    @Benchmark
    public int queryMiss() {
        IntMap map = filled;
        int found = 0;
        for (int miss : misses) {
            if (map.containsKey(miss)) {
                found++;
            }
        }
        return found;
    }

    /** Removes all N keys; the map must then be empty. */
    @Benchmark
    public void remove(FreshMap fresh) {
        IntMap map = fresh.map;
        for (int key : queryOrder) {
            map.remove(key);
        }
        if (map.size() != 0) {
            throw new IllegalStateException("remove left " + map.size() + " of " + queryOrder.length + " keys");
        }
    }

    /** {@link MapBenchmark#CHURN_STEPS} steps of the ring, each a remove of a present key and an insert of an absent one. */
    @Benchmark
    public void churn(ChurnedMap churned) {
        int[] ring = churned.ring;
        int n = ring.length / 2;
        int gone = churned.position;
        int added = gone < n ? gone + n : gone - n;
        IntMap map = churned.map;
        for (int step = 0; step < MapBenchmark.CHURN_STEPS; step++) {
            map.remove(ring[gone]);
            map.put(ring[added], ring[added]);
            gone = gone + 1 == ring.length ? 0 : gone + 1;
            added = added + 1 == ring.length ? 0 : added + 1;
        }
        churned.position = gone;
    }
}
