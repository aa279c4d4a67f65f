package dev.hamtlab.bench.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The canary reads a plausible latency at every working set, even on a busy shared machine. */
class HostCanaryTest {

    @Test
    void readsPositiveFiniteNanosPerLoadAtEveryWorkingSet() {
        HostCanary canary = new HostCanary(Duration.ofMillis(10));
        for (int reading = 0; reading < 2; reading++) {
            double[] nanos = canary.nanosPerLoad();
            assertEquals(HostCanary.WorkingSet.values().length, nanos.length);
            for (double n : nanos) {
                // Above 0.05 ns a load no cache answers; below 10 µs even a busy machine's DRAM does.
                assertTrue(Double.isFinite(n) && n > 0.05 && n < 10_000, Arrays.toString(nanos));
            }
        }
    }

    @Test
    void aLargerWorkingSetIsNotFarFasterThanASmallOne() {
        double[] nanos = new HostCanary(Duration.ofMillis(20)).nanosPerLoad();
        // DRAM is several times slower than L2; a neighbour can slow the small set, so only an absurd inversion fails.
        assertTrue(nanos[HostCanary.WorkingSet.DRAM.ordinal()] > nanos[HostCanary.WorkingSet.L2.ordinal()] / 3,
                Arrays.toString(nanos));
    }
}
