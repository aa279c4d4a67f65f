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
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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
    /**
     * The phases' reference run, about an hour and a half on 2 cores: the phases and HashMap, every
     * operation at 1K to 1M under G1; at 1M, insert, query-hit and churn also under every other
     * collector and on JDK 25 with and without compact object headers (where a JDK 25 is found); then
     * CPU and allocation flame graphs of insert, query-hit and churn at 1M for every phase. Five
     * forks, the fewest a verdict takes, with the quick preset's iterations.
     */
    FULL("full", List.of(Size.ONE_K, Size.TEN_K, Size.HUNDRED_K, Size.ONE_M), FullPlan.IMPLEMENTATIONS,
            List.of(KeyPattern.RANDOM), List.of(Operation.values()), 5, 3, 250, 3, 200) {
        @Override
        List<Extra> extras() {
            List<Operation> operations = List.of(Operation.INSERT, Operation.QUERY_HIT, Operation.CHURN);
            return List.of(
                    new Extra(List.of(Platform.PARALLEL, Platform.ZGC, Platform.EPSILON), FullPlan.IMPLEMENTATIONS, operations,
                            List.of(Size.ONE_M)),
                    new Extra(Platform.ON_JDK25, FullPlan.IMPLEMENTATIONS, operations, List.of(Size.ONE_M)));
        }

        @Override
        List<Cell> profiled() {
            List<Cell> cells = new ArrayList<>();
            for (Operation operation : List.of(Operation.INSERT, Operation.QUERY_HIT, Operation.CHURN)) {
                for (Implementation phase : FullPlan.IMPLEMENTATIONS) {
                    if (phase.isPhase()) {
                        cells.add(new Cell(operation, Size.ONE_M, new Label(phase, false, TypeProfile.MONOMORPHIC,
                                KeyPattern.RANDOM)));
                    }
                }
            }
            // The phase 3 README's account of churn at 1M (G1's write barrier and concurrent refinement), put to the test:
            // the same churn under a collector without refinement, and HashMap's, which stores new nodes into old ones too.
            cells.add(new Cell(Operation.CHURN, Size.ONE_M, new Label(Implementation.HASHMAP, false, TypeProfile.MONOMORPHIC,
                    KeyPattern.RANDOM)));
            for (Implementation map : List.of(Implementation.HASHMAP, Implementation.PHASE2, Implementation.PHASE3)) {
                cells.add(new Cell(Operation.CHURN, Size.ONE_M, new Label(map, false, TypeProfile.MONOMORPHIC,
                        KeyPattern.RANDOM, Platform.PARALLEL)));
            }
            return cells;
        }
    };

    /** The full preset's maps, here because an enum constant's body cannot reach a static field of its own enum. */
    private static final class FullPlan {
        static final List<Implementation> IMPLEMENTATIONS = List.of(Implementation.HASHMAP, Implementation.PHASE0,
                Implementation.PHASE1, Implementation.PHASE2, Implementation.PHASE3, Implementation.PHASE4);
    }

    /**
     * More platforms for a part of the run: every implementation listed, at the operations and sizes
     * listed, on each platform, in the same interleaved rounds as the rest of its cell.
     */
    record Extra(List<Platform> platforms, List<Implementation> implementations, List<Operation> operations, List<Size> sizes) {
        /** This extra's part of a run that measures only the implementations, operations and sizes given. */
        Extra within(List<Implementation> chosenImplementations, List<Operation> chosenOperations, List<Size> chosenSizes,
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
    public Optional<Double> resolutionGoal(Operation operation, Size size) {
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

    /** One JMH run is one fork (none for smoke); the runner interleaves the forks of all labels. */
    ChainedOptionsBuilder applyTo(ChainedOptionsBuilder options, Platform platform) {
        return options.forks(Math.min(forks, 1))
                .jvmArgs(forkJvmFlags(platform).toArray(String[]::new))
                .warmupIterations(warmupIterations)
                .warmupTime(TimeValue.milliseconds(warmupMillis))
                .measurementIterations(measurementIterations)
                .measurementTime(TimeValue.milliseconds(measurementMillis));
    }

    /** The forked JVMs' flags on the platform, or none when the benchmarks run inside the runner's own JVM. */
    List<String> forkJvmFlags(Platform platform) {
        return forks == 0 ? List.of() : platform.forkJvmFlags();
    }

    /** For example "10 forks a label, 3 × 250 ms warmup, 4 × 250 ms measurement". */
    public String settings(int forksPerLabel) {
        String where = forks == 0 ? "in-process (no fork)" : forksPerLabel + " forks a label";
        String warmup = warmupIterations == 0 ? "no warmup" : warmupIterations + " × " + seconds(warmupMillis) + " warmup";
        return where + ", " + warmup + ", " + measurementIterations + " × " + seconds(measurementMillis) + " measurement";
    }

    private static String seconds(int millis) {
        return millis % 1_000 == 0 ? millis / 1_000 + " s" : millis + " ms";
    }
}
