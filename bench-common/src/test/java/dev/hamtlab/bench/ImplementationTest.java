package dev.hamtlab.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hamtlab.bench.peers.MeasuredMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** What each implementation is compared with, and what its stats() say. */
class ImplementationTest {

    @Test
    void eachPhaseIsComparedWithWhatItWasBuiltFrom() {
        assertEquals(Optional.empty(), Implementation.PHASE0.before());
        assertEquals(Optional.of(Implementation.PHASE0), Implementation.PHASE1.before());
        assertEquals(Optional.of(Implementation.PHASE1), Implementation.PHASE2.before());
        assertEquals(Optional.of(Implementation.PHASE2), Implementation.PHASE2_NEWARRAY.before());
        assertEquals(Optional.of(Implementation.PHASE2), Implementation.PHASE3.before());
        assertEquals(Optional.of(Implementation.PHASE3), Implementation.PHASE4_CACHED_HASH.before());
        assertEquals(Optional.of(Implementation.PHASE4_CACHED_HASH), Implementation.PHASE4_SPREAD.before());
        assertEquals(Optional.of(Implementation.PHASE4_SPREAD), Implementation.PHASE4_HOT_PATH.before());
        assertEquals(Optional.of(Implementation.PHASE4_HOT_PATH), Implementation.PHASE4_TWO_BITMAPS.before());
        assertEquals(Optional.of(Implementation.PHASE4_HOT_PATH), Implementation.PHASE4_UNPOOLED.before());
        assertEquals(Optional.of(Implementation.PHASE4_UNPOOLED), Implementation.PHASE4_INLINED.before());
        assertEquals(Optional.of(Implementation.PHASE4_INLINED), Implementation.PHASE4_SPECIALISED.before());
        assertEquals(Optional.of(Implementation.PHASE4_SPECIALISED), Implementation.PHASE4.before());
        assertEquals(Optional.of(Implementation.PHASE4), Implementation.PHASE4_BUMP_POOL.before());
        assertEquals(Optional.of(Implementation.PHASE4_BUMP_POOL), Implementation.PHASE4_RECYCLING.before());
        assertEquals(Optional.empty(), Implementation.HASHMAP.before());
    }

    @Test
    void phase4IsAlsoComparedWholeWithThePhaseBeforeItsModule() {
        assertEquals(Optional.of(Implementation.PHASE3), Implementation.PHASE4.phaseBefore());
        for (Implementation other : List.of(Implementation.PHASE0, Implementation.PHASE1, Implementation.PHASE2,
                Implementation.PHASE2_NEWARRAY, Implementation.PHASE3, Implementation.PHASE4_SPREAD,
                Implementation.PHASE4_UNPOOLED, Implementation.INT_HAMT, Implementation.HASHMAP)) {
            assertEquals(Optional.empty(), other.phaseBefore(), other.cliName());
        }
    }

    @Test
    void aRunComparesEachPhaseWithTheNearestEarlierOneItMeasured() {
        List<Implementation> phases = List.of(Implementation.PHASE3, Implementation.PHASE4);
        assertEquals(Optional.of(Implementation.PHASE3), Implementation.PHASE4.beforeAmong(phases));
        assertEquals(Optional.of(Implementation.PHASE4_SPREAD),
                Implementation.PHASE4.beforeAmong(List.of(Implementation.PHASE3,
                Implementation.PHASE4_SPREAD, Implementation.PHASE4)));
        assertEquals(Optional.of(Implementation.PHASE3),
                Implementation.PHASE4_UNPOOLED.beforeAmong(List.of(Implementation.PHASE3,
                Implementation.PHASE4_UNPOOLED, Implementation.PHASE4)));
        assertEquals(Optional.of(Implementation.PHASE4_UNPOOLED),
                Implementation.PHASE4.beforeAmong(List.of(Implementation.PHASE3,
                Implementation.PHASE4_UNPOOLED, Implementation.PHASE4)));
        assertEquals(Optional.empty(), Implementation.PHASE3.beforeAmong(phases));
        assertEquals(Optional.empty(), Implementation.PHASE4.beforeAmong(List.of(Implementation.PHASE4)));
    }

    @Test
    void bothPhase2FallbacksLiveInOneModule() {
        assertEquals(Optional.of("phase2-bumppool"), Implementation.PHASE2.module());
        assertEquals(Optional.of("phase2-bumppool"), Implementation.PHASE2_NEWARRAY.module());
        assertFalse(Implementation.HASHMAP.isPhase());
    }

    @ParameterizedTest
    @EnumSource(Implementation.class)
    void phasesCountWhatTheyAllocateAndPeersNothing(Implementation implementation) {
        MeasuredMap map = implementation.create();
        map.put(1, 1);
        Map<String, Long> stats = implementation.stats(map);
        assertEquals(implementation.hasCounters(), !stats.isEmpty(), stats.toString());
        // The IntHamts are phases without a pool to count.
        assertEquals(implementation.isPhase() && !implementation.intKeys(), implementation.hasCounters());
    }

    @Test
    void theIntMapsAreTimedWithIntKeysAndIntHamtAgainstFastutilsIntMap() {
        assertEquals(IntMapBenchmark.class, Implementation.INT_HAMT.benchmarkClass());
        assertEquals(IntMapBenchmark.class, Implementation.FASTUTIL_INT.benchmarkClass());
        assertEquals(MapBenchmark.class, Implementation.PHASE4.benchmarkClass());
        assertEquals(Optional.of(Implementation.FASTUTIL_INT), Implementation.INT_HAMT_TRIE.before());
        assertEquals(Optional.of(Implementation.INT_HAMT_FLAT), Implementation.INT_HAMT.before());
        assertEquals(Optional.of(Implementation.FASTUTIL_INT),
                Implementation.INT_HAMT.beforeAmong(List.of(Implementation.FASTUTIL_INT, Implementation.INT_HAMT)));
        assertEquals("dev.hamtlab.bench.IntMapBenchmark.queryHit",
                Operation.QUERY_HIT.benchmarkName(Implementation.INT_HAMT));
        assertEquals("hamtlab phase4-hash", Implementation.INT_HAMT.library());
        assertTrue(Implementation.FASTUTIL_INT.library().matches("it\\.unimi\\.dsi:fastutil:\\d+\\.\\d+\\.\\d+"),
                Implementation.FASTUTIL_INT.library());
    }

    @Test
    void phase2VariantsDifferOnlyInTheirFallback() {
        // 100K keys carve more slots than a 65,536-slot chunk holds, so both fall back.
        Map<String, Long> newChunk = statsAfterInserting(Implementation.PHASE2, 100_000);
        Map<String, Long> newArray = statsAfterInserting(Implementation.PHASE2_NEWARRAY, 100_000);
        assertTrue(newChunk.get("fallbacks") > 0 && newArray.get("fallbacks") > 0, newChunk + " " + newArray);
        assertEquals(newChunk.get("fallbacks") + 1, newChunk.get("chunksAllocated"), newChunk.toString());
        assertEquals(0, newChunk.get("arraysAllocated"), newChunk.toString());
        assertEquals(1, newArray.get("chunksAllocated"), newArray.toString());
        assertEquals(newArray.get("fallbacks"), newArray.get("arraysAllocated"), newArray.toString());
    }

    private static Map<String, Long> statsAfterInserting(Implementation implementation, int count) {
        MeasuredMap map = implementation.create();
        for (Object key : Keys.of(KeyPattern.RANDOM, count).insertOrder()) {
            map.put(key, key);
        }
        return implementation.stats(map);
    }
}
