package dev.hamtlab.bench.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.opentest4j.AssertionFailedError;

/**
 * A/A simulations: both cells drawn from one distribution, so every "faster" or "slower" is a false
 * alarm. Forks differ from each other by 5% (the fork effect), iterations within a fork by 0.5%.
 */
class CalibrationTest {
    private static final int SIMULATIONS = 200;
    private static final double CENTER_NANOS = 100;
    private static final double FORK_SIGMA = 0.05;
    private static final double ITERATION_SIGMA = 0.005;
    /** 5% nominal; 0.08 is two binomial standard deviations above it at 200 simulations. */
    private static final double MAX_FALSE_ALARM_RATE = 0.08;

    /** Says whether two cells, given as forks x iterations, differ. */
    interface Method {
        boolean declaresDifference(double[][] before, double[][] after);
    }

    /** The method of this package, for a single comparison (adjusted p = raw p). */
    private static final Method FORK_MEDIANS = (before, after) -> {
        Comparison c = ForkStatistics.compare(ForkSimulation.means(before), ForkSimulation.means(after), 1);
        return Verdict.of(c, c.pValue()) != Verdict.SAME;
    };

    /**
     * Deliberately broken: the rule this package replaces. It pools every iteration of every fork
     * as if independent, takes a 99.9% t-interval per side and calls the cells different when the
     * intervals do not overlap. Iterations within a fork agree, so the pooled interval shrinks
     * with iterations while the fork effect, the real uncertainty, does not.
     */
    private static final Method POOLED_ITERATIONS = (before, after) -> {
        double[] b = pooledInterval(before);
        double[] a = pooledInterval(after);
        return b[1] < a[0] || a[1] < b[0];
    };

    @ParameterizedTest(name = "{0} vs {1} forks")
    @CsvSource({"6, 6", "6, 10", "10, 10"})
    void equalDistributionsAreNotCalledDifferent(int beforeForks, int afterForks) {
        ForkSimulation simulation = new ForkSimulation(beforeForks * 100L + afterForks);
        Comparison[] comparisons = new Comparison[SIMULATIONS];
        double[] pValues = new double[SIMULATIONS];
        int smallP = 0;
        int coversOne = 0;
        for (int s = 0; s < SIMULATIONS; s++) {
            double[] before = simulation.forkMeans(beforeForks, CENTER_NANOS, FORK_SIGMA, 0);
            double[] after = simulation.forkMeans(afterForks, CENTER_NANOS, FORK_SIGMA, 0);
            comparisons[s] = ForkStatistics.compare(before, after, s);
            pValues[s] = comparisons[s].pValue();
            smallP += pValues[s] < 0.05 ? 1 : 0;
            coversOne += comparisons[s].low() <= 1 && 1 <= comparisons[s].high() ? 1 : 0;
        }
        assertTrue(smallP <= MAX_FALSE_ALARM_RATE * SIMULATIONS, smallP + " of " + SIMULATIONS + " have p < 0.05");
        assertTrue(coversOne >= 0.90 * SIMULATIONS,
                "the interval covers 1 in only " + coversOne + " of " + SIMULATIONS);

        double[] adjusted = MultipleComparisons.benjaminiHochberg(pValues);
        for (int s = 0; s < SIMULATIONS; s++) {
            assertEquals(Verdict.SAME, Verdict.of(comparisons[s], adjusted[s]), comparisons[s]::toString);
        }
    }

    @Test
    void forkMediansPassTheCalibrationCheck() {
        assertCalibrated(FORK_MEDIANS);
    }

    @Test
    void pooledIterationsFailTheCalibrationCheck() {
        AssertionFailedError failure = assertThrows(AssertionFailedError.class,
                () -> assertCalibrated(POOLED_ITERATIONS));
        assertTrue(failure.getMessage().contains("false alarms"), failure.getMessage());
    }

    /**
     * The check both methods face: over A/A simulations of 6 vs 10 forks of 10 iterations each, the
     * method declares a difference in at most {@link #MAX_FALSE_ALARM_RATE} of them.
     */
    private static void assertCalibrated(Method method) {
        ForkSimulation simulation = new ForkSimulation(610);
        int falseAlarms = 0;
        for (int s = 0; s < SIMULATIONS; s++) {
            double[][] before = simulation.forksOfIterations(6, 10, CENTER_NANOS, FORK_SIGMA, ITERATION_SIGMA);
            double[][] after = simulation.forksOfIterations(10, 10, CENTER_NANOS, FORK_SIGMA, ITERATION_SIGMA);
            falseAlarms += method.declaresDifference(before, after) ? 1 : 0;
        }
        assertTrue(falseAlarms <= MAX_FALSE_ALARM_RATE * SIMULATIONS,
                falseAlarms + " false alarms in " + SIMULATIONS + " A/A simulations");
    }

    private static double[] pooledInterval(double[][] forks) {
        SummaryStatistics iterations = new SummaryStatistics();
        for (double[] fork : forks) {
            for (double value : fork) {
                iterations.addValue(value);
            }
        }
        long n = iterations.getN();
        double t = new TDistribution(n - 1).inverseCumulativeProbability(0.9995);
        double halfWidth = t * iterations.getStandardDeviation() / Math.sqrt(n);
        return new double[] {iterations.getMean() - halfWidth, iterations.getMean() + halfWidth};
    }
}
