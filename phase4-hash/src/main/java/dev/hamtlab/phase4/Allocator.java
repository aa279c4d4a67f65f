package dev.hamtlab.phase4;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Every array and node of one map is made here, so the allocation strategy of the phase lives in
 * one place and can be counted. A bitmap node's content (keys, values and subnodes) and its hashes
 * are two arrays; a bucket is one object; a leaf is made only for a key that goes into a collision
 * node.
 *
 * <p>Counting is on only when the JVM runs with {@code -Dhamtlab.stats=true}. The flag is a
 * static final, so with it off the JIT folds the counting away and benchmarks pay nothing.
 */
final class Allocator {
    static final boolean COUNTING = Boolean.getBoolean("hamtlab.stats");

    private long nodesAllocated;
    private long bucketsAllocated;
    private long leavesAllocated;
    private long arraysAllocated;
    private long slotsAllocated;
    private long hashArraysAllocated;
    private long hashSlotsAllocated;

    Object[] allocate(int slots) {
        if (COUNTING) {
            arraysAllocated++;
            slotsAllocated += slots;
        }
        return new Object[slots];
    }

    int[] allocateHashes(int count) {
        if (COUNTING) {
            hashArraysAllocated++;
            hashSlotsAllocated += count;
        }
        return new int[count];
    }

    /** The leaf of a key that goes into a collision node. */
    <K, V> Leaf<K, V> leaf(K key, int hash, V value) {
        if (COUNTING) {
            leavesAllocated++;
        }
        return new Leaf<>(key, hash, value);
    }

    void countBucket() {
        if (COUNTING) {
            bucketsAllocated++;
        }
    }

    void countNode() {
        if (COUNTING) {
            nodesAllocated++;
        }
    }

    Map<String, Long> stats() {
        if (!COUNTING) {
            throw new IllegalStateException("allocation counting is off: run the JVM with -Dhamtlab.stats=true");
        }
        Map<String, Long> stats = new LinkedHashMap<>();
        stats.put("nodesAllocated", nodesAllocated);
        stats.put("bucketsAllocated", bucketsAllocated);
        stats.put("leavesAllocated", leavesAllocated);
        stats.put("arraysAllocated", arraysAllocated);
        stats.put("slotsAllocated", slotsAllocated);
        stats.put("hashArraysAllocated", hashArraysAllocated);
        stats.put("hashSlotsAllocated", hashSlotsAllocated);
        return stats;
    }
}
