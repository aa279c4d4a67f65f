package dev.hamtlab.bench.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
    void aRatioThatStoodReadsNoChangeWithinItsInterval() {
        double[] map = {100, 102, 98, 101, 99, 103, 97};
        double[] yardstick = {50, 51, 49, 52, 48, 50, 50};
        // run B on a machine twice as slow: both cells twice the time, the ratio as it stood
        double[] slowMap = java.util.Arrays.stream(map).map(t -> 2 * t).toArray();
        double[] slowYardstick = java.util.Arrays.stream(yardstick).map(t -> 2 * t).toArray();
        RatioChange moved = ForkStatistics.changeOfRatio(yardstick, map, slowYardstick, slowMap, 7);
        assertEquals(1, moved.change(), 1e-12);
        assertTrue(moved.low() < 1 && moved.high() > 1 && moved.high() - moved.low() < 0.1, moved.toString());
    }

    @Test
    void aMapTwiceAsFastAgainstItsYardstickReadsADoubledRatio() {
        double[] map = {100, 102, 98, 101, 99, 103, 97};
        double[] yardstick = {50, 51, 49, 52, 48, 50, 50};
        double[] fasterMap = java.util.Arrays.stream(map).map(t -> t / 2).toArray();
        RatioChange moved = ForkStatistics.changeOfRatio(yardstick, map, yardstick, fasterMap, 7);
        assertEquals(2, moved.change(), 1e-12);
        assertTrue(moved.low() > 1.8 && moved.high() < 2.2, moved.toString());
        assertThrows(IllegalArgumentException.class, () -> ForkStatistics.changeOfRatio(yardstick, map, yardstick,
                new double[] {50}, 7));
    }

    @Test
    void compareRejectsFewerThanTwoForksAndWhatIsNotATime() {
        double[] good = {100, 101, 99};
        assertThrows(IllegalArgumentException.class, () -> ForkStatistics.compare(new double[] {100}, good, 1));
        assertThrows(IllegalArgumentException.class, () -> ForkStatistics.compare(good, new double[] {100}, 1));
        assertThrows(IllegalArgumentException.class,
                () -> ForkStatistics.compare(good, new double[] {100, Double.NaN}, 1));
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
    void pValueIsExactAtFiveAgainstFive() {
        // U = u: the first side's largest value moved above u of the second's. Of the 252 splits of
        // ten ranks, 1, 1, 2, 3 and 5 have U = 0, 1, 2, 3 and 4 (the partitions of u into at most
        // five parts of at most five), so the two-sided p is 2 * (1), 2 * (1 + 1), 2 * (1 + 1 + 2)...
        double[] twoSided = {2 / 252.0, 4 / 252.0, 8 / 252.0, 14 / 252.0, 24 / 252.0};
        for (int u = 0; u <= 4; u++) {
            double[] first = {1, 2, 3, 4, 5 + u};
            double[] second = new double[5];
            int next = 0;
            for (int rank = 5; rank <= 10; rank++) {
                if (rank != 5 + u) {
                    second[next++] = rank;
                }
            }
            assertEquals(twoSided[u], ForkStatistics.pValue(first, second), 1e-12, "U = " + u);
            assertEquals(twoSided[u], ForkStatistics.pValue(second, first), 1e-12, "U = " + u + ", sides swapped");
            assertEquals(twoSided[u], ForkStatistics.exactPValue(5, 5, u), 1e-12, "U = " + u);
            assertEquals(twoSided[u], ForkStatistics.exactPValue(5, 5, 25 - u), 1e-12, "U = " + (25 - u));
        }
    }

    @Test
    void pValueAgreesWithCountingEverySplit() {
        ForkSimulation simulation = new ForkSimulation(3);
        for (int run = 0; run < 40; run++) {
            int n = 3 + run % 6;
            int m = 2 + run % 7;
            double[] before = simulation.forkMeans(n, 100, 0.1, 0);
            double[] after = simulation.forkMeans(m, 100 - run % 10, 0.1, 0);
            double counted = permutationPValue(before, after);
            assertEquals(counted, ForkStatistics.pValue(before, after), 1e-9, n + " against " + m);
            int u = 0;
            for (double b : before) {
                for (double a : after) {
                    u += b > a ? 1 : 0;
                }
            }
            assertEquals(counted, ForkStatistics.exactPValue(n, m, u), 1e-9, n + " against " + m);
        }
    }

    @Test
    void tiedForkMeansFallBackToTheCorrectedNormalApproximation() {
        // Ties have no exact U distribution in the library; the approximation with continuity and
        // tie corrections stays near the permutation p-value of the mid-ranks.
        double[] before = {10, 11, 12, 12, 13};
        double[] after = {12, 14, 15, 16, 17};
        double counted = permutationPValue(before, after);
        double p = ForkStatistics.pValue(before, after);
        assertEquals(counted, p, 0.02);
        assertNotEquals(counted, p, 1e-6);
    }

    @Test
    void smallestPValuesAndTheForksAThresholdNeeds() {
        assertEquals(2 / 20.0, ForkStatistics.exactPValue(3, 3, 0), 1e-12);
        assertEquals(2 / 924.0, ForkStatistics.exactPValue(6, 6, 0), 1e-12);
        assertEquals(4 / 3432.0, ForkStatistics.exactPValue(7, 7, 1), 1e-12);
        assertEquals(1, ForkStatistics.exactPValue(4, 4, 8));
        // Holm over 20 A/A controls: the first threshold is 0.05 / 20 = 0.0025. At 6 a side only
        // wholly separated forks get below it (2 / 924); at 7 one pair out of order does too.
        assertEquals(7, ForkStatistics.fewestForksBelow(0.05 / 20));
        assertEquals(6, ForkStatistics.fewestForksBelow(0.05 / 4));
        // 4 against 4 with U = 1: 4 / 70, just above 0.05.
        assertEquals(5, ForkStatistics.fewestForksBelow(0.05));
    }

    /** The two-sided permutation p-value of the rank sum, mid-ranks for ties, by listing every split. */
    private static double permutationPValue(double[] first, double[] second) {
        double[] all = new double[first.length + second.length];
        System.arraycopy(first, 0, all, 0, first.length);
        System.arraycopy(second, 0, all, first.length, second.length);
        double[] ranks = new double[all.length];
        for (int i = 0; i < all.length; i++) {
            double below = 0;
            double equal = 0;
            for (double other : all) {
                below += other < all[i] ? 1 : 0;
                equal += other == all[i] ? 1 : 0;
            }
            ranks[i] = below + (equal + 1) / 2;
        }
        double expected = first.length * (all.length + 1) / 2.0;
        double observed = Math.abs(rankSum(ranks, (1 << first.length) - 1) - expected);
        int asExtreme = 0;
        int splits = 0;
        for (int set = 0; set < 1 << all.length; set++) {
            if (Integer.bitCount(set) == first.length) {
                splits++;
                asExtreme += Math.abs(rankSum(ranks, set) - expected) >= observed - 1e-9 ? 1 : 0;
            }
        }
        return (double) asExtreme / splits;
    }

    private static double rankSum(double[] ranks, int set) {
        double sum = 0;
        for (int i = 0; i < ranks.length; i++) {
            sum += (set >>> i & 1) != 0 ? ranks[i] : 0;
        }
        return sum;
    }
}
