package dev.hamtlab.phase4.inttrie;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Phase 4's first int-to-int map (inthamt-trie, a variant): an int-to-int HAMT in the style of
 * fastutil's maps: no boxing, each entry an (int, int) pair inline in its node's {@code int[]}.
 * Keys are mixed by a bijection, so distinct keys have distinct 32-bit hashes: the trie stores the
 * mixed hash in place of the key, branches on its bits, and needs no collision nodes. Iteration recovers each key by the inverse mix.
 *
 * <p>Mutable and edited in place: a put of a new key or a remove shifts the arrays of the one
 * node whose arity changes (and, for a remove, of each node the pulled-up entry passes), replacing
 * an array only when it is full. The trie stays canonical: a subnode left with one entry and no
 * subnodes is pulled up into its parent.
 *
 * <p>Absent keys answer the {@linkplain #defaultReturnValue() default return value}, 0 unless set,
 * as fastutil's maps do.
 */
public final class IntHamt {
    /** Receives the entries of {@link #forEach}. */
    @FunctionalInterface
    public interface EntryConsumer {
        void accept(int key, int value);
    }

    /** fastutil's own mix ({@code HashCommon.mix}), so both maps spread keys alike. Its inverse is {@link #unmix}. */
    private static final int PHI = 0x9E3779B9;
    /** PHI's inverse modulo 2^32. */
    private static final int PHI_INVERSE = 0x144CBC89;

    private IntNode root = new IntNode();
    private int size;
    private int defaultReturnValue;
    /** The value the last {@link #remove} found: a field, so that a remove allocates nothing to return it. */
    private int removedValue;

    /** A bijection of the ints: a multiplication by an odd constant, then an xor-shift of half the word. */
    private static int mix(int key) {
        int h = key * PHI;
        return h ^ (h >>> 16);
    }

    private static int unmix(int hash) {
        return (hash ^ (hash >>> 16)) * PHI_INVERSE;
    }

    public int size() {
        return size;
    }

    public boolean isEmpty() {
        return size == 0;
    }

    public int defaultReturnValue() {
        return defaultReturnValue;
    }

    /** Sets what {@link #get}, {@link #put} and {@link #remove} answer for an absent key. */
    public void defaultReturnValue(int value) {
        defaultReturnValue = value;
    }

    public int get(int key) {
        int hash = mix(key);
        IntNode node = root;
        for (int shift = 0;; shift += IntNode.BITS) {
            long bit = IntNode.bitpos(hash, shift);
            if ((node.dataMap & bit) != 0) {
                int index = node.entryIndex(bit);
                return node.entries[index] == hash ? node.entries[index + 1] : defaultReturnValue;
            }
            if ((node.nodeMap & bit) == 0) {
                return defaultReturnValue;
            }
            node = node.nodes[node.nodeIndex(bit)];
        }
    }

    public boolean containsKey(int key) {
        int hash = mix(key);
        IntNode node = root;
        for (int shift = 0;; shift += IntNode.BITS) {
            long bit = IntNode.bitpos(hash, shift);
            if ((node.dataMap & bit) != 0) {
                return node.entries[node.entryIndex(bit)] == hash;
            }
            if ((node.nodeMap & bit) == 0) {
                return false;
            }
            node = node.nodes[node.nodeIndex(bit)];
        }
    }

    /** Maps the key to the value; answers the value it had, or the default return value if it had none. */
    public int put(int key, int value) {
        int hash = mix(key);
        IntNode node = root;
        for (int shift = 0;; shift += IntNode.BITS) {
            long bit = IntNode.bitpos(hash, shift);
            if ((node.dataMap & bit) != 0) {
                int index = node.entryIndex(bit);
                int stored = node.entries[index];
                if (stored == hash) {
                    int old = node.entries[index + 1];
                    node.entries[index + 1] = value;
                    return old;
                }
                node.migrateEntryToNode(bit,
                        IntNode.of(stored, node.entries[index + 1], hash, value, shift + IntNode.BITS));
                size++;
                return defaultReturnValue;
            }
            if ((node.nodeMap & bit) == 0) {
                node.insertEntry(bit, hash, value);
                size++;
                return defaultReturnValue;
            }
            node = node.nodes[node.nodeIndex(bit)];
        }
    }

    /** Removes the key; answers the value it had, or the default return value if it had none. */
    public int remove(int key) {
        if (!remove(root, mix(key), 0)) {
            return defaultReturnValue;
        }
        size--;
        return removedValue;
    }

    /**
     * Removes the hash's entry from the subtree at {@code node}, keeping its value in
     * {@link #removedValue}; a subnode it leaves with a single entry is pulled up into {@code node}.
     */
    private boolean remove(IntNode node, int hash, int shift) {
        long bit = IntNode.bitpos(hash, shift);
        if ((node.dataMap & bit) != 0) {
            int index = node.entryIndex(bit);
            if (node.entries[index] != hash) {
                return false;
            }
            removedValue = node.entries[index + 1];
            node.removeEntry(bit);
            return true;
        }
        if ((node.nodeMap & bit) == 0) {
            return false;
        }
        IntNode subnode = node.nodes[node.nodeIndex(bit)];
        if (!remove(subnode, hash, shift + IntNode.BITS)) {
            return false;
        }
        if (subnode.nodeMap == 0 && subnode.entryCount() == 1) {
            node.migrateNodeToEntry(bit, subnode);
        }
        return true;
    }

    public void clear() {
        root = new IntNode();
        size = 0;
    }

    /** Hands each entry to the consumer, in the trie's order (by mixed hash, low bits first). */
    public void forEach(EntryConsumer consumer) {
        forEach(root, consumer);
    }

    private static void forEach(IntNode node, EntryConsumer consumer) {
        int[] entries = node.entries;
        for (int i = 0, used = 2 * node.entryCount(); i < used; i += 2) {
            consumer.accept(unmix(entries[i]), entries[i + 1]);
        }
        for (int i = 0, used = node.nodeCount(); i < used; i++) {
            forEach(node.nodes[i], consumer);
        }
    }

    /**
     * Walks the trie and throws if it is not well formed: each node's arrays sized by its bitmaps,
     * no slot in both, no bit beyond its level's slots, every entry in the slot its hash chooses, no
     * node below the root empty or holding a lone entry (the canonical form), and the size the
     * number of entries.
     *
     * @throws IllegalStateException naming the first broken invariant
     */
    public void verifyInvariants() {
        int counted = verify(root, 0, 0);
        if (counted != size) {
            throw new IllegalStateException("broken invariant: size is " + size + " but the trie holds " + counted);
        }
    }

    /** Verifies the subtree whose hashes all end in {@code prefix} below {@code shift}; answers its entries. */
    private static int verify(IntNode node, int shift, int prefix) {
        String at = "node at shift " + shift + " prefix " + Integer.toHexString(prefix) + ": ";
        if (shift > IntNode.LAST_SHIFT) {
            throw new IllegalStateException("broken invariant: " + at + "deeper than the hash has bits");
        }
        if ((node.dataMap & node.nodeMap) != 0) {
            throw new IllegalStateException("broken invariant: " + at + "a slot marked both entry and subnode");
        }
        long slots = shift + IntNode.BITS > Integer.SIZE ? 1L << (Integer.SIZE - shift) : 1L << IntNode.BITS;
        if (slots < Long.SIZE && ((node.dataMap | node.nodeMap) & -(1L << slots)) != 0) {
            throw new IllegalStateException("broken invariant: " + at + "a bit beyond the level's " + slots + " slots");
        }
        int usedEntries = 2 * node.entryCount();
        if (node.entries.length < usedEntries) {
            throw new IllegalStateException("broken invariant: " + at + "entries length " + node.entries.length
                    + " for " + node.entryCount() + " entry bits");
        }
        for (int i = usedEntries; i < node.entries.length; i++) {
            if (node.entries[i] != 0) {
                throw new IllegalStateException("broken invariant: " + at + "a stale entry past the count");
            }
        }
        if (node.nodes.length < node.nodeCount()) {
            throw new IllegalStateException("broken invariant: " + at + "nodes length " + node.nodes.length
                    + " for " + node.nodeCount() + " subnode bits");
        }
        for (int i = node.nodeCount(); i < node.nodes.length; i++) {
            if (node.nodes[i] != null) {
                throw new IllegalStateException("broken invariant: " + at
                        + "a subnode past the count, kept from the collector");
            }
        }
        if (shift > 0 && node.nodeMap == 0 && node.entryCount() <= 1) {
            throw new IllegalStateException("broken invariant: " + at + "a subnode with "
                    + node.entryCount() + " entries and no subnodes, which canonical form forbids");
        }
        int lowBits = (1 << shift) - 1;
        int count = 0;
        long bits = node.dataMap;
        for (int i = 0; i < usedEntries; i += 2) {
            int hash = node.entries[i];
            long bit = Long.lowestOneBit(bits);
            bits ^= bit;
            if (IntNode.bitpos(hash, shift) != bit || (hash & lowBits) != prefix) {
                throw new IllegalStateException("broken invariant: " + at + "hash " + Integer.toHexString(hash)
                        + " in the wrong slot");
            }
            count++;
        }
        bits = node.nodeMap;
        for (int i = 0; i < node.nodeCount(); i++) {
            long bit = Long.lowestOneBit(bits);
            bits ^= bit;
            count += verify(node.nodes[i], shift + IntNode.BITS, prefix | Long.numberOfTrailingZeros(bit) << shift);
        }
        return count;
    }

    /**
     * The trie's shape, in the figures and names of the object phases' {@code shape()}: an entry
     * is a leaf, its depth the nodes on its path (the root's own entries at depth 1); a node's
     * children are its entries and subnodes. There is no pool, and no collision node.
     */
    public Map<String, Number> shape() {
        int levels = IntNode.LAST_SHIFT / IntNode.BITS + 1;
        long[] entriesAtDepth = new long[levels + 1];
        long[] nodesAndChildren = new long[2];
        walk(root, 1, entriesAtDepth, nodesAndChildren);
        long depthSum = 0;
        int deepest = 0;
        for (int depth = 1; depth <= levels; depth++) {
            depthSum += depth * entriesAtDepth[depth];
            deepest = entriesAtDepth[depth] > 0 ? depth : deepest;
        }
        Map<String, Number> figures = new LinkedHashMap<>();
        figures.put("entries", size);
        figures.put("bitmapNodes", nodesAndChildren[0]);
        figures.put("collisionNodes", 0);
        figures.put("maxLeafDepth", deepest);
        figures.put("meanLeafDepth", size == 0 ? 0.0 : (double) depthSum / size);
        figures.put("meanChildrenPerBitmapNode", (double) nodesAndChildren[1] / nodesAndChildren[0]);
        figures.put("entriesPerNode", (double) size / nodesAndChildren[0]);
        for (int depth = 1; depth <= deepest; depth++) {
            figures.put("leavesAtDepth" + depth, entriesAtDepth[depth]);
        }
        return figures;
    }

    private static void walk(IntNode node, int depth, long[] entriesAtDepth, long[] nodesAndChildren) {
        entriesAtDepth[depth] += node.entryCount();
        nodesAndChildren[0]++;
        nodesAndChildren[1] += node.entryCount() + node.nodeCount();
        for (int i = 0; i < node.nodeCount(); i++) {
            walk(node.nodes[i], depth + 1, entriesAtDepth, nodesAndChildren);
        }
    }
}
