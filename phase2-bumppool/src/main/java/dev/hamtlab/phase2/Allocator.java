package dev.hamtlab.phase2;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The children pool of one map: bitmap nodes' children live in slices carved from large
 * pre-allocated chunks by an O(1) bump of {@code top}. Slices are never freed one by one: a slice
 * left behind when a node grows or shrinks is abandoned (cleared, so it pins no garbage) and the
 * whole pool is dropped with the map, or emptied at once by {@code clear()}. When the chunk
 * cannot fit a slice the {@link Fallback} decides. Collision nodes keep phase 1's plain exact
 * arrays: they are rare, and the idea is about the hot path.
 *
 * <p>{@link #carve} hands the slice straight to the node that will hold it, so nothing of one carve
 * waits in a shared field for the caller to pick up before the next carve overwrites it.
 *
 * <p>Counting is on only when the JVM runs with {@code -Dhamtlab.stats=true}. The flag is a
 * static final, so with it off the JIT folds the counting away and benchmarks pay nothing.
 */
final class Allocator {
    static final boolean COUNTING = Boolean.getBoolean("hamtlab.stats");
    /** 64K slots a chunk, as the seed's ChildrenPool pre-allocated. */
    static final int DEFAULT_CHUNK_SLOTS = 1 << 16;

    private final int chunkSlots;
    private final Fallback fallback;
    private Object[] chunk;
    private int top;

    private long nodesAllocated;
    private long leavesAllocated;
    private long arraysAllocated;
    private long slotsAllocated;
    private long chunksAllocated;
    private long slicesCarved;
    private long slotsCarved;
    private long fallbacks;
    private long slotsAbandoned;
    private long chunkTailSlotsWasted;
    private long liveSlots;

    Allocator(int chunkSlots, Fallback fallback) {
        this.chunkSlots = chunkSlots;
        this.fallback = fallback;
        this.chunk = newChunk();
    }

    /** A plain exactly-sized array (collision nodes). */
    Object[] allocate(int slots) {
        if (COUNTING) {
            arraysAllocated++;
            slotsAllocated += slots;
        }
        return new Object[slots];
    }

    /** Carves a slice of {@code slots} slots and moves {@code node} onto it. */
    void carve(BitmapNode<?, ?> node, int slots) {
        if (COUNTING) {
            liveSlots += slots;
        }
        if (top + slots > chunk.length) {
            if (COUNTING) {
                fallbacks++;
            }
            if (fallback == Fallback.NEW_ARRAY) {
                node.moveTo(allocate(slots), 0);
                return;
            }
            if (COUNTING) {
                chunkTailSlotsWasted += chunk.length - top;
            }
            chunk = newChunk();
            top = 0;
        }
        node.moveTo(chunk, top);
        top += slots;
        if (COUNTING) {
            slicesCarved++;
            slotsCarved += slots;
        }
    }

    /** Leaves a slice behind: cleared, never reused. */
    void abandon(Object[] slab, int offset, int slots) {
        Arrays.fill(slab, offset, offset + slots, null);
        if (COUNTING) {
            slotsAbandoned += slots;
            liveSlots -= slots;
        }
    }

    /** Frees every slice at once: the current chunk is emptied and bumped from the start again. */
    void clear() {
        Arrays.fill(chunk, 0, top, null);
        top = 0;
        if (COUNTING) {
            liveSlots = 0;
        }
    }

    /** The leaf of a key added: the map's entry, the one object every phase allocates per key. */
    <K, V> Leaf<K, V> leaf(K key, V value) {
        if (COUNTING) {
            leavesAllocated++;
        }
        return new Leaf<>(key, value);
    }

    /** Adds the arrays the pool itself keeps reachable: the current chunk. */
    void addHeldSlabs(Set<Object[]> slabs) {
        slabs.add(chunk);
    }

    void countNode() {
        if (COUNTING) {
            nodesAllocated++;
        }
    }

    private Object[] newChunk() {
        if (COUNTING) {
            chunksAllocated++;
        }
        return new Object[chunkSlots];
    }

    Map<String, Long> stats() {
        if (!COUNTING) {
            throw new IllegalStateException("allocation counting is off: run the JVM with -Dhamtlab.stats=true");
        }
        Map<String, Long> stats = new LinkedHashMap<>();
        stats.put("nodesAllocated", nodesAllocated);
        stats.put("leavesAllocated", leavesAllocated);
        stats.put("arraysAllocated", arraysAllocated);
        stats.put("slotsAllocated", slotsAllocated);
        stats.put("chunksAllocated", chunksAllocated);
        stats.put("slicesCarved", slicesCarved);
        stats.put("slotsCarved", slotsCarved);
        stats.put("fallbacks", fallbacks);
        stats.put("slotsAbandoned", slotsAbandoned);
        stats.put("chunkTailSlotsWasted", chunkTailSlotsWasted);
        stats.put("liveSlots", liveSlots);
        return stats;
    }
}
