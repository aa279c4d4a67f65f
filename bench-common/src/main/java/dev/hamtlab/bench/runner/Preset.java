package dev.hamtlab.bench.runner;

import dev.hamtlab.bench.Cell;
import dev.hamtlab.bench.Choice;
import dev.hamtlab.bench.Implementation;
import dev.hamtlab.bench.KeyPattern;
import dev.hamtlab.bench.Label;
import dev.hamtlab.bench.Operation;
import dev.hamtlab.bench.Platform;
import dev.hamtlab.bench.Size;
import dev.hamtlab.bench.TypeProfile;
import dev.hamtlab.bench.measure.CallTime;
import dev.hamtlab.bench.results.Environment;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/** Forks, iterations and JVM flags of every benchmark run: the one place they are set. */
public enum Preset implements Choice {
    /** In-process and a single short iteration: proves the benchmarks run; the numbers mean nothing. */
    SMOKE(Environment.SMOKE_PRESET, List.of(Size.ONE_K), List.of(Implementation.values()), List.of(KeyPattern.RANDOM),
            List.of(Operation.values()), 0, 1),
    /**
     * A first look in under 15 minutes on 2 cores: six forks of each of the four phases and
     * HashMap, plus the A/A control, insert and query-hit at 10K and 100K keys; three iterations
     * of at least a second. Six forks a side let its four A/A controls fail under Holm's correction.
     * The other operations, the phase 2 variants, the other peers and 1K and 1M are left to the
     * other presets or to --ops, --impls and --sizes.
     */
    QUICK("quick", List.of(Size.TEN_K, Size.HUNDRED_K), List.of(Implementation.HASHMAP, Implementation.PHASE0,
            Implementation.PHASE1, Implementation.PHASE2, Implementation.PHASE3), List.of(KeyPattern.RANDOM),
            List.of(Operation.INSERT, Operation.QUERY_HIT), 6, 3),
    /**
     * The phases among the maps people use: every peer and the four phases, Integer keys random,
     * sequential and strided and String keys, at 10K, 100K and 1M, insert and query-hit; six forks,
     * enough for its six A/A controls to fail, with the quick preset's iterations.
     */
    PEERS("peers", List.of(Size.TEN_K, Size.HUNDRED_K, Size.ONE_M), List.of(Implementation.HASHMAP,
            Implementation.CLOJURE, Implementation.SCALA_IMMUTABLE, Implementation.SCALA_MUTABLE, Implementation.VAVR,
            Implementation.ECLIPSE, Implementation.FASTUTIL, Implementation.PHASE0, Implementation.PHASE1,
            Implementation.PHASE2, Implementation.PHASE3),
                    List.of(KeyPattern.RANDOM, KeyPattern.SEQUENTIAL, KeyPattern.STRIDED, KeyPattern.STRING),
            List.of(Operation.INSERT, Operation.QUERY_HIT), 6, 3),
    /**
     * The run that phase 4's targets are read from: the chain of phase 4's layout variants
     * (unpooled, inlined, specialised) and phase 4, the flat root they end in, against phase 3,
     * HashMap and Scala's CHAMP, and
     * IntHamt and its two variants against fastutil's int map; random Integer keys (ints for the
     * int maps), every operation at 10K, 100K and 1M. Ten forks, as a claim of the study asks, with
     * the quick preset's iterations: some nine hours on 2 cores, to resume across sessions. The
     * earlier ideas' variants were measured by the run of 2026-11-27; phase 4's pools have the
     * pools preset.
     */
    PHASE4("phase4", List.of(Size.TEN_K, Size.HUNDRED_K, Size.ONE_M), List.of(Implementation.HASHMAP,
            Implementation.SCALA_IMMUTABLE, Implementation.PHASE3, Implementation.PHASE4_UNPOOLED,
            Implementation.PHASE4_INLINED, Implementation.PHASE4_SPECIALISED,
            Implementation.FASTUTIL_INT, Implementation.INT_HAMT_TRIE,
                    Implementation.INT_HAMT_FLAT, Implementation.INT_HAMT,
            Implementation.PHASE4), List.of(KeyPattern.RANDOM), List.of(Operation.values()), 10, 3),
    /**
     * The allocation question asked again of phase 4, the layout with the fewest and
     * largest objects: unpooled, on phase 2's bump pool and on phase 3's freelists, every operation
     * at 10K, 100K and 1M, under G1 and, each map read against itself on G1 in the same run,
     * Parallel. Ten forks, as a claim of the study asks, with the quick preset's iterations: a long
     * run on 2 cores (1,050 forks, some five hours), to resume across sessions.
     */
    POOLS("pools", List.of(Size.TEN_K, Size.HUNDRED_K, Size.ONE_M), PoolPlan.IMPLEMENTATIONS,
            List.of(KeyPattern.RANDOM),
            List.of(Operation.values()), 10, 3) {
        @Override
        List<Extra> extras() {
            return List.of(new Extra(List.of(Platform.PARALLEL), PoolPlan.IMPLEMENTATIONS, List.of(Operation.values()),
                    List.of(Size.TEN_K, Size.HUNDRED_K, Size.ONE_M)));
        }
    },
    /**
     * Hash flooding: Strings that all share one hashCode, inserted and queried; HashMap and phases 0
     * to 4 at 1K, 10K, 2^15, 100K and 2^17; every other peer at 1K and 10K alone: their collision
     * buckets are lists or probe runs, so n colliding keys cost them O(n^2), and one call at 100K
     * would take tens of seconds (the growth from 1K to 10K in the run shows it). Six forks, enough
     * for its ten A/A controls to fail, with the quick preset's iterations.
     */
    FLOOD("flood", List.of(Size.ONE_K, Size.TEN_K, new Size(1 << 15), Size.HUNDRED_K, new Size(1 << 17)),
            List.of(Implementation.HASHMAP, Implementation.CLOJURE,
            Implementation.SCALA_IMMUTABLE, Implementation.SCALA_MUTABLE, Implementation.VAVR, Implementation.ECLIPSE,
            Implementation.FASTUTIL, Implementation.PHASE0, Implementation.PHASE1,
                    Implementation.PHASE2, Implementation.PHASE3,
            Implementation.PHASE4), List.of(KeyPattern.COLLIDING),
                    List.of(Operation.INSERT, Operation.QUERY_HIT), 6, 3) {
        @Override
        boolean measures(Implementation implementation, Size size) {
            return implementation == Implementation.HASHMAP || implementation.isPhase()
                    || size.count() <= Size.TEN_K.count();
        }
    },
    /**
     * The phases' reference run: the phases and HashMap, every operation at 1K to 1M under G1, then
     * CPU and allocation flame graphs of insert, query-hit and churn at 1M for every phase. Seven
     * forks, enough for its twenty A/A controls to fail under Holm's correction, and three iterations,
     * sized to the work. Meant to end within three hours on 2 cores, more than half of it at 1M
     * (remove at 1M refills and settles its map before each of its calls).
     */
    FULL("full", List.of(Size.ONE_K, Size.TEN_K, Size.HUNDRED_K, Size.ONE_M), PhasePlan.IMPLEMENTATIONS,
            List.of(KeyPattern.RANDOM), List.of(Operation.values()), 7, 3) {
        @Override
        List<Cell> profiled() {
            List<Cell> cells = new ArrayList<>();
            for (Operation operation : List.of(Operation.INSERT, Operation.QUERY_HIT, Operation.CHURN)) {
                for (Implementation phase : PhasePlan.IMPLEMENTATIONS) {
                    if (phase.isPhase()) {
                        cells.add(new Cell(operation, Size.ONE_M, new Label(phase, false, TypeProfile.MONOMORPHIC,
                                KeyPattern.RANDOM)));
                    }
                }
            }
            return cells;
        }
    },
    /**
     * The reference run's maps on the other platforms, each read against G1 in the same run: insert,
     * query-hit and churn (the operations that allocate, read and rewrite) at 100K and 1M under G1
     * and on transparent huge pages, and at 1M also under every other collector and on JDK 25 with
     * and without compact object headers (where a JDK 25 is found); then churn's flame graphs under
     * Parallel. The reference run's forks and iterations. Split from the reference run, which could
     * not then end within three hours; query-miss and remove are left to the reference run, as
     * remove alone would add some two hours at 1M. Longer than a session on 2 cores: run it, then
     * resume it.
     */
    PLATFORMS("platforms", List.of(Size.HUNDRED_K, Size.ONE_M), PhasePlan.IMPLEMENTATIONS, List.of(KeyPattern.RANDOM),
            PhasePlan.PLATFORM_OPERATIONS, 7, 3) {
        @Override
        List<Extra> extras() {
            List<Operation> operations = PhasePlan.PLATFORM_OPERATIONS;
            return List.of(
                    new Extra(List.of(Platform.PARALLEL, Platform.ZGC, Platform.EPSILON),
                            PhasePlan.IMPLEMENTATIONS, operations,
                            List.of(Size.ONE_M)),
                    new Extra(Platform.ON_JDK25, PhasePlan.IMPLEMENTATIONS, operations, List.of(Size.ONE_M)),
                    new Extra(List.of(Platform.G1_THP), PhasePlan.IMPLEMENTATIONS, operations,
                            List.of(Size.HUNDRED_K, Size.ONE_M)));
        }

        @Override
        List<Cell> profiled() {
            // The phase 3 README's account of churn at 1M (G1's write barrier and concurrent refinement), put to the test:
            // the same churn under a collector without refinement, and HashMap's, which stores new nodes into old ones too.
            List<Cell> cells = new ArrayList<>();
            for (Implementation map : List.of(Implementation.HASHMAP, Implementation.PHASE2, Implementation.PHASE3)) {
                for (Platform platform : List.of(Platform.G1, Platform.PARALLEL)) {
                    cells.add(new Cell(Operation.CHURN, Size.ONE_M, new Label(map, false, TypeProfile.MONOMORPHIC,
                            KeyPattern.RANDOM, platform)));
                }
            }
            return cells;
        }
    };

    /** The pools preset's maps: phase 4 on its two pools, and phase 4 itself, last as the A/A control. */
    private static final class PoolPlan {
        static final List<Implementation> IMPLEMENTATIONS = List.of(Implementation.PHASE4_BUMP_POOL,
                Implementation.PHASE4_RECYCLING, Implementation.PHASE4);
    }

    /** The reference run's maps, here because an enum constant's body cannot reach a static field of its own enum. */
    private static final class PhasePlan {
        static final List<Implementation> IMPLEMENTATIONS = List.of(Implementation.HASHMAP, Implementation.PHASE0,
                Implementation.PHASE1, Implementation.PHASE2, Implementation.PHASE3, Implementation.PHASE4);
        static final List<Operation> PLATFORM_OPERATIONS = List.of(Operation.INSERT,
                Operation.QUERY_HIT, Operation.CHURN);
    }

    /**
     * More platforms for a part of the run: every implementation listed, at the operations and sizes
     * listed, on each platform, in the same interleaved rounds as the rest of its cell.
     */
    record Extra(List<Platform> platforms, List<Implementation> implementations,
            List<Operation> operations, List<Size> sizes) {
        /** This extra's part of a run that measures only the implementations, operations and sizes given. */
        Extra within(List<Implementation> chosenImplementations,
                List<Operation> chosenOperations, List<Size> chosenSizes,
                List<Platform> chosenPlatforms) {
            return new Extra(platforms.stream().filter(chosenPlatforms::contains).toList(),
                    implementations.stream().filter(chosenImplementations::contains).toList(),
                    operations.stream().filter(chosenOperations::contains).toList(),
                    sizes.stream().filter(chosenSizes::contains).toList());
        }

        /** Whether it measures nothing: no platform, map, operation or size is left. */
        boolean isEmpty() {
            return platforms.isEmpty() || implementations.isEmpty() || operations.isEmpty() || sizes.isEmpty();
        }

        boolean covers(Operation operation, Size size) {
            return operations.contains(operation) && sizes.contains(size);
        }
    }

    private final String cliName;
    private final List<Size> defaultSizes;
    private final List<Implementation> defaultImplementations;
    private final List<KeyPattern> defaultKeys;
    private final List<Operation> defaultOperations;
    /** The smoke preset's one iteration: it only proves the benchmarks run. */
    private static final int SMOKE_ITERATION_MILLIS = 100;

    private final int forks;
    private final int iterations;

    /**
     * @param forks forks of each label; 0 runs one in-process, unforked benchmark
     * @param iterations iterations of each fork, all recorded: the first ones are its warm-up, until
     *     its score settles (the report's settle rule), the rest are measured
     */
    Preset(String cliName, List<Size> defaultSizes, List<Implementation> defaultImplementations,
            List<KeyPattern> defaultKeys, List<Operation> defaultOperations, int forks, int iterations) {
        this.cliName = cliName;
        this.defaultSizes = defaultSizes;
        this.defaultImplementations = defaultImplementations;
        this.defaultKeys = defaultKeys;
        this.defaultOperations = defaultOperations;
        this.forks = forks;
        this.iterations = iterations;
    }

    @Override
    public String cliName() {
        return cliName;
    }

    /** The sizes a run of this preset measures unless --sizes says otherwise. */
    List<Size> defaultSizes() {
        return defaultSizes;
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

    /**
     * Whether the preset measures the implementation at the size: every one at every size, but for
     * the flood preset's peers, which stop where one of their calls would take tens of seconds.
     */
    boolean measures(Implementation implementation, Size size) {
        return true;
    }

    /** The platforms, implementations, operations and sizes this preset measures beyond its main plan. */
    List<Extra> extras() {
        return List.of();
    }

    /** Whether some of its extra platforms run on a JDK 25, which the runner then looks for. */
    boolean wantsJdk25() {
        return extras().stream().anyMatch(e -> e.platforms().stream().anyMatch(Platform::onJdk25));
    }

    /** The cells whose flame graphs a run of this preset records after its timed forks. */
    List<Cell> profiled() {
        return List.of();
    }

    /**
     * Whether a cell's iterations are sized to its work (at least {@link CallTime#CALLS_PER_ITERATION}
     * calls and {@link CallTime#SHORTEST_ITERATION_MILLIS}): every preset that measures, all but smoke.
     */
    boolean sizedToWork() {
        return forks > 0;
    }

    /**
     * One JMH run is one fork (none for smoke); the runner interleaves the forks of all labels. No
     * JMH warm-up: every iteration is recorded, and the report finds where the warm-up ended. The
     * iteration time is the shortest; the runner sets each cell's own.
     */
    ChainedOptionsBuilder applyTo(ChainedOptionsBuilder options, Platform platform, Size size) {
        return options.forks(Math.min(forks, 1))
                .jvmArgs(forkJvmFlags(platform, size).toArray(String[]::new))
                .warmupIterations(0)
                .measurementIterations(iterations)
                .measurementTime(TimeValue.milliseconds(sizedToWork() ? CallTime.SHORTEST_ITERATION_MILLIS
                        : SMOKE_ITERATION_MILLIS));
    }

    /** The forked JVMs' flags on the platform at the size, or none when the benchmarks run inside the runner's own JVM. */
    List<String> forkJvmFlags(Platform platform, Size size) {
        return forks == 0 ? List.of() : platform.forkJvmFlags(size);
    }

    /** For example "7 forks a label, 4 iterations a fork of at least 1 s and 10 calls, warm-up until the score settles". */
    public String settings(int forksPerLabel) {
        if (!sizedToWork()) {
            return "in-process (no fork), no warmup, " + iterations + " × "
                    + SMOKE_ITERATION_MILLIS + " ms measurement";
        }
        return forksPerLabel + " forks a label, " + iterations + " iterations a fork of at least "
                + CallTime.SHORTEST_ITERATION_MILLIS / 1_000 + " s and " + CallTime.CALLS_PER_ITERATION
                + " calls, the first ones warm-up until the score settles; a " + Platform.SMALL_HEAP + " heap up to "
                + Platform.SMALL_HEAP_KEYS + " keys (Epsilon's excepted)";
    }
}
