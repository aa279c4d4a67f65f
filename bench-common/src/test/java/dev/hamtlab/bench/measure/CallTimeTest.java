package dev.hamtlab.bench.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hamtlab.bench.Implementation;
import dev.hamtlab.bench.KeyPattern;
import dev.hamtlab.bench.Operation;
import dev.hamtlab.bench.Platform;
import dev.hamtlab.bench.Size;
import org.junit.jupiter.api.Test;

class CallTimeTest {

    @Test
    void everyOperationsCallIsTimed() {
        for (Operation operation : Operation.values()) {
            double nanos = CallTime.fastestCallNanos(operation, Implementation.PHASE1, KeyPattern.RANDOM, Size.ONE_K);
            assertTrue(nanos > 0 && nanos < 1e9, operation.cliName() + ": " + nanos);
        }
    }

    @Test
    void iterationsAreTenCallsWithTheMarginInWhole100MsAndAtLeastASecond() {
        assertEquals(1_000, CallTime.iterationMillis(0));
        assertEquals(1_000, CallTime.iterationMillis(80e6));
        // 10 calls x 1.2 x 400 ms = 4.8 s; 10 x 1.2 x 410 ms = 4.92 s, rounded up to 5 s.
        assertEquals(4_800, CallTime.iterationMillis(400e6));
        assertEquals(5_000, CallTime.iterationMillis(410e6));
        assertEquals(5_000, CallTime.iterationMillis(410e6, Platform.G1));
    }

    /** Epsilon never collects: no collection to spread over ten calls, and a heap that ten fast calls a second would outgrow. */
    @Test
    void aPlatformThatNeverCollectsHasTheShortestIterations() {
        assertEquals(1_000, CallTime.iterationMillis(410e6, Platform.EPSILON));
        assertTrue(Platform.G1.collects() && Platform.PARALLEL.collects() && Platform.ZGC.collects()
                && !Platform.EPSILON.collects());
    }
}
