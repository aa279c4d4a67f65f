package dev.hamtlab.bench.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A known 15% cut in time per operation, 10 forks a side, is found and measured. */
class ShiftDetectionTest {
    private static final int FORKS = 10;
    private static final double FORK_SIGMA = 0.05;
    private static final double BEFORE_NANOS = 100;
    private static final double AFTER_NANOS = 85;
    /** The ratio of two medians of 10 forks at 5% fork sigma scatters by about 3%; this is ~2.5 sd. */
    private static final double RATIO_TOLERANCE = 0.08;

    @ParameterizedTest(name = "{0} outlier fork(s) a side at 2x")
    @ValueSource(ints = {0, 1})
    void fasterAfterIsFound(int outliers) {
        assertFound(2026 + outliers, BEFORE_NANOS, AFTER_NANOS, outliers, Verdict.FASTER);
    }

    @ParameterizedTest(name = "{0} outlier fork(s) a side at 2x")
    @ValueSource(ints = {0, 1})
    void slowerAfterIsFound(int outliers) {
        assertFound(2126 + outliers, AFTER_NANOS, BEFORE_NANOS, outliers, Verdict.SLOWER);
    }

    private static void assertFound(long seed, double beforeNanos, double afterNanos, int outliers, Verdict expected) {
        ForkSimulation simulation = new ForkSimulation(seed);
        double[] before = simulation.forkMeans(FORKS, beforeNanos, FORK_SIGMA, outliers);
        double[] after = simulation.forkMeans(FORKS, afterNanos, FORK_SIGMA, outliers);
        double trueRatio = beforeNanos / afterNanos;

        Comparison c = ForkStatistics.compare(before, after, 1);

        assertEquals(trueRatio, c.ratio(), RATIO_TOLERANCE * trueRatio, c::toString);
        assertTrue(c.low() < trueRatio && trueRatio < c.high(), c::toString);
        assertTrue(expected == Verdict.FASTER ? c.low() > 1 : c.high() < 1, c::toString);
        assertEquals(expected, Verdict.of(c, c.pValue()), c::toString);
    }
}
