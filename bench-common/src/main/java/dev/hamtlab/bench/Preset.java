package dev.hamtlab.bench;

import java.util.List;
import java.util.stream.Stream;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/** Forks, iterations and JVM flags of every benchmark run: the one place they are set. */
public enum Preset implements Choice {
    /** In-process and a single short iteration: proves the benchmarks run; the numbers mean nothing. */
    SMOKE("smoke", List.of(Size.ONE_K), 0, 0, 0, 1, 100),
    /**
     * The default 70 benchmarks (7 implementations, 5 operations, 1K and 100K keys) in under 8
     * minutes on 2 cores (7 min 35 s for results/2026-11-26-08435f4-quick, build included). Two forks, not one: a fork is steady in itself, but two forks of one
     * benchmark can differ by 2x and more (the JIT compiles each its own way; in the committed run
     * results/2026-11-26-4360701-quick, HashMap's churn at 100K keys: see the rawData of its two
     * forks), so one fork cannot tell a phase from a JIT mood. JMH pools the forks' iterations
     * into one score and one interval, which then shows the spread.
     * A benchmark costs about 2 x 3.5 s (fork start, pre-touch, setup, 2.1 s of iterations);
     * remove at 1M more, as every call of it first fills a 1M-key map outside the timing.
     */
    QUICK("quick", List.of(Size.ONE_K, Size.HUNDRED_K), 2, 2, 300, 5, 300),
    /** Every size and three forks: 140 benchmarks, about 70 minutes on 2 cores. */
    FULL("full", List.of(Size.values()), 3, 3, 1_000, 5, 1_000);

    /**
     * Flags of every forked JVM. A fixed, pre-touched heap: without it first-touch page faults
     * make insert timings bimodal.
     */
    private static final List<String> FORK_JVM_FLAGS = List.of("-Xms2g", "-Xmx2g", "-XX:+AlwaysPreTouch");

    private final String cliName;
    private final List<Size> defaultSizes;
    private final int forks;
    private final int warmupIterations;
    private final int warmupMillis;
    private final int measurementIterations;
    private final int measurementMillis;

    Preset(String cliName, List<Size> defaultSizes, int forks, int warmupIterations, int warmupMillis,
            int measurementIterations, int measurementMillis) {
        this.cliName = cliName;
        this.defaultSizes = defaultSizes;
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

    ChainedOptionsBuilder applyTo(ChainedOptionsBuilder options, Collector collector) {
        return options.forks(forks)
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

    /** For example "1 fork, 2 × 1 s warmup, 3 × 1 s measurement". */
    String settings() {
        String where = forks == 0 ? "in-process (no fork)" : forks + (forks == 1 ? " fork" : " forks");
        String warmup = warmupIterations == 0 ? "no warmup" : warmupIterations + " × " + seconds(warmupMillis) + " warmup";
        return where + ", " + warmup + ", " + measurementIterations + " × " + seconds(measurementMillis) + " measurement";
    }

    private static String seconds(int millis) {
        return millis % 1_000 == 0 ? millis / 1_000 + " s" : millis + " ms";
    }
}
