package dev.hamtlab.bench;

import dev.hamtlab.bench.peers.MeasuredMap;
import java.util.Map;
import java.util.SplittableRandom;
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
 * Each benchmark method handles the N keys of its size in one call (churn: a fixed number of
 * steps, each a remove and an insert). The score is meant per key (per step), but
 * {@code @OperationsPerInvocation} cannot take a {@code @Param}, so the runner passes
 * {@link Operation#opsPerCall} for each run. Forks, iterations and JVM flags are not set here
 * either: they live in one place, the runner's {@link dev.hamtlab.bench.runner.Preset Preset}s.
 *
 * <p>Every map that a timed call reads or empties was built outside the timing and then settled by
 * a full collection, so its layout in memory does not depend on which young collections happened
 * to move it, and no collection caused by building it lands in the timed call.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class MapBenchmark {
    /** Steps per churn call: one call at 1M keys would otherwise outlast a whole iteration. */
    public static final int CHURN_STEPS = 1_000;
    /** Keys of each other type that a polluted fork puts, gets and removes first. */
    private static final int POLLUTING_KEYS = 20_000;
    private static final int POLLUTING_ROUNDS = 5;

    /** An {@link Implementation}'s CLI name; the runner always sets it. */
    @Param({})
    public String impl;

    /** A {@link Size}'s label; the runner always sets it. */
    @Param({})
    public String size;

    /** A {@link KeyPattern}'s CLI name. */
    @Param({"random"})
    public String keys;

    /** A {@link TypeProfile}'s CLI name. */
    @Param({"monomorphic"})
    public String profile;

    /** {@link Label#PRIMARY}, or {@link Label#CONTROL} for the A/A control's second label: only the report reads it. */
    @Param({Label.PRIMARY})
    public String arm;

    /** A {@link Platform}'s CLI name: the runner starts the fork on it; only the report reads it. */
    @Param({"g1"})
    public String platform;

    private Implementation implementation;
    private Keys drawn;
    /** Integer keys, or String keys: which class the benchmark methods cast the keys to. */
    private boolean integerKeys;
    /** The map the queries read. */
    public MeasuredMap filled;
    /** The same map when the benchmarks call it directly (a java.util.Map), else null. */
    private Map<Object, Object> filledMap;

    @Setup(Level.Trial)
    public void setUp() {
        implementation = Choice.find(Implementation.values(), impl)
                .orElseThrow(() -> new IllegalArgumentException("unknown implementation " + impl));
        Size chosen = Size.parse(size).orElseThrow(() -> new IllegalArgumentException("unknown size " + size));
        KeyPattern pattern = Choice.find(KeyPattern.values(), keys)
                .orElseThrow(() -> new IllegalArgumentException("unknown key pattern " + keys));
        TypeProfile typeProfile = Choice.find(TypeProfile.values(), profile)
                .orElseThrow(() -> new IllegalArgumentException("unknown type profile " + profile));
        if (typeProfile == TypeProfile.POLLUTED) {
            pollute(implementation);
        }
        drawn = Keys.of(pattern, chosen.count());
        integerKeys = pattern.isInteger();
        filled = build();
        filledMap = javaMapOf(filled, implementation);
        settle();
    }

    /**
     * Every trial checks the map it measured, built by the measured insert itself. After the
     * measurement, not before: lookups in the setup would teach the JIT a profile of get (hits, then
     * misses) that is not the benchmark's, and the code it then compiles differs from fork to fork
     * with the moment it compiles.
     */
    @TearDown(Level.Trial)
    public void checkFilled() {
        checkAnswers(filled, drawn.queryOrder(), drawn.misses());
    }

    /** A benchmark set up as JMH would, for use outside JMH: the runner's counters and the tests. */
    public static MapBenchmark of(Implementation implementation, KeyPattern keys, Size size) {
        MapBenchmark benchmark = new MapBenchmark();
        benchmark.impl = implementation.cliName();
        benchmark.size = size.cliName();
        benchmark.keys = keys.cliName();
        benchmark.profile = TypeProfile.MONOMORPHIC.cliName();
        benchmark.arm = Label.PRIMARY;
        benchmark.setUp();
        return benchmark;
    }

    /** A full collection: what survives is compacted, and the young generation starts empty. */
    private static void settle() {
        System.gc();
    }

    /**
     * Puts, gets and removes String and Long keys in maps of the implementation's class, often
     * enough that the JIT's profile of its hashCode and equals calls holds both types before the
     * Integer keys come.
     */
    static void pollute(Implementation implementation) {
        SplittableRandom random = new SplittableRandom(POLLUTING_KEYS);
        Object[] strings = new Object[POLLUTING_KEYS];
        Object[] longs = new Object[POLLUTING_KEYS];
        for (int i = 0; i < POLLUTING_KEYS; i++) {
            strings[i] = "key-" + random.nextInt();
            longs[i] = random.nextLong();
        }
        for (int round = 0; round < POLLUTING_ROUNDS; round++) {
            for (Object[] polluting : new Object[][] {strings, longs}) {
                MeasuredMap map = implementation.create();
                for (Object key : polluting) {
                    map.put(key, key);
                }
                for (Object key : polluting) {
                    if (map.get(key) != key) {
                        throw new IllegalStateException("polluting: " + key + " answered wrong");
                    }
                    map.remove(key);
                }
                if (map.size() != 0) {
                    throw new IllegalStateException("polluting: " + map.size() + " keys left after removing all");
                }
            }
        }
    }

    /** Throws unless the map holds exactly the present keys, each mapped to an equal value, and none of the absent ones. */
    static void checkAnswers(MeasuredMap map, Object[] present, Object[] absent) {
        if (map.size() != present.length) {
            throw new IllegalStateException("map has " + map.size() + " entries, expected " + present.length);
        }
        for (Object key : present) {
            if (!key.equals(map.get(key))) {
                throw new IllegalStateException("key " + key + " maps to " + map.get(key) + ", expected " + key);
            }
        }
        for (Object miss : absent) {
            if (map.get(miss) != null) {
                throw new IllegalStateException("absent key " + miss + " maps to " + map.get(miss));
            }
        }
    }

    /**
     * A map filled with the N keys anew before every call, outside the measured time, then settled:
     * the timed remove starts with an empty young generation, so the only collections in it are
     * those its own allocation causes (phases 1 to 3 allocate while removing, HashMap and phase 0
     * do not). JMH's own timestamps around each call cost far less than a call, which handles at
     * least 1,000 keys.
     */
    @State(Scope.Thread)
    public static class FreshMap {
        /** The map the timed remove empties. */
        public MeasuredMap map;
        Map<Object, Object> javaMap;

        @Setup(Level.Invocation)
        public void fill(MapBenchmark benchmark) {
            map = benchmark.build();
            javaMap = javaMapOf(map, benchmark.implementation);
            settle();
        }
    }

    /**
     * The churn's map: N entries live, built once a trial and never rebuilt, so phase 2's pool
     * really grows and phase 3's freelists really cycle from call to call. The churn runs through a
     * ring of 2N keys, the N keys followed by the N misses; the live keys are the N from
     * {@code position} on. A step removes the key at {@code position}, with an equal copy, inserts
     * the one N places on, and moves one place on; a call makes {@link #CHURN_STEPS} steps.
     */
    @State(Scope.Thread)
    public static class ChurnedMap {
        /** The map the timed churn works on. */
        public MeasuredMap map;
        Map<Object, Object> javaMap;
        /** The stored objects: each key is its own value. */
        Object[] ring;
        /** Equal copies, to remove with. */
        Object[] copies;
        int position;

        @Setup(Level.Trial)
        public void fill(MapBenchmark benchmark) {
            map = benchmark.build();
            javaMap = javaMapOf(map, benchmark.implementation);
            Object[] present = benchmark.drawn.insertOrder();
            Object[] absent = benchmark.drawn.misses();
            ring = new Object[2 * present.length];
            System.arraycopy(present, 0, ring, 0, present.length);
            System.arraycopy(absent, 0, ring, present.length, absent.length);
            copies = Keys.equalCopies(ring);
            settle();
        }

        /** Throws unless the map holds exactly the N live keys of the ring; after the measurement, as {@link #checkFilled}. */
        @TearDown(Level.Trial)
        public void check() {
            int n = ring.length / 2;
            Object[] live = new Object[n];
            Object[] gone = new Object[n];
            for (int i = 0; i < n; i++) {
                live[i] = ring[(position + i) % ring.length];
                gone[i] = ring[(position + n + i) % ring.length];
            }
            checkAnswers(map, live, gone);
        }
    }

    /*
     * Each benchmark method calls a java.util.Map (HashMap, the phases, UnifiedMap, fastutil) itself,
     * with each key cast to its class, and any other map through its adapter. Both matter to the
     * JIT: the call's receiver profile is then this method's own, and the map's inlined hashCode and
     * equals calls bind statically to the key's final class instead of going through the map's
     * JVM-wide profile (HashMap's holds JMH's own String keys). Through an adapter and with
     * Object-typed keys, HashMap's 10K lookups took 8.3 ns instead of 2.6 (docs/peers.md). Hence one loop
     * per key class.
     */

    @Benchmark
    public Object insert() {
        Object[] keys = drawn.insertOrder();
        if (!implementation.isJavaMap()) {
            MeasuredMap map = implementation.create();
            for (Object key : keys) {
                map.put(key, key);
            }
            return map;
        }
        Map<Object, Object> map = implementation.createJavaMap();
        if (integerKeys) {
            for (Object key : keys) {
                Integer integer = (Integer) key;
                map.put(integer, integer);
            }
        } else {
            for (Object key : keys) {
                String string = (String) key;
                map.put(string, string);
            }
        }
        return map;
    }

    /** Each key is its own value; summing the values' hash codes reads each value found. */
    @Benchmark
    public int queryHit() {
        Object[] keys = drawn.queryOrder();
        int sum = 0;
        if (filledMap == null) {
            for (Object key : keys) {
                sum += filled.get(key).hashCode();
            }
        } else if (integerKeys) {
            for (Object key : keys) {
                sum += filledMap.get((Integer) key).hashCode();
            }
        } else {
            for (Object key : keys) {
                sum += filledMap.get((String) key).hashCode();
            }
        }
        return sum;
    }

    @Benchmark
    public int queryMiss() {
        Object[] misses = drawn.misses();
        int found = 0;
        if (filledMap == null) {
            for (Object miss : misses) {
                found += filled.get(miss) != null ? 1 : 0;
            }
        } else if (integerKeys) {
            for (Object miss : misses) {
                found += filledMap.get((Integer) miss) != null ? 1 : 0;
            }
        } else {
            for (Object miss : misses) {
                found += filledMap.get((String) miss) != null ? 1 : 0;
            }
        }
        return found;
    }

    /** Removes all N keys; the map must then be empty, which a remove of the wrong key or of none would not leave. */
    @Benchmark
    public void remove(FreshMap fresh) {
        Object[] keys = drawn.queryOrder();
        if (fresh.javaMap == null) {
            for (Object key : keys) {
                fresh.map.remove(key);
            }
        } else if (integerKeys) {
            for (Object key : keys) {
                fresh.javaMap.remove((Integer) key);
            }
        } else {
            for (Object key : keys) {
                fresh.javaMap.remove((String) key);
            }
        }
        if (fresh.map.size() != 0) {
            throw new IllegalStateException("remove left " + fresh.map.size() + " of " + keys.length + " keys");
        }
    }

    /**
     * {@link #CHURN_STEPS} steps of the ring, each a remove of a present key and an insert of an
     * absent one; the trial's teardown checks that exactly the N live keys are left.
     */
    @Benchmark
    public void churn(ChurnedMap churned) {
        Object[] ring = churned.ring;
        Object[] copies = churned.copies;
        int n = ring.length / 2;
        int gone = churned.position;
        int added = gone < n ? gone + n : gone - n;
        Map<Object, Object> javaMap = churned.javaMap;
        for (int step = 0; step < CHURN_STEPS; step++) {
            if (javaMap == null) {
                churned.map.remove(copies[gone]);
                churned.map.put(ring[added], ring[added]);
            } else if (integerKeys) {
                javaMap.remove((Integer) copies[gone]);
                Integer integer = (Integer) ring[added];
                javaMap.put(integer, integer);
            } else {
                javaMap.remove((String) copies[gone]);
                String string = (String) ring[added];
                javaMap.put(string, string);
            }
            gone = gone + 1 == ring.length ? 0 : gone + 1;
            added = added + 1 == ring.length ? 0 : added + 1;
        }
        churned.position = gone;
    }

    /** A map built by the measured insert itself, behind its adapter. */
    public MeasuredMap build() {
        return Implementation.measured(insert());
    }

    /** The map itself when the benchmarks call it directly, else null. */
    private static Map<Object, Object> javaMapOf(MeasuredMap map, Implementation implementation) {
        @SuppressWarnings("unchecked")
        Map<Object, Object> javaMap = implementation.isJavaMap() ? (Map<Object, Object>) map.target() : null;
        return javaMap;
    }
}
