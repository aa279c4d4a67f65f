package dev.hamtlab.phase4.hotpath;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The children pool of one map, with freelists: bitmap nodes' children live in slices carved from
 * large pre-allocated chunks. A slice left behind when a node grows or shrinks is cleared (so it
 * pins no garbage) and pushed on the freelist of its size; carving pops a slice of the wanted size
 * when there is one and bumps {@code top} only when there is none. Bitmap nodes dropped by removal
 * wait on a node freelist for the next split. {@code clear()} empties the pool and the freelists
 * at once. When the chunk cannot fit a slice the {@link Fallback} decides. Collision nodes keep
 * phase 1's plain exact arrays: they are rare, and the idea is about the hot path.
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
    /** {@code freeSlices[n]} holds abandoned slices of n slots. */
    private final Freelist[] freeSlices = new Freelist[Hashing.BRANCHING + 1];
    private final ArrayDeque<BitmapNode<?, ?>> freeNodes = new ArrayDeque<>();

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
    private long slicesReused;
    private long slotsReused;
    private long slotsInFreelists;
    private long nodesReused;

    Allocator(int chunkSlots, Fallback fallback) {
        this.chunkSlots = chunkSlots;
        this.fallback = fallback;
        this.chunk = newChunk();
        for (int slots = 0; slots < freeSlices.length; slots++) {
            freeSlices[slots] = new Freelist();
        }
    }

    /** A plain exactly-sized array (collision nodes). */
    Object[] allocate(int slots) {
        if (COUNTING) {
            arraysAllocated++;
            slotsAllocated += slots;
        }
        return new Object[slots];
    }

    /** Carves a slice of {@code slots} slots, a recycled one if any, and moves {@code node} onto it. */
    void carve(BitmapNode<?, ?> node, int slots) {
        if (COUNTING) {
            liveSlots += slots;
        }
        Freelist free = freeSlices[slots];
        if (!free.isEmpty()) {
            if (COUNTING) {
                slicesReused++;
                slotsReused += slots;
                slotsInFreelists -= slots;
            }
            Object[] slab = free.peekSlab();
            node.moveTo(slab, free.pop());
            return;
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

    /** Leaves a slice behind: cleared and pushed on the freelist of its size. */
    void abandon(Object[] slab, int offset, int slots) {
        if (slots == 0) {
            return;
        }
        Arrays.fill(slab, offset, offset + slots, null);
        freeSlices[slots].push(slab, offset);
        if (COUNTING) {
            slotsAbandoned += slots;
            liveSlots -= slots;
            slotsInFreelists += slots;
        }
    }

    /** Keeps a bitmap node that removal dropped from the trie, for the next split. */
    void recycle(BitmapNode<?, ?> node) {
        freeNodes.push(node);
    }

    /** A node {@link #recycle}d earlier, or null when there is none. */
    @SuppressWarnings("unchecked")
    <K, V> BitmapNode<K, V> reuseNode() {
        BitmapNode<K, V> node = (BitmapNode<K, V>) freeNodes.poll();
        if (COUNTING && node != null) {
            nodesReused++;
        }
        return node;
    }

    /** Frees every slice and node at once: the current chunk is emptied and bumped from the start again. */
    void clear() {
        Arrays.fill(chunk, 0, top, null);
        top = 0;
        for (Freelist free : freeSlices) {
            free.clear();
        }
        freeNodes.clear();
        if (COUNTING) {
            liveSlots = 0;
            slotsInFreelists = 0;
        }
    }

    /** The leaf of a key added: the map's entry, the one object every phase allocates per key. */
    <K, V> Leaf<K, V> leaf(K key, int hash, V value) {
        if (COUNTING) {
            leavesAllocated++;
        }
        return new Leaf<>(key, hash, value);
    }

    /**
     * Checks the freelists against what the walk of the trie met: every free slice is cleared and
     * shares no slot with a live slice or another free one, and no recycled node is reachable or
     * waits twice.
     */
    void verify(PoolAudit audit) {
        for (int slots = 1; slots < freeSlices.length; slots++) {
            Freelist free = freeSlices[slots];
            for (int i = 0; i < free.size(); i++) {
                Object[] slab = free.slab(i);
                int offset = free.offset(i);
                for (int slot = offset; slot < offset + slots; slot++) {
                    Node.check(slab[slot] == null,
                            "a free slice of " + slots + " slots holds " + slab[slot] + " at slot " + slot);
                }
                audit.claim(slab, offset, slots, "a free slice of " + slots + " slots at " + offset);
            }
        }
        Set<BitmapNode<?, ?>> waiting = Collections.newSetFromMap(new IdentityHashMap<>());
        for (BitmapNode<?, ?> node : freeNodes) {
            Node.check(!audit.wasReached(node), "a recycled node is reachable from the root");
            Node.check(waiting.add(node), "a node waits twice on the node freelist");
        }
    }

    /** Adds the arrays the pool itself keeps reachable: the current chunk, and every array a free slice lies in. */
    void addHeldSlabs(Set<Object[]> slabs) {
        slabs.add(chunk);
        for (Freelist free : freeSlices) {
            for (int i = 0; i < free.size(); i++) {
                slabs.add(free.slab(i));
            }
        }
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
        stats.put("slicesReused", slicesReused);
        stats.put("slotsReused", slotsReused);
        stats.put("slotsInFreelists", slotsInFreelists);
        stats.put("nodesReused", nodesReused);
        stats.put("nodesInFreelist", (long) freeNodes.size());
        return stats;
    }
}
