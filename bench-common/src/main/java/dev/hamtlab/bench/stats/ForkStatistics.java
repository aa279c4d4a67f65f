package dev.hamtlab.bench.stats;

import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;
import org.apache.commons.math3.stat.descriptive.rank.Median;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;
import org.apache.commons.math3.stat.descriptive.rank.Percentile.EstimationType;
import org.apache.commons.statistics.inference.MannWhitneyUTest;

/**
 * Compares two benchmark cells by their fork means. The fork is the unit of repetition: two forks
 * of one benchmark can differ by 2x, while the iterations within a fork agree, so iterations are
 * never treated as independent samples here; only fork means are.
 */
public final class ForkStatistics {
    /** Bootstrap resamples per comparison. */
    public static final int RESAMPLES = 10_000;
    /** Coverage of the bootstrap interval. */
    public static final double CONFIDENCE = 0.95;

    /**
     * R_7 (linear interpolation, the default of R and NumPy) gives the textbook median at 50%:
     * the middle value, or the mean of the two middle values. commons-math's default, LEGACY,
     * does too at 50% but interpolates differently near the tails, where the interval is read.
     */
    private static final EstimationType ESTIMATION = EstimationType.R_7;

    private ForkStatistics() {
    }

    /**
     * The textbook median of positive, finite values (times).
     *
     * @throws IllegalArgumentException if values is empty or holds a value that is not positive
     *     and finite
     */
    public static double median(double[] values) {
        requireTimes(values, 1, "values");
        return newMedian().evaluate(values);
    }

    /**
     * Compares the fork means of two cells: ratio of medians, its bootstrap interval and the
     * Mann-Whitney p-value. The same seed gives the same comparison.
     *
     * @throws IllegalArgumentException if a side has fewer than 2 fork means or holds a value that
     *     is not positive and finite
     */
    public static Comparison compare(double[] before, double[] after, long seed) {
        requireTimes(before, 2, "before");
        requireTimes(after, 2, "after");
        Median median = newMedian();
        double ratio = median.evaluate(before) / median.evaluate(after);

        RandomGenerator random = new Well19937c(seed);
        double[] ratios = new double[RESAMPLES];
        double[] beforeDraw = new double[before.length];
        double[] afterDraw = new double[after.length];
        for (int i = 0; i < RESAMPLES; i++) {
            // Each side is resampled on its own, fork means with replacement.
            drawWithReplacement(before, beforeDraw, random);
            drawWithReplacement(after, afterDraw, random);
            ratios[i] = median.evaluate(beforeDraw) / median.evaluate(afterDraw);
        }
        Percentile percentile = new Percentile().withEstimationType(ESTIMATION);
        percentile.setData(ratios);
        double tail = 100 * (1 - CONFIDENCE) / 2;
        double low = percentile.evaluate(tail);
        double high = percentile.evaluate(100 - tail);

        return new Comparison(ratio, low, high, pValue(before, after), before.length, after.length);
    }

    /**
     * How much a comparison moved from run A to run B: its ratio in B over its ratio in A, each
     * ratio median(before) / median(after) of one run's fork means, with its 95% bootstrap
     * interval, the four cells resampled each on its own. Two runs made apart cannot be compared by
     * their times, but by a ratio measured inside each: a change of 1 means the after map stands
     * where it stood against the before map, and the interval is how far it could have moved
     * unseen. The same seed gives the same change.
     *
     * @throws IllegalArgumentException if a cell has fewer than 2 fork means or holds a value that
     *     is not positive and finite
     */
    public static RatioChange changeOfRatio(double[] beforeA, double[] afterA, double[] beforeB,
            double[] afterB, long seed) {
        double[][] cells = {beforeA, afterA, beforeB, afterB};
        double[][] draws = new double[cells.length][];
        for (int c = 0; c < cells.length; c++) {
            requireTimes(cells[c], 2, "cell " + c);
            draws[c] = new double[cells[c].length];
        }
        Median median = newMedian();
        double change = change(median, beforeA, afterA, beforeB, afterB);
        RandomGenerator random = new Well19937c(seed);
        double[] changes = new double[RESAMPLES];
        for (int i = 0; i < RESAMPLES; i++) {
            for (int c = 0; c < cells.length; c++) {
                drawWithReplacement(cells[c], draws[c], random);
            }
            changes[i] = change(median, draws[0], draws[1], draws[2], draws[3]);
        }
        Percentile percentile = new Percentile().withEstimationType(ESTIMATION);
        percentile.setData(changes);
        double tail = 100 * (1 - CONFIDENCE) / 2;
        return new RatioChange(change, percentile.evaluate(tail), percentile.evaluate(100 - tail));
    }

    private static double change(Median median, double[] beforeA, double[] afterA, double[] beforeB, double[] afterB) {
        return median.evaluate(beforeB) / median.evaluate(afterB) / (median.evaluate(beforeA) / median.evaluate(afterA));
    }

    /**
     * The two-sided Mann-Whitney U test of two sets of fork means. Exact (the U statistic's own
     * distribution, summed over every split of the ranks) below 50 forks a side when no two fork
     * means are equal, which for means of nanoseconds over whole iterations is every real case;
     * otherwise the normal approximation with continuity and tie corrections. commons-math3's test,
     * used before, was the normal approximation without continuity correction at every size: at 5
     * against 5 it says 0.028 where the exact p is 0.032 (U = 2) and 0.047 for 0.056 (U = 3).
     */
    public static double pValue(double[] before, double[] after) {
        return MannWhitneyUTest.withDefaults().test(before, after).getPValue();
    }

    /**
     * The exact two-sided p-value of a U statistic of {@code u} (or {@code n m - u}) between
     * {@code n} and {@code m} fork means without ties: twice the chance that U is at most
     * min(u, n m - u) when the two sides come from one distribution, 1 at most. The chance counts
     * the splits of the ranks: those with U = k number f(n, m, k) = f(n - 1, m, k - m) + f(n, m - 1, k)
     * (the largest rank on the first side or the second), out of C(n + m, n).
     */
    public static double exactPValue(int n, int m, int u) {
        int lower = Math.min(u, n * m - u);
        // ways[j][k] = f(j, second, k), built up one second-side rank at a time.
        double[][] ways = new double[n + 1][lower + 1];
        for (int j = 0; j <= n; j++) {
            ways[j][0] = 1;
        }
        for (int second = 1; second <= m; second++) {
            // Ascending j: ways[j - 1] already holds f(j - 1, second, .), ways[j] still f(j, second - 1, .).
            for (int j = 1; j <= n; j++) {
                for (int k = 0; k <= lower; k++) {
                    ways[j][k] += k >= second ? ways[j - 1][k - second] : 0;
                }
            }
        }
        double atMost = 0;
        for (int k = 0; k <= lower; k++) {
            atMost += ways[n][k];
        }
        double splits = 1;
        for (int i = 1; i <= n; i++) {
            splits = splits * (m + i) / i;
        }
        return Math.min(1, 2 * atMost / splits);
    }

    /**
     * The fewest forks a side at which a comparison can be declared below the threshold without
     * wholly separated sides: the exact p-value of U = 1 (one pair out of order) is below it. A
     * family that needs complete separation to declare anything is barely a test, least of all for
     * an A/A control, whose failing is the point.
     */
    public static int fewestForksBelow(double threshold) {
        int forks = 2;
        while (exactPValue(forks, forks, 1) >= threshold) {
            forks++;
        }
        return forks;
    }

    private static Median newMedian() {
        return new Median().withEstimationType(ESTIMATION);
    }

    private static void drawWithReplacement(double[] from, double[] into, RandomGenerator random) {
        for (int i = 0; i < into.length; i++) {
            into[i] = from[random.nextInt(from.length)];
        }
    }

    private static void requireTimes(double[] values, int minimumCount, String name) {
        if (values.length < minimumCount) {
            throw new IllegalArgumentException(
                    name + " needs at least " + minimumCount + (minimumCount == 1 ? " value" : " values")
                            + ", got " + values.length);
        }
        for (int i = 0; i < values.length; i++) {
            // Written so that NaN fails too.
            if (!(values[i] > 0 && values[i] < Double.POSITIVE_INFINITY)) {
                throw new IllegalArgumentException(
                        name + "[" + i + "] is " + values[i] + "; times must be positive and finite");
            }
        }
    }
}
