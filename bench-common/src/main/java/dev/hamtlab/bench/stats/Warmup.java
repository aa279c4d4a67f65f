package dev.hamtlab.bench.stats;

import java.util.Arrays;

/**
 * Where a fork's warm-up ends, read from its recorded iterations (ns per op, in order): a rule
 * written down, not a fixed count. An iteration is still warm-up while it is more than
 * {@link #TOLERANCE} slower than the median of the iterations after it, and at least
 * {@link #FEWEST_MEASURED} iterations are always measured. A fork whose warm-up had not ended
 * when those were all that was left is unsettled: the report counts such forks, it never drops them.
 *
 * <p>One-sided on purpose: a first iteration slower than the rest is the JIT and the caches
 * warming; one faster than the rest is not warm-up, and is measured.
 */
public final class Warmup {
    /** How much slower than what follows an iteration may be and still count as settled. */
    public static final double TOLERANCE = 0.05;
    /** The fewest iterations a fork measures, whatever its warm-up. */
    public static final int FEWEST_MEASURED = 2;

    private final int iterations;
    private final boolean settled;

    private Warmup(int iterations, boolean settled) {
        this.iterations = iterations;
        this.settled = settled;
    }

    /**
     * The warm-up of a fork's iterations.
     *
     * @throws IllegalArgumentException if there are fewer than {@link #FEWEST_MEASURED} iterations
     */
    public static Warmup of(double[] iterationNanos) {
        if (iterationNanos.length < FEWEST_MEASURED) {
            throw new IllegalArgumentException("a fork needs at least " + FEWEST_MEASURED + " iterations, got "
                    + iterationNanos.length);
        }
        int warmup = 0;
        while (slowerThanWhatFollows(iterationNanos, warmup)) {
            if (iterationNanos.length - warmup == FEWEST_MEASURED) {
                return new Warmup(warmup, false);
            }
            warmup++;
        }
        return new Warmup(warmup, true);
    }

    /** How many leading iterations were warm-up. */
    public int iterations() {
        return iterations;
    }

    /** Whether the warm-up ended before only {@link #FEWEST_MEASURED} iterations were left. */
    public boolean settled() {
        return settled;
    }

    private static boolean slowerThanWhatFollows(double[] nanos, int index) {
        double[] after = Arrays.copyOfRange(nanos, index + 1, nanos.length);
        return after.length > 0 && nanos[index] > (1 + TOLERANCE) * ForkStatistics.median(after);
    }
}
