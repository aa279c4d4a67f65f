package dev.hamtlab.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * What each phase's allocation strategy does, counted exactly on small tries whose shape is known,
 * and the promise of every phase that a lookup or an update of a present key allocates nothing.
 * Integer keys 0..31 hash to themselves, so they fill the 32 branches of the root.
 */
class AllocationStatsTest {

    private static final int ROOT_BRANCHES = 32;

    @Test
    void phase0GrowsItsListsByDoublingAndNeverShrinks() {
        dev.hamtlab.phase0.Hamt<Integer, Integer> map = new dev.hamtlab.phase0.Hamt<>();
        fillRoot(map);
        // capacity 2, 4, 8, 16, 32: five arrays, 62 slots
        assertEquals(Map.of("nodesAllocated", 0L, "leavesAllocated", 32L, "arraysAllocated", 5L, "slotsAllocated", 62L),
                map.stats());
        emptyRoot(map);
        assertEquals(Map.of("nodesAllocated", 0L, "leavesAllocated", 32L, "arraysAllocated", 5L, "slotsAllocated", 62L),
                map.stats());
    }

    @Test
    void phase1AllocatesOneExactArrayPerChildAddedOrRemoved() {
        dev.hamtlab.phase1.Hamt<Integer, Integer> map = new dev.hamtlab.phase1.Hamt<>();
        fillRoot(map);
        // arrays of 1, 2, ... 32 slots
        assertEquals(Map.of("nodesAllocated", 0L, "leavesAllocated", 32L, "arraysAllocated",
                32L, "slotsAllocated", 528L),
                map.stats());
        emptyRoot(map);
        // then of 31, 30, ... 0 slots
        assertEquals(Map.of("nodesAllocated", 0L, "leavesAllocated", 32L, "arraysAllocated", 64L,
                "slotsAllocated", 1024L),
                map.stats());
    }

    @Test
    void aSplitAllocatesOneNodeAndItsArray() {
        // 0 and 32 share branch 0 at the root and part at the next level
        dev.hamtlab.phase0.Hamt<Integer, Integer> phase0 = new dev.hamtlab.phase0.Hamt<>();
        phase0.put(0, 0);
        phase0.put(32, 32);
        assertEquals(Map.of("nodesAllocated", 1L, "leavesAllocated", 2L, "arraysAllocated", 2L, "slotsAllocated", 4L),
                phase0.stats());

        dev.hamtlab.phase1.Hamt<Integer, Integer> phase1 = new dev.hamtlab.phase1.Hamt<>();
        phase1.put(0, 0);
        phase1.put(32, 32);
        assertEquals(Map.of("nodesAllocated", 1L, "leavesAllocated", 2L, "arraysAllocated", 2L, "slotsAllocated", 3L),
                phase1.stats());
    }

    @Test
    void phase2CarvesEverySliceFromItsChunkAndAbandonsTheOldOne() {
        dev.hamtlab.phase2.Hamt<Integer, Integer> map = new dev.hamtlab.phase2.Hamt<>();
        fillRoot(map);
        emptyRoot(map);
        fillRoot(map);
        Map<String, Long> stats = map.stats();
        // slices of 1..32, then 31..0, then 1..32 slots, all bumped from the one chunk
        assertEquals(1, stats.get("chunksAllocated"));
        assertEquals(1552, stats.get("slotsCarved"));
        assertEquals(1520, stats.get("slotsAbandoned"));
        assertEquals(32, stats.get("liveSlots"));
        assertEquals(0, stats.get("fallbacks"));
        assertEquals(0, stats.get("arraysAllocated"));
        // a leaf per key added, both fills
        assertEquals(64, stats.get("leavesAllocated"));
    }

    @Test
    void phase2RemovalAbandonsTheSliceOfACollapsedNode() {
        // 0 and 32 share branch 0 at the root: removing 32 collapses their node into a leaf
        dev.hamtlab.phase2.Hamt<Integer, Integer> map = new dev.hamtlab.phase2.Hamt<>();
        map.put(0, 0);
        map.put(32, 32);
        map.remove(32);
        Map<String, Long> stats = map.stats();
        // the root's slice of 1 holds the leaf; the collapsed node's slices of 2 and 1 are abandoned
        assertEquals(1, stats.get("liveSlots"), stats.toString());
        map.remove(0);
        assertEquals(0, map.stats().get("liveSlots"), map.stats().toString());
    }

    @Test
    void phase3CarvesAgainFromItsFreelists() {
        dev.hamtlab.phase3.Hamt<Integer, Integer> map = new dev.hamtlab.phase3.Hamt<>();
        fillRoot(map);
        emptyRoot(map);
        fillRoot(map);
        Map<String, Long> stats = map.stats();
        // only the first fill bumps (1..32 slots); emptying reuses 31..1, the second fill 1..32
        assertEquals(1, stats.get("chunksAllocated"));
        assertEquals(528, stats.get("slotsCarved"));
        assertEquals(63, stats.get("slicesReused"));
        assertEquals(1024, stats.get("slotsReused"));
        assertEquals(32, stats.get("liveSlots"));
        // what waits: one slice of each size 1..31, left by the second fill
        assertEquals(496, stats.get("slotsInFreelists"));
        // leaves are not recycled: the map hands them out as its entries
        assertEquals(64, stats.get("leavesAllocated"));
    }

    /**
     * The retention phase 3 chose: its freelists never give memory back, so a map emptied by
     * removals keeps every slot it ever bumped, waiting in its freelists, until clear().
     */
    @Test
    void phase3KeepsItsWholePoolWhenRemovalsEmptyIt() {
        dev.hamtlab.phase3.Hamt<Integer, Integer> map = new dev.hamtlab.phase3.Hamt<>();
        int count = 10_000;
        for (int key = 0; key < count; key++) {
            map.put(key * 7_919, key);
        }
        long chunks = map.stats().get("chunksAllocated");
        for (int key = 0; key < count; key++) {
            map.remove(key * 7_919);
        }
        Map<String, Long> stats = map.stats();
        assertEquals(0, stats.get("liveSlots"), stats.toString());
        assertEquals(stats.get("slotsCarved"), stats.get("slotsInFreelists"), stats.toString());
        assertEquals(chunks, stats.get("chunksAllocated"));
        map.clear();
        assertEquals(0, map.stats().get("slotsInFreelists"));
    }

    @Test
    void phase3ReusesTheNodesRemovalCollapses() {
        dev.hamtlab.phase3.Hamt<Integer, Integer> map = new dev.hamtlab.phase3.Hamt<>();
        // 0 and 32 share branch 0 at the root: a split makes a node, removing 32 collapses it
        map.put(0, 0);
        map.put(32, 32);
        map.remove(32);
        assertEquals(1, map.stats().get("nodesInFreelist"));
        map.put(64, 64);
        assertEquals(Map.of("nodesAllocated", 1L, "nodesReused", 1L, "nodesInFreelist", 0L),
                select(map.stats(), "nodesAllocated", "nodesReused", "nodesInFreelist"));
        assertEquals(Map.of(0, 0, 64, 64), new java.util.HashMap<>(map));
    }

    @Test
    void aFullChunkFallsBackToPlainArraysOrToANewChunk() {
        // A 32-slot chunk fits slices of 1..7 slots (28 in all); the 25 slices of 8..32 fall back.
        dev.hamtlab.phase2.Hamt<Integer,
                Integer> arrays = new dev.hamtlab.phase2.Hamt<>(32, dev.hamtlab.phase2.Fallback.NEW_ARRAY);
        fillRoot(arrays);
        assertEquals(Map.of("chunksAllocated", 1L, "fallbacks", 25L, "arraysAllocated", 25L),
                select(arrays.stats(), "chunksAllocated", "fallbacks", "arraysAllocated"));

        dev.hamtlab.phase2.Hamt<Integer,
                Integer> chunks = new dev.hamtlab.phase2.Hamt<>(32, dev.hamtlab.phase2.Fallback.NEW_CHUNK);
        fillRoot(chunks);
        Map<String, Long> stats = chunks.stats();
        assertEquals(0, stats.get("arraysAllocated"));
        assertEquals(528, stats.get("slotsCarved"));
        assertEquals(stats.get("fallbacks") + 1, stats.get("chunksAllocated"));
        // every chunk but the last is carved to its end or wastes its tail; the last one is in use
        long used = stats.get("slotsCarved") + stats.get("chunkTailSlotsWasted");
        long chunkCount = stats.get("chunksAllocated");
        assertTrue(used > 32 * (chunkCount - 1) && used <= 32 * chunkCount, stats.toString());
    }

    @ParameterizedTest
    @FieldSource("dev.hamtlab.contract.Phases#ALL")
    void lookupsAndUpdatesOfPresentKeysAllocateNothing(Subject phase) {
        Map<Object, Object> map = phase.newMap();
        Integer[] keys = IntStream.range(0, 10_000).map(i -> i * 0x9E3779B9).boxed().toArray(Integer[]::new);
        for (Integer key : keys) {
            map.put(key, key);
        }
        Integer value = 7;
        double getBytes = bytesPerCall(keys, map::get);
        double updateBytes = bytesPerCall(keys, key -> map.put(key, value));
        // a single boxed Integer or node per call would be 16 bytes or more
        assertTrue(getBytes < 1, phase + " get allocates " + getBytes + " bytes per call");
        assertTrue(updateBytes < 1, phase + " update allocates " + updateBytes + " bytes per call");
    }

    @ParameterizedTest
    @FieldSource("dev.hamtlab.contract.Phases#ALL")
    void verifyInvariantsCatchesACorruptBitmap(Subject phase) throws ReflectiveOperationException {
        Map<Object, Object> map = phase.newMap();
        fillRoot(map);
        phase.verifyInvariants(map);
        if (Arrays.stream(map.getClass().getDeclaredFields()).anyMatch(f -> f.getName().equals("directory"))) {
            corruptTheDirectory(Internals.get(map, "directory"));
        } else {
            corruptTheRootsBitmap(Internals.get(map, "root"));
        }
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> phase.verifyInvariants(map));
        assertTrue(e.getMessage().startsWith("broken invariant"), e.getMessage());
    }

    private static void corruptTheRootsBitmap(Object root) throws ReflectiveOperationException {
        // phase 4's nodes keep two bitmaps, CHAMP's: the one of the leaves is corrupted there
        boolean twoBitmaps = Arrays.stream(root.getClass().getDeclaredFields())
                .anyMatch(f -> f.getName().equals("dataMap"));
        Field bitmap = Internals.field(root, twoBitmaps ? "dataMap" : "bitmap");
        int bits = bitmap.getInt(root);
        assertTrue(bits != 0, "the root holds leaves");
        bitmap.setInt(root, bits & (bits - 1));
    }

    /** A flat root has no bitmap: the hash it caches for the entry of its first slot that holds one is corrupted. */
    private static void corruptTheDirectory(Object directory) throws ReflectiveOperationException {
        Object[] slots = (Object[]) Internals.get(directory, "slots");
        int[] hashes = (int[]) Internals.get(directory, "hashes");
        int slot = IntStream.range(0, hashes.length).filter(s -> slots[2 * s + 1] != null).findFirst().orElseThrow();
        hashes[slot] ^= 1 << 31;
    }

    private static Map<String, Long> select(Map<String, Long> stats, String... names) {
        Map<String, Long> selected = new java.util.HashMap<>();
        for (String name : names) {
            selected.put(name, stats.get(name));
        }
        return selected;
    }

    private static void fillRoot(Map<? super Integer, ? super Integer> map) {
        for (int key = 0; key < ROOT_BRANCHES; key++) {
            map.put(key, key);
        }
    }

    private static void emptyRoot(Map<? super Integer, ?> map) {
        for (int key = 0; key < ROOT_BRANCHES; key++) {
            map.remove(key);
        }
        assertTrue(map.isEmpty());
    }

    /** Bytes this thread allocates per call of {@code call}, over warmed-up passes over the keys. */
    private static double bytesPerCall(Integer[] keys, Consumer<Integer> call) {
        int passes = 20;
        Runnable allPasses = () -> {
            for (int pass = 0; pass < passes; pass++) {
                for (Integer key : keys) {
                    call.accept(key);
                }
            }
        };
        allPasses.run();
        return Allocation.bytesAllocatedBy(allPasses) / (double) (passes * keys.length);
    }
}
