package dev.hamtlab.phase4.recycling;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The pool of one map, with phase 3's freelists: bitmap nodes' contents and hashes live in slices
 * carved from large pre-allocated chunks, one of references and one of ints. A slice left behind
 * when a node changes is pushed on the freelist of its kind and size (a content slice cleared
 * first, so it pins no garbage); carving pops a slice of the wanted size when there is one and
 * bumps a top only when there is none. Bitmap nodes dropped from the trie wait on a node freelist
 * for the next one made. {@code clear()} empties the pool and the freelists at once. The
 * directory, collision nodes and buckets keep phase 1's plain allocation.
 *
 * <p>Counting is on only when the JVM runs with {@code -Dhamtlab.stats=true}. The flag is a
 * static final, so with it off the JIT folds the counting away and benchmarks pay nothing.
 */
final class Allocator {
    static final boolean COUNTING = Boolean.getBoolean("hamtlab.stats");
    /** 64K slots a chunk of references, as phase 3's pool. */
    static final int DEFAULT_CHUNK_SLOTS = 1 << 16;
    /** The smallest chunk: one full node's content, 32 entries of two slots. */
    static final int MIN_CHUNK_SLOTS = 2 * Hashing.BRANCHING;

    private final int chunkSlots;
    private Object[] chunk;
    private int top;
    /** The chunk of hashes, half as long: a node holds one hash for every two slots of an entry. */
    private int[] hashChunk;
    private int hashTop;
    /** {@code freeSlices[n]} holds abandoned content slices of n slots, {@code freeHashes[n]} hash slices of n. */
    private final Freelist[] freeSlices = new Freelist[MIN_CHUNK_SLOTS + 1];
    private final Freelist[] freeHashes = new Freelist[Hashing.BRANCHING + 1];
    private final ArrayDeque<BitmapNode<?, ?>> freeNodes = new ArrayDeque<>();

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
    private long slicesReused;
    private long slotsReused;
    private long slotsInFreelists;
    private long nodesReused;

    Allocator(int chunkSlots) {
        if (chunkSlots < MIN_CHUNK_SLOTS) {
            throw new IllegalArgumentException("a chunk holds one full node's "
                    + MIN_CHUNK_SLOTS + " slots or more, not "
                    + chunkSlots);
        }
        this.chunkSlots = chunkSlots;
        this.chunk = newChunk();
        this.hashChunk = newHashChunk();
        Arrays.setAll(freeSlices, slots -> new Freelist());
        Arrays.setAll(freeHashes, count -> new Freelist());
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

    /**
     * Carves a slice of {@code slots} content slots and one of {@code hashes} hashes, recycled ones
     * where a freelist has them, and moves {@code node} onto them.
     */
    void carve(BitmapNode<?, ?> node, int slots, int hashes) {
        Object[] slab;
        int offset;
        if (!freeSlices[slots].isEmpty()) {
            slab = (Object[]) freeSlices[slots].peekSlab();
            offset = freeSlices[slots].pop();
            countReused(slots);
        } else {
            if (top + slots > chunk.length) {
                if (COUNTING) {
                    chunkTailSlotsWasted += chunk.length - top;
                }
                chunk = newChunk();
                top = 0;
            }
            slab = chunk;
            offset = top;
            top += slots;
            countCarved(slots);
        }
        int[] hashSlab;
        int hashOffset;
        if (!freeHashes[hashes].isEmpty()) {
            hashSlab = (int[]) freeHashes[hashes].peekSlab();
            hashOffset = freeHashes[hashes].pop();
            countReused(hashes);
        } else {
            if (hashTop + hashes > hashChunk.length) {
                if (COUNTING) {
                    chunkTailSlotsWasted += hashChunk.length - hashTop;
                }
                hashChunk = newHashChunk();
                hashTop = 0;
            }
            hashSlab = hashChunk;
            hashOffset = hashTop;
            hashTop += hashes;
            countCarved(hashes);
        }
        node.moveTo(slab, offset, slots, hashSlab, hashOffset);
        if (COUNTING) {
            liveSlots += slots + hashes;
        }
    }

    private void countReused(int slots) {
        if (COUNTING) {
            slicesReused++;
            slotsReused += slots;
            slotsInFreelists -= slots;
        }
    }

    private void countCarved(int slots) {
        if (COUNTING) {
            slicesCarved++;
            slotsCarved += slots;
        }
    }

    /** Leaves a node's slices behind: the content cleared, each pushed on the freelist of its kind and size. */
    void abandon(Object[] slab, int offset, int slots, int[] hashSlab, int hashOffset, int hashes) {
        Arrays.fill(slab, offset, offset + slots, null);
        if (slots > 0) {
            freeSlices[slots].push(slab, offset);
        }
        if (hashes > 0) {
            freeHashes[hashes].push(hashSlab, hashOffset);
        }
        if (COUNTING) {
            slotsAbandoned += slots + hashes;
            liveSlots -= slots + hashes;
            slotsInFreelists += slots + hashes;
        }
    }

    /** Keeps a bitmap node dropped from the trie, for the next one made. */
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

    /** Frees every slice and node at once: the current chunks are emptied and bumped from the start again. */
    void clear() {
        Arrays.fill(chunk, 0, top, null);
        top = 0;
        hashTop = 0;
        for (Freelist free : freeSlices) {
            free.clear();
        }
        for (Freelist free : freeHashes) {
            free.clear();
        }
        freeNodes.clear();
        if (COUNTING) {
            liveSlots = 0;
            slotsInFreelists = 0;
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

    /**
     * Checks the freelists against what the walk of the trie met: every free content slice is
     * cleared, no free slice shares a slot with a live slice or another free one, and no recycled
     * node is reachable or waits twice.
     */
    void verify(PoolAudit audit) {
        for (int slots = 1; slots < freeSlices.length; slots++) {
            Freelist free = freeSlices[slots];
            for (int i = 0; i < free.size(); i++) {
                Object[] slab = (Object[]) free.slab(i);
                int offset = free.offset(i);
                for (int slot = offset; slot < offset + slots; slot++) {
                    Node.check(slab[slot] == null,
                            "a free slice of " + slots + " slots holds " + slab[slot] + " at slot " + slot);
                }
                audit.claim(slab, offset, slots, "a free slice of " + slots + " slots at " + offset);
            }
        }
        for (int count = 1; count < freeHashes.length; count++) {
            Freelist free = freeHashes[count];
            for (int i = 0; i < free.size(); i++) {
                audit.claimHashes((int[]) free.slab(i), free.offset(i), count,
                        "a free slice of " + count + " hashes at "
                        + free.offset(i));
            }
        }
        Set<BitmapNode<?, ?>> waiting = Collections.newSetFromMap(new IdentityHashMap<>());
        for (BitmapNode<?, ?> node : freeNodes) {
            Node.check(!audit.wasReached(node), "a recycled node is reachable from the directory");
            Node.check(waiting.add(node), "a node waits twice on the node freelist");
        }
    }

    /** Adds the arrays the pool itself keeps reachable: the current chunks, and every chunk a free slice lies in. */
    void addHeldSlabs(Set<Object> slabs) {
        slabs.add(chunk);
        slabs.add(hashChunk);
        for (Freelist[] kind : new Freelist[][] {freeSlices, freeHashes}) {
            for (Freelist free : kind) {
                for (int i = 0; i < free.size(); i++) {
                    slabs.add(free.slab(i));
                }
            }
        }
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
        stats.put("slicesReused", slicesReused);
        stats.put("slotsReused", slotsReused);
        stats.put("slotsInFreelists", slotsInFreelists);
        stats.put("nodesReused", nodesReused);
        stats.put("nodesInFreelist", (long) freeNodes.size());
        return stats;
    }
}
