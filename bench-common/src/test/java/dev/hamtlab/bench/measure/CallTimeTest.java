package dev.hamtlab.bench.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hamtlab.bench.Implementation;
import dev.hamtlab.bench.KeyPattern;
import dev.hamtlab.bench.Operation;
import dev.hamtlab.bench.Size;
import java.util.List;
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
    void iterationsAreTenCallsOfTheSlowestMapWithItsMarginAndAtLeastASecond() {
        // 1K keys: ten calls are far below a second.
        assertEquals(CallTime.SHORTEST_ITERATION_MILLIS, CallTime.iterationMillis(Operation.INSERT, Size.ONE_K,
                KeyPattern.RANDOM, List.of(Implementation.HASHMAP, Implementation.PHASE0)));
        // 2^19 keys: one insert takes tens of milliseconds even warm, so the cell gets more than the shortest, in whole 100 ms.
        int millis = CallTime.iterationMillis(Operation.INSERT, Size.parse("2^19").orElseThrow(), KeyPattern.RANDOM,
                List.of(Implementation.PHASE0));
        double call = CallTime.fastestCallNanos(Operation.INSERT, Implementation.PHASE0, KeyPattern.RANDOM,
                Size.parse("2^19").orElseThrow());
        assertEquals(0, millis % 100);
        assertTrue(millis >= CallTime.SHORTEST_ITERATION_MILLIS, String.valueOf(millis));
        assertTrue(millis * 1e6 >= CallTime.CALLS_PER_ITERATION * call || millis == CallTime.SHORTEST_ITERATION_MILLIS,
                millis + " ms for calls of " + call + " ns");
        // Int maps are not timed: alone, they get the shortest.
        assertEquals(CallTime.SHORTEST_ITERATION_MILLIS, CallTime.iterationMillis(Operation.INSERT, Size.ONE_K,
                KeyPattern.RANDOM, List.of(Implementation.FASTUTIL_INT)));
    }
}
