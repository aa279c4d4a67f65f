package dev.hamtlab.bench.measure;

import dev.hamtlab.bench.Implementation;
import dev.hamtlab.bench.KeyPattern;
import dev.hamtlab.bench.MapBenchmark;
import dev.hamtlab.bench.Operation;
import dev.hamtlab.bench.Platform;
import dev.hamtlab.bench.Size;

/**
 * How long one call of a benchmark takes, timed in the runner's own JVM before a cell's forks, so
 * that each map's iterations can be sized to its work: each measured iteration holds at least
 * {@link #CALLS_PER_ITERATION} calls and lasts at least {@link #SHORTEST_ITERATION_MILLIS}. At 1M keys
 * one call of insert takes about 0.4 s and of remove 0.8 s; a 200 ms iteration then times one or
 * two calls, and where a young collection lands among them decides the fork's mean.
 *
 * <p>The runner's JVM has compiled little of the map's code when it times the calls, so a call
 * here is as slow as a warm one or slower; the fastest of {@link #TIMED_CALLS} is taken, times a
 * margin for the platforms whose barriers make a fork slower than this JVM (ZGC's load barrier).
 * The report checks what the forks really held.
 */
public final class CallTime {
    /** The fewest calls a measured iteration holds. */
    public static final int CALLS_PER_ITERATION = 10;
    /** The shortest measured iteration, whatever the calls take. */
    public static final int SHORTEST_ITERATION_MILLIS = 1_000;
    /** Iterations are whole multiples of this. */
    private static final int ROUNDING_MILLIS = 100;
    private static final int TIMED_CALLS = 3;
    private static final double MARGIN = 1.2;

    private CallTime() {
    }

    /**
     * The rule: the iteration time for a call of {@code callNanos} on the platform,
     * {@link #CALLS_PER_ITERATION} calls with the margin, and never below
     * {@link #SHORTEST_ITERATION_MILLIS}; the shortest on a platform that never collects.
     */
    public static int iterationMillis(double callNanos, Platform platform) {
        return platform.collects() ? iterationMillis(callNanos) : SHORTEST_ITERATION_MILLIS;
    }

    /** The rule on a platform that collects. */
    static int iterationMillis(double callNanos) {
        double wanted = Math.max(SHORTEST_ITERATION_MILLIS, CALLS_PER_ITERATION * MARGIN * callNanos / 1e6);
        return (int) Math.ceil(wanted / ROUNDING_MILLIS) * ROUNDING_MILLIS;
    }

    /**
     * The fastest of a few calls of the operation on an object map, each on its benchmark's own
     * fixture, in ns. Int maps are not timed here: they are faster than the object maps they run beside.
     */
    public static double fastestCallNanos(Operation operation, Implementation implementation,
            KeyPattern keys, Size size) {
        MapBenchmark benchmark = MapBenchmark.of(implementation, keys, size);
        MapBenchmark.ChurnedMap churned = new MapBenchmark.ChurnedMap();
        if (operation == Operation.CHURN) {
            churned.fill(benchmark);
        }
        long fastest = Long.MAX_VALUE;
        // The last result, kept reachable so that no timed call is dead code.
        Object last = null;
        for (int call = 0; call < TIMED_CALLS; call++) {
            MapBenchmark.FreshMap fresh = new MapBenchmark.FreshMap();
            if (operation == Operation.REMOVE) {
                fresh.fill(benchmark);
            }
            long start = System.nanoTime();
            Object result = switch (operation) {
                case INSERT -> benchmark.insert();
                case QUERY_HIT -> benchmark.queryHit();
                case QUERY_MISS -> benchmark.queryMiss();
                case REMOVE -> {
                    benchmark.remove(fresh);
                    yield fresh;
                }
                case CHURN -> {
                    benchmark.churn(churned);
                    yield churned;
                }
            };
            fastest = Math.min(fastest, System.nanoTime() - start);
            last = result;
        }
        return last != null ? fastest : Double.NaN;
    }
}
