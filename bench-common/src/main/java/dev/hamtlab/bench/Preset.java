package dev.hamtlab.bench;

import java.util.List;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/** Forks, iterations and JVM flags of every benchmark run: the one place they are set. */
public enum Preset implements Choice {
    /** In-process and a single short iteration: proves the benchmarks run; the numbers mean nothing. */
    SMOKE("smoke", List.of(Size.ONE_K), 0, 0, 0, 1, 100),
    /**
     * The default 60 benchmarks (6 implementations, 5 operations, 1K and 100K keys) in about 8
     * minutes on 2 cores, under 10: single benchmarks measured with 500 ms measurements took 8 s at
     * 1K and 10 s for remove at 100K, the slowest there (fork start, pre-touch, setup, its map rebuilt
     * before every call, and the runner's counters included); 400 ms measurements save 1 s each.
     * 1M keys take longer: remove 23 s, as every call of it then fills and empties a 1M-key map.
     * Ten short measurements rather than a few long ones: JMH's 99.9% interval uses Student's t,
     * which is 8.6 for five measurements and 4.8 for ten, so the same time gives half the error.
     */
    QUICK("quick", List.of(Size.ONE_K, Size.HUNDRED_K), 1, 3, 500, 10, 400),
    /** Every size: 120 benchmarks, about 2 hours on 2 cores. */
    FULL("full", List.of(Size.values()), 3, 5, 1_000, 5, 2_000);

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

    ChainedOptionsBuilder applyTo(ChainedOptionsBuilder options) {
        return options.forks(forks)
                .jvmArgs(forkJvmFlags().toArray(String[]::new))
                .warmupIterations(warmupIterations)
                .warmupTime(TimeValue.milliseconds(warmupMillis))
                .measurementIterations(measurementIterations)
                .measurementTime(TimeValue.milliseconds(measurementMillis));
    }

    /** The forked JVMs' flags, or none when the benchmarks run inside the runner's own JVM. */
    List<String> forkJvmFlags() {
        return forks == 0 ? List.of() : FORK_JVM_FLAGS;
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
