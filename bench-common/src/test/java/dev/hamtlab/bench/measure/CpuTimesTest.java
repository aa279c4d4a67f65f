package dev.hamtlab.bench.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** /proc/stat's aggregate cpu line gives the steal, and two readings the share of time stolen between them. */
class CpuTimesTest {
    private static final String PROC_STAT = String.join("\n",
            "cpu  27844 0 5948 39637 137 0 238 50 7 0",
            "cpu0 13922 0 2974 19818 68 0 119 25 0 0",
            "intr 1234 0 0",
            "ctxt 99");

    @Test
    void readsTheAggregateLineLeavingTheGuestFieldsOut() {
        assertEquals(Optional.of(new CpuTimes(50, 27844 + 5948 + 39637 + 137 + 238 + 50)), CpuTimes.parse(PROC_STAT));
    }

    @Test
    void stealFractionIsStolenOverAllTimeBetweenTheReadings() {
        Optional<CpuTimes> before = CpuTimes.parse("cpu  100 0 100 700 0 0 0 100 0 0\n");
        Optional<CpuTimes> after = CpuTimes.parse("cpu  200 0 150 1100 0 0 0 150 0 0\n");
        // 50 jiffies stolen out of 100 + 50 + 400 + 50 = 600.
        assertEquals(50.0 / 600, CpuTimes.stealFraction(before, after), 1e-12);
    }

    @Test
    void withoutProcStatOrItsStealFieldTheFractionIsNaN() {
        assertEquals(Optional.empty(), CpuTimes.parse(""));
        assertEquals(Optional.empty(), CpuTimes.parse("intr 1 2 3\n"));
        // Kernels before 2.6.11 had no steal field.
        assertEquals(Optional.empty(), CpuTimes.parse("cpu  1 2 3 4 5 6 7\n"));
        Optional<CpuTimes> some = CpuTimes.parse(PROC_STAT);
        assertTrue(Double.isNaN(CpuTimes.stealFraction(Optional.empty(), some)));
        assertTrue(Double.isNaN(CpuTimes.stealFraction(some, Optional.empty())));
        assertTrue(Double.isNaN(CpuTimes.stealFraction(some, some)), "no time passed");
    }

    @Test
    void readsThisMachinesProcStatWhereThereIsOne() {
        Optional<CpuTimes> now = CpuTimes.read();
        if (System.getProperty("os.name").startsWith("Linux")) {
            assertTrue(now.isPresent() && now.get().total() > 0 && now.get().steal() >= 0, now.toString());
        } else {
            assertEquals(Optional.empty(), now);
        }
    }
}
