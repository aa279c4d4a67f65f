package dev.hamtlab.bench.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hamtlab.bench.Implementation;
import dev.hamtlab.bench.KeyPattern;
import dev.hamtlab.bench.Operation;
import dev.hamtlab.bench.Size;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The counters the runner records: deterministic, so they are checked exactly or by firm bounds. */
class PoolCountersTest {

    @Test
    void phase1AllocatesAnArrayForEveryInsert() {
        Map<String, Long> insert = counters(Operation.INSERT, Implementation.PHASE1);
        assertTrue(insert.get("arraysAllocated") >= 1_000, insert.toString());
        assertEquals(insert, counters(Operation.INSERT, Implementation.PHASE1), "the same every time");
    }

    @Test
    void insertCountsTheNewMapsOwnChunk() {
        Map<String, Long> insert = counters(Operation.INSERT, Implementation.PHASE2);
        assertEquals(1, insert.get("chunksAllocated"), insert.toString());
        assertEquals(0, insert.get("fallbacks"), insert.toString());
    }

    @ParameterizedTest
    @EnumSource(value = Implementation.class, names = "PHASE.*", mode = EnumSource.Mode.MATCH_ALL)
    void queriesChangeNoCounter(Implementation phase) {
        for (Operation query : new Operation[] {Operation.QUERY_HIT, Operation.QUERY_MISS}) {
            Map<String, Long> change = counters(query, phase);
            assertTrue(!change.isEmpty()
                    && change.values().stream().allMatch(value -> value == 0), query + ": " + change);
        }
    }

    @ParameterizedTest
    @EnumSource(value = Implementation.class, names = {"PHASE2", "PHASE2_NEWARRAY", "PHASE3"})
    void removeIsTheChangeOverTheRemovalAlone(Implementation phase) {
        Map<String, Long> insert = counters(Operation.INSERT, phase);
        Map<String, Long> remove = counters(Operation.REMOVE, phase);
        // emptying the map gives back every live slot the fill left, and needs no new chunk
        assertEquals(-insert.get("liveSlots"), remove.get("liveSlots"), remove.toString());
        assertEquals(0, remove.get("chunksAllocated"), remove.toString());
    }

    @Test
    void churnCarvesInPhase2AndReusesInPhase3() {
        Map<String, Long> phase2 = counters(Operation.CHURN, Implementation.PHASE2);
        Map<String, Long> phase3 = counters(Operation.CHURN, Implementation.PHASE3);
        assertTrue(phase2.get("slotsCarved") >= phase2.get("slotsAbandoned"), phase2.toString());
        assertTrue(phase3.get("slotsReused") > 10 * phase3.get("slotsCarved"), phase3.toString());
    }

    @Test
    void peersHaveNoCounters() {
        assertEquals(Map.of(), counters(Operation.CHURN, Implementation.HASHMAP));
    }

    private static Map<String, Long> counters(Operation operation, Implementation implementation) {
        PoolCounters.Counted counted = PoolCounters.count(operation, implementation, KeyPattern.RANDOM, Size.ONE_K);
        assertEquals(operation.cliName() + " " + implementation.cliName() + " random 1K",
                counted.operation() + " " + counted.implementation() + " " + counted.keys() + " " + counted.size());
        return counted.counters();
    }
}
