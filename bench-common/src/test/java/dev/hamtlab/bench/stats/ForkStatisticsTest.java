package dev.hamtlab.bench.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.math3.stat.inference.MannWhitneyUTest;
import org.junit.jupiter.api.Test;

class ForkStatisticsTest {

    @Test
    void medianOfAnOddCountIsTheMiddleValue() {
        assertEquals(2, ForkStatistics.median(new double[] {3, 1, 2}));
        assertEquals(30, ForkStatistics.median(new double[] {50, 10, 40, 20, 30}));
        assertEquals(7, ForkStatistics.median(new double[] {7}));
    }

    @Test
    void medianOfAnEvenCountIsTheMeanOfTheTwoMiddleValues() {
        assertEquals(2.5, ForkStatistics.median(new double[] {4, 1, 3, 2}));
        assertEquals(6, ForkStatistics.median(new double[] {100, 2, 1, 10}));
        assertEquals(1.5, ForkStatistics.median(new double[] {2, 1}));
    }

    @Test
    void medianRejectsWhatIsNotATime() {
        assertThrows(IllegalArgumentException.class, () -> ForkStatistics.median(new double[0]));
        for (double bad : new double[] {Double.NaN, 0, -1, Double.POSITIVE_INFINITY}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> ForkStatistics.median(new double[] {1, bad, 3}));
            assertTrue(e.getMessage().contains("values[1]"), e.getMessage());
        }
    }

    @Test
    void compareRejectsFewerThanTwoForksAndWhatIsNotATime() {
        double[] good = {100, 101, 99};
        assertThrows(IllegalArgumentException.class, () -> ForkStatistics.compare(new double[] {100}, good, 1));
        assertThrows(IllegalArgumentException.class, () -> ForkStatistics.compare(good, new double[] {100}, 1));
        assertThrows(IllegalArgumentException.class, () -> ForkStatistics.compare(good, new double[] {100, Double.NaN}, 1));
        assertThrows(IllegalArgumentException.class, () -> ForkStatistics.compare(new double[] {100, 0}, good, 1));
    }

    @Test
    void sameSeedGivesTheSameComparison() {
        ForkSimulation simulation = new ForkSimulation(7);
        double[] before = simulation.forkMeans(30, 100, 0.05, 0);
        double[] after = simulation.forkMeans(30, 95, 0.05, 0);
        Comparison first = ForkStatistics.compare(before, after, 42);
        assertEquals(first, ForkStatistics.compare(before.clone(), after.clone(), 42));
        // The seed is really used: another one moves the interval's ends a little. (Not so with few
        // forks: a median of 6 resampled values takes one of 21 values, and both seeds can then land
        // on the same ends.)
        Comparison other = ForkStatistics.compare(before, after, 43);
        assertEquals(first.ratio(), other.ratio());
        assertNotEquals(first, other);
    }

    @Test
    void intervalContainsThePointRatio() {
        ForkSimulation simulation = new ForkSimulation(11);
        for (int run = 0; run < 50; run++) {
            double[] before = simulation.forkMeans(3 + run % 8, 100, 0.1, run % 2);
            double[] after = simulation.forkMeans(3 + run % 5, 90, 0.1, 0);
            Comparison c = ForkStatistics.compare(before, after, run);
            assertTrue(c.low() <= c.ratio() && c.ratio() <= c.high(), c::toString);
            assertTrue(c.halfWidth() > 0, c::toString);
        }
    }

    @Test
    void ratioIsBeforeMedianOverAfterMedian() {
        Comparison c = ForkStatistics.compare(new double[] {120, 100, 80}, new double[] {50, 40, 60, 70}, 1);
        assertEquals(100 / 55.0, c.ratio(), 1e-12);
        assertEquals(100 / 55.0 - 1, c.improvement(), 1e-12);
        assertEquals((c.high() - c.low()) / 2, c.halfWidth());
        assertEquals(3, c.beforeForks());
        assertEquals(4, c.afterForks());
    }

    @Test
    void mannWhitneyNormalApproximationIsConservativeAtSixForksButNotAtThree() {
        MannWhitneyUTest test = new MannWhitneyUTest();
        // Wholly separated samples; the exact two-sided p-value is 2 / C(2n, n).
        double six = test.mannWhitneyUTest(new double[] {1, 2, 3, 4, 5, 6}, new double[] {7, 8, 9, 10, 11, 12});
        assertEquals(0.0039, six, 0.0001);
        assertTrue(six > 2 / 924.0);
        double three = test.mannWhitneyUTest(new double[] {1, 2, 3}, new double[] {4, 5, 6});
        assertEquals(0.0495, three, 0.0001);
        assertTrue(three < 2 / 20.0);
    }
}
