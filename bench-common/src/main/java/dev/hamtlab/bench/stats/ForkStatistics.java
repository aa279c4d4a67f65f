package dev.hamtlab.bench.stats;

import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;
import org.apache.commons.math3.stat.descriptive.rank.Median;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;
import org.apache.commons.math3.stat.descriptive.rank.Percentile.EstimationType;
import org.apache.commons.math3.stat.inference.MannWhitneyUTest;

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

        // The normal approximation, no exact test in commons-math 3.6.1. It is conservative at 6
        // forks a side (6 vs 6 wholly separated: about 0.004, exact 0.0022) but not at 3 (3 vs 3
        // wholly separated: 0.0495, exact 0.1).
        double pValue = new MannWhitneyUTest().mannWhitneyUTest(before, after);
        return new Comparison(ratio, low, high, pValue, before.length, after.length);
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
