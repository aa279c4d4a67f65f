package dev.hamtlab.bench.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class WarmupTest {

    @Test
    void aForkWarmFromTheStartHasNoWarmup() {
        Warmup warmup = Warmup.of(new double[] {100, 102, 99, 101});
        assertEquals(0, warmup.iterations());
        assertTrue(warmup.settled());
    }

    @Test
    void slowFirstIterationsAreWarmupUntilOneFitsWhatFollows() {
        Warmup warmup = Warmup.of(new double[] {180, 120, 104, 100, 101, 99});
        // 180 and 120 are more than 5% above the median after them; 104 is within 5% of 100.
        assertEquals(2, warmup.iterations());
        assertTrue(warmup.settled());
    }

    @Test
    void aFasterFirstIterationIsMeasuredNotWarmup() {
        Warmup warmup = Warmup.of(new double[] {80, 100, 101, 100});
        assertEquals(0, warmup.iterations());
        assertTrue(warmup.settled());
    }

    @Test
    void aForkStillWarmingWithTwoIterationsLeftIsUnsettled() {
        Warmup warmup = Warmup.of(new double[] {300, 200, 150, 100});
        assertEquals(2, warmup.iterations());
        assertFalse(warmup.settled());
        assertFalse(Warmup.of(new double[] {130, 100}).settled());
        assertTrue(Warmup.of(new double[] {104, 100}).settled());
    }

    @Test
    void fewerThanTwoIterationsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> Warmup.of(new double[] {100}));
    }
}
