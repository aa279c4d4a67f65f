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
    private static final double TRUE_RATIO = BEFORE_NANOS / AFTER_NANOS;
    /** The ratio of two medians of 10 forks at 5% fork sigma scatters by about 3%; this is ~2.5 sd. */
    private static final double RATIO_TOLERANCE = 0.08;

    @ParameterizedTest(name = "{0} outlier fork(s) a side at 2x")
    @ValueSource(ints = {0, 1})
    void fasterAfterIsFound(int outliers) {
        ForkSimulation simulation = new ForkSimulation(2026 + outliers);
        double[] before = simulation.forkMeans(FORKS, BEFORE_NANOS, FORK_SIGMA, outliers);
        double[] after = simulation.forkMeans(FORKS, AFTER_NANOS, FORK_SIGMA, outliers);

        Comparison c = ForkStatistics.compare(before, after, 1);

        assertEquals(TRUE_RATIO, c.ratio(), RATIO_TOLERANCE * TRUE_RATIO, c::toString);
        assertTrue(c.low() < TRUE_RATIO && TRUE_RATIO < c.high(), c::toString);
        assertTrue(c.low() > 1, c::toString);
        assertEquals(Verdict.FASTER, Verdict.of(c, c.pValue()), c::toString);
    }

    @ParameterizedTest(name = "{0} outlier fork(s) a side at 2x")
    @ValueSource(ints = {0, 1})
    void slowerAfterIsFound(int outliers) {
        ForkSimulation simulation = new ForkSimulation(2126 + outliers);
        double[] before = simulation.forkMeans(FORKS, AFTER_NANOS, FORK_SIGMA, outliers);
        double[] after = simulation.forkMeans(FORKS, BEFORE_NANOS, FORK_SIGMA, outliers);

        Comparison c = ForkStatistics.compare(before, after, 1);

        assertEquals(1 / TRUE_RATIO, c.ratio(), RATIO_TOLERANCE / TRUE_RATIO, c::toString);
        assertTrue(c.low() < 1 / TRUE_RATIO && 1 / TRUE_RATIO < c.high(), c::toString);
        assertTrue(c.high() < 1, c::toString);
        assertEquals(Verdict.SLOWER, Verdict.of(c, c.pValue()), c::toString);
    }
}
