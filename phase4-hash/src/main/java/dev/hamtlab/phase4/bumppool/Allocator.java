package dev.hamtlab.phase4.bumppool;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The pool of one map, phase 2's bump pool: bitmap nodes' contents and hashes live in slices
 * carved from large pre-allocated chunks, one of references and one of ints, by an O(1) bump of a
 * top. Slices are never freed one by one: a slice left behind when a node changes is abandoned
 * (the references cleared, so it pins no garbage), and the whole pool is dropped with the map, or
 * emptied at once by {@code clear()}. When a chunk cannot fit a slice, a new chunk is allocated
 * and the old one's tail is wasted. The directory, collision nodes and buckets keep phase 1's
 * plain allocation: they are few, or they are objects rather than arrays.
 *
 * <p>Counting is on only when the JVM runs with {@code -Dhamtlab.stats=true}. The flag is a
 * static final, so with it off the JIT folds the counting away and benchmarks pay nothing.
 */
final class Allocator {
    static final boolean COUNTING = Boolean.getBoolean("hamtlab.stats");
    /** 64K slots a chunk of references, as phase 2's pool. */
    static final int DEFAULT_CHUNK_SLOTS = 1 << 16;
    /** The smallest chunk: one full node's content, 32 entries of two slots. */
    static final int MIN_CHUNK_SLOTS = 2 * Hashing.BRANCHING;

    private final int chunkSlots;
    private Object[] chunk;
    private int top;
    /** The chunk of hashes, half as long: a node holds one hash for every two slots of an entry. */
    private int[] hashChunk;
    private int hashTop;

    private long nodesAllocated;
    private long bucketsAllocated;
    private long leavesAllocated;
    private long arraysAllocated;
    private long slotsAllocated;
    private long hashArraysAllocated;
    private long hashSlotsAllocated;
    private long chunksAllocated;
    private long slicesCarved;
    private long slotsCarved;
    private long slotsAbandoned;
    private long chunkTailSlotsWasted;
    private long liveSlots;

    Allocator(int chunkSlots) {
        if (chunkSlots < MIN_CHUNK_SLOTS) {
            throw new IllegalArgumentException("a chunk holds one full node's "
                    + MIN_CHUNK_SLOTS + " slots or more, not "
                    + chunkSlots);
        }
        this.chunkSlots = chunkSlots;
        this.chunk = newChunk();
        this.hashChunk = newHashChunk();
    }

    /** A plain exactly-sized array (the directory, collision nodes). */
    Object[] allocate(int slots) {
        if (COUNTING) {
            arraysAllocated++;
            slotsAllocated += slots;
        }
        return new Object[slots];
    }

    /** A plain exactly-sized array of hashes (the directory's). */
    int[] allocateHashes(int count) {
        if (COUNTING) {
            hashArraysAllocated++;
            hashSlotsAllocated += count;
        }
        return new int[count];
    }

    /** Carves a slice of {@code slots} content slots and one of {@code hashes} hashes, and moves {@code node} onto them. */
    void carve(BitmapNode<?, ?> node, int slots, int hashes) {
        if (top + slots > chunk.length) {
            if (COUNTING) {
                chunkTailSlotsWasted += chunk.length - top;
            }
            chunk = newChunk();
            top = 0;
        }
        if (hashTop + hashes > hashChunk.length) {
            if (COUNTING) {
                chunkTailSlotsWasted += hashChunk.length - hashTop;
            }
            hashChunk = newHashChunk();
            hashTop = 0;
        }
        node.moveTo(chunk, top, slots, hashChunk, hashTop);
        top += slots;
        hashTop += hashes;
        if (COUNTING) {
            slicesCarved += 2;
            slotsCarved += slots + hashes;
            liveSlots += slots + hashes;
        }
    }

    /** Leaves a node's slices behind: the references cleared, never reused. */
    void abandon(Object[] slab, int offset, int slots, int hashes) {
        Arrays.fill(slab, offset, offset + slots, null);
        if (COUNTING) {
            slotsAbandoned += slots + hashes;
            liveSlots -= slots + hashes;
        }
    }

    /** Frees every slice at once: the current chunks are emptied and bumped from the start again. */
    void clear() {
        Arrays.fill(chunk, 0, top, null);
        top = 0;
        hashTop = 0;
        if (COUNTING) {
            liveSlots = 0;
        }
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

    /** Adds the arrays the pool itself keeps reachable: the current chunks. */
    void addHeldSlabs(Set<Object> slabs) {
        slabs.add(chunk);
        slabs.add(hashChunk);
    }

    private Object[] newChunk() {
        if (COUNTING) {
            chunksAllocated++;
        }
        return new Object[chunkSlots];
    }

    private int[] newHashChunk() {
        if (COUNTING) {
            chunksAllocated++;
        }
        return new int[chunkSlots / 2];
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
        stats.put("chunksAllocated", chunksAllocated);
        stats.put("slicesCarved", slicesCarved);
        stats.put("slotsCarved", slotsCarved);
        stats.put("slotsAbandoned", slotsAbandoned);
        stats.put("chunkTailSlotsWasted", chunkTailSlotsWasted);
        stats.put("liveSlots", liveSlots);
        return stats;
    }
}
