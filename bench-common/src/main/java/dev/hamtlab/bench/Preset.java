package dev.hamtlab.bench;

import java.util.List;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/** Forks, iterations and JVM flags of every benchmark run: the one place they are set. */
public enum Preset implements Choice {
    /** In-process and a single short iteration: proves the benchmarks run; the numbers mean nothing. */
    SMOKE("smoke", 0, 0, 0, 1, 100),
    /**
     * The default 36 benchmarks in under 10 minutes on 2 cores: each takes about 9 s (fork start and
     * setup included), more at 1M keys, where an iteration overruns by up to a whole insert. Ten
     * short measurements rather than a few long ones: JMH's 99.9% interval uses Student's t, which
     * is 8.6 for five measurements and 4.8 for ten, so the same time gives half the error.
     */
    QUICK("quick", 1, 3, 500, 10, 500),
    FULL("full", 3, 5, 1_000, 5, 2_000);

    /**
     * Flags of every forked JVM. A fixed, pre-touched heap: without it first-touch page faults
     * make insert timings bimodal.
     */
    private static final List<String> FORK_JVM_FLAGS = List.of("-Xms2g", "-Xmx2g", "-XX:+AlwaysPreTouch");

    private final String cliName;
    private final int forks;
    private final int warmupIterations;
    private final int warmupMillis;
    private final int measurementIterations;
    private final int measurementMillis;

    Preset(String cliName, int forks, int warmupIterations, int warmupMillis,
            int measurementIterations, int measurementMillis) {
        this.cliName = cliName;
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
