package dev.hamtlab.bench.stats;

/**
 * Two cells, "before" and "after", compared by their fork means (ns/op, lower is faster).
 *
 * @param ratio median(before) / median(after); above 1 when the after values are lower (faster)
 * @param low lower end of the 95% bootstrap interval of the ratio (forks resampled)
 * @param high upper end of that interval
 * @param pValue two-sided Mann-Whitney U test of the two sets of fork means, not adjusted for
 *     multiple comparisons
 * @param beforeForks number of before fork means
 * @param afterForks number of after fork means
 */
public record Comparison(double ratio, double low, double high, double pValue, int beforeForks, int afterForks) {

    /** Half the width of the interval: the smallest change in the ratio this comparison can resolve. */
    public double halfWidth() {
        return (high - low) / 2;
    }

    /**
     * ratio - 1, the report's "improvement": after ops/s / before ops/s - 1 when the values are
     * times, so +0.25 means the after cell does 25% more operations per second.
     */
    public double improvement() {
        return ratio - 1;
    }
}
