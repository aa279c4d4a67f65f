package dev.hamtlab.bench;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/** Forks, iterations and JVM flags of every benchmark run: the one place they are set. */
public enum Preset implements Choice {
    /** In-process and a single short iteration: proves the benchmarks run; the numbers mean nothing. */
    SMOKE("smoke", List.of(Size.ONE_K), List.of(Implementation.values()), List.of(KeyPattern.RANDOM),
            List.of(Operation.values()), 0, 0, 0, 1, 100),
    /**
     * A first look in under 15 minutes on 2 cores: six forks of each of the four phases and
     * HashMap, plus the A/A control, at 10K and 100K keys, where the resolution goal is set. The
     * phase 2 variants, the other peers and 1K and 1M are left to the other presets or to --impls and --sizes.
     */
    QUICK("quick", List.of(Size.TEN_K, Size.HUNDRED_K), List.of(Implementation.HASHMAP, Implementation.PHASE0,
            Implementation.PHASE1, Implementation.PHASE2, Implementation.PHASE3), List.of(KeyPattern.RANDOM),
            List.of(Operation.values()), 6, 3, 250, 3, 200),
    /**
     * The phases among the maps people use: every peer and the four phases, Integer keys random,
     * sequential and strided and String keys, at 10K, 100K and 1M, insert and query-hit, five forks
     * (the fewest a verdict takes) with the quick preset's iterations: 1 h 15 min on 2 cores.
     */
    PEERS("peers", List.of(Size.TEN_K, Size.HUNDRED_K, Size.ONE_M), List.of(Implementation.HASHMAP,
            Implementation.CLOJURE, Implementation.SCALA_IMMUTABLE, Implementation.SCALA_MUTABLE, Implementation.VAVR,
            Implementation.ECLIPSE, Implementation.FASTUTIL, Implementation.PHASE0, Implementation.PHASE1,
            Implementation.PHASE2, Implementation.PHASE3), List.of(KeyPattern.RANDOM, KeyPattern.SEQUENTIAL, KeyPattern.STRIDED, KeyPattern.STRING),
            List.of(Operation.INSERT, Operation.QUERY_HIT), 5, 3, 250, 3, 200),
    /**
     * Phase 4 and its variants against phase 3 and every peer, and IntHamt against fastutil's int
     * map, random Integer keys (ints for the int maps), every operation
     * at 10K, 100K and 1M: the run that phase 4's targets are read from. Five forks (the fewest a
     * verdict takes) with the quick preset's iterations, to fit in about 70 minutes on 2 cores.
     */
    PHASE4("phase4", List.of(Size.TEN_K, Size.HUNDRED_K, Size.ONE_M), List.of(Implementation.HASHMAP,
            Implementation.CLOJURE, Implementation.SCALA_IMMUTABLE, Implementation.SCALA_MUTABLE, Implementation.VAVR,
            Implementation.ECLIPSE, Implementation.FASTUTIL, Implementation.PHASE3, Implementation.PHASE4_CACHED_HASH,
            Implementation.PHASE4_SPREAD, Implementation.PHASE4_TWO_BITMAPS, Implementation.PHASE4_UNPOOLED,
            Implementation.FASTUTIL_INT, Implementation.INT_HAMT, Implementation.PHASE4), List.of(KeyPattern.RANDOM),
            List.of(Operation.values()), 5, 3, 250, 3, 200),
    /** Every implementation and size, ten forks each, random Integer keys: the phases' numbers to publish. */
    FULL("full", List.of(Size.ONE_K, Size.TEN_K, Size.HUNDRED_K, Size.ONE_M), List.of(Implementation.values()),
            List.of(KeyPattern.RANDOM), List.of(Operation.values()), 10, 3, 250, 4, 250);

    /**
     * Flags of every forked JVM. A fixed, pre-touched heap: without it first-touch page faults
     * make insert timings bimodal.
     */
    private static final List<String> FORK_JVM_FLAGS = List.of("-Xms2g", "-Xmx2g", "-XX:+AlwaysPreTouch");

    private final String cliName;
    private final List<Size> defaultSizes;
    private final List<Implementation> defaultImplementations;
    private final List<KeyPattern> defaultKeys;
    private final List<Operation> defaultOperations;
    private final int forks;
    private final int warmupIterations;
    private final int warmupMillis;
    private final int measurementIterations;
    private final int measurementMillis;

    Preset(String cliName, List<Size> defaultSizes, List<Implementation> defaultImplementations,
            List<KeyPattern> defaultKeys, List<Operation> defaultOperations, int forks,
            int warmupIterations, int warmupMillis,
            int measurementIterations, int measurementMillis) {
        this.cliName = cliName;
        this.defaultSizes = defaultSizes;
        this.defaultImplementations = defaultImplementations;
        this.defaultKeys = defaultKeys;
        this.defaultOperations = defaultOperations;
        this.forks = forks;
        this.warmupIterations = warmupIterations;
        this.warmupMillis = warmupMillis;
        this.measurementIterations = measurementIterations;
        this.measurementMillis = measurementMillis;
    }

    @Override
    public String cliName() {
        return cliName;
    }

    /** The sizes a run of this preset measures unless --sizes says otherwise. */
    List<Size> defaultSizes() {
        return defaultSizes;
    }

    /**
     * The resolution this preset is meant to reach on this 2-core machine: the A/A control's 95%
     * interval half-width, as a fraction, at most this. Set for 10K and 100K keys: quick 5% on the
     * lookups (phase4 as quick); full 3% on the lookups and 10% on insert, remove and churn. Empty where none is set.
     */
    Optional<Double> resolutionGoal(Operation operation, Size size) {
        if (!size.equals(Size.TEN_K) && !size.equals(Size.HUNDRED_K)) {
            return Optional.empty();
        }
        boolean lookup = operation == Operation.QUERY_HIT || operation == Operation.QUERY_MISS;
        return switch (this) {
            case QUICK, PHASE4 -> lookup ? Optional.of(0.05) : Optional.empty();
            case FULL -> Optional.of(lookup ? 0.03 : 0.10);
            case SMOKE, PEERS -> Optional.empty();
        };
    }

    /** The key patterns a run of this preset measures unless --keys says otherwise. */
    List<KeyPattern> defaultKeys() {
        return defaultKeys;
    }

    /** The operations a run of this preset measures unless --ops says otherwise. */
    List<Operation> defaultOperations() {
        return defaultOperations;
    }

    /** The implementations a run of this preset measures unless --impls says otherwise. */
    List<Implementation> defaultImplementations() {
        return defaultImplementations;
    }

    /**
     * Forks of each label in a run: the fork is the unit of repetition, as two forks of one
     * benchmark can differ by 2x here (the JIT compiles each its own way). The smoke preset's one
     * in-process run counts as one.
     */
    int forks() {
        return Math.max(forks, 1);
    }

    /** One JMH run is one fork (none for smoke); the runner interleaves the forks of all labels. */
    ChainedOptionsBuilder applyTo(ChainedOptionsBuilder options, Collector collector) {
        return options.forks(Math.min(forks, 1))
                .jvmArgs(forkJvmFlags(collector).toArray(String[]::new))
                .warmupIterations(warmupIterations)
                .warmupTime(TimeValue.milliseconds(warmupMillis))
                .measurementIterations(measurementIterations)
                .measurementTime(TimeValue.milliseconds(measurementMillis));
    }

    /** The forked JVMs' flags, or none when the benchmarks run inside the runner's own JVM. */
    List<String> forkJvmFlags(Collector collector) {
        return forks == 0 ? List.of() : Stream.concat(FORK_JVM_FLAGS.stream(), Stream.of(collector.flag())).toList();
    }

    /** For example "10 forks a label, 3 × 250 ms warmup, 4 × 250 ms measurement". */
    String settings(int forksPerLabel) {
        String where = forks == 0 ? "in-process (no fork)" : forksPerLabel + " forks a label";
        String warmup = warmupIterations == 0 ? "no warmup" : warmupIterations + " × " + seconds(warmupMillis) + " warmup";
        return where + ", " + warmup + ", " + measurementIterations + " × " + seconds(measurementMillis) + " measurement";
    }

    private static String seconds(int millis) {
        return millis % 1_000 == 0 ? millis / 1_000 + " s" : millis + " ms";
    }
}
