package dev.hamtlab.bench.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class VerdictTest {

    @Test
    void tooFewForksBelowFiveASide() {
        double[] five = {100, 101, 102, 103, 104};
        double[] four = {50, 51, 52, 53};
        assertEquals(Verdict.TOO_FEW_FORKS, Verdict.of(ForkStatistics.compare(four, five, 1), 0));
        assertEquals(Verdict.TOO_FEW_FORKS, Verdict.of(ForkStatistics.compare(five, four, 1), 0));
        assertEquals(Verdict.FASTER, Verdict.of(new Comparison(1.5, 1.4, 1.6, 0.01, 5, 5), 0.01));
    }

    @Test
    void fasterAndSlowerNeedASmallAdjustedPAndAnIntervalOnOneSideOfOne() {
        assertEquals(Verdict.FASTER, Verdict.of(new Comparison(1.3, 1.2, 1.4, 0.001, 6, 6), 0.049));
        assertEquals(Verdict.SLOWER, Verdict.of(new Comparison(0.8, 0.7, 0.9, 0.001, 6, 6), 0.049));
    }

    @Test
    void sameWhenTheAdjustedPIsNotBelowAlphaThoughTheIntervalExcludesOne() {
        assertEquals(Verdict.SAME, Verdict.of(new Comparison(1.3, 1.2, 1.4, 0.001, 6, 6), 0.05));
        assertEquals(Verdict.SAME, Verdict.of(new Comparison(0.8, 0.7, 0.9, 0.001, 6, 6), 0.2));
    }

    @Test
    void sameWhenThePIsSmallButTheIntervalIncludesOne() {
        assertEquals(Verdict.SAME, Verdict.of(new Comparison(1.1, 0.99, 1.2, 0.001, 6, 6), 0.001));
        assertEquals(Verdict.SAME, Verdict.of(new Comparison(0.9, 0.8, 1.01, 0.001, 6, 6), 0.001));
        assertEquals(Verdict.SAME, Verdict.of(new Comparison(1.1, 1, 1.2, 0.001, 6, 6), 0.001));
    }

    @Test
    void labels() {
        assertEquals("faster", Verdict.FASTER.label());
        assertEquals("slower", Verdict.SLOWER.label());
        assertEquals("same", Verdict.SAME.label());
        assertEquals("too few forks", Verdict.TOO_FEW_FORKS.label());
    }
}
