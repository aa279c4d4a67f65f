package dev.hamtlab.bench.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The host figures go into the fork log and come back out, and older lines without them read as unwatched. */
class HostWatchTest {

    @Test
    void roundTripsThroughTheForkLogFields() {
        HostWatch watch = new HostWatch(new double[] {2.5, 11.25, 98.125}, new double[] {2.75, 12.5, 101}, 0.0125);
        assertEquals("2.500\t11.250\t98.125\t2.750\t12.500\t101.000\t0.01250", watch.fields());
        assertEquals(watch, HostWatch.parse(Arrays.asList(watch.fields().split("\t", -1))));
        assertEquals(99.5625, watch.canary(HostCanary.WorkingSet.DRAM), 1e-9);
    }

    @Test
    void anUnknownStealIsAnEmptyField() {
        HostWatch watch = new HostWatch(new double[] {2, 10, 100}, new double[] {2, 10, 100}, Double.NaN);
        assertTrue(watch.fields().endsWith("\t100.000\t"), watch.fields());
        HostWatch read = HostWatch.parse(Arrays.asList(watch.fields().split("\t", -1)));
        assertTrue(read.watched() && Double.isNaN(read.stealFraction()), read.toString());
    }

    @Test
    void aLineWithoutHostFieldsIsUnwatched() {
        assertEquals(HostWatch.UNWATCHED, HostWatch.parse(List.of()));
        assertFalse(HostWatch.UNWATCHED.watched());
        assertTrue(Double.isNaN(HostWatch.UNWATCHED.canary(HostCanary.WorkingSet.LLC)));
    }
}
