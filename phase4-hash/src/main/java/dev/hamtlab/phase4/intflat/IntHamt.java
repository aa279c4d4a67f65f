package dev.hamtlab.phase4.intflat;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * inthamt-trie with a flat root (inthamt-flat, a variant): the top of the trie is a directory of 2^k slots indexed by
 * the mixed hash's low k bits, and a slot holds a bucket, an {@code int[]} of (mixed hash, value)
 * pairs with no header of its own, or, past {@value #BUCKET_CAPACITY} entries, a 64-way node of
 * inthamt-trie's own layout. A hit is then a directory slot and a bucket: two dependent misses, where
 * inthamt-trie takes one a level. The directory doubles when the map holds more than
 * {@value #LOAD} entries a slot, splitting each bucket by one more hash bit, so it stays between
 * one and two entries a slot; the rare node under a slot is rebuilt then. Removals never shrink it,
 * as java.util.HashMap's table does not shrink.
 *
 * <p>As inthamt-trie: keys are mixed by a bijection, so distinct keys have distinct 32-bit hashes and
 * the map stores the mixed hash in place of the key; no collision nodes; the keys an attacker can
 * choose to share a slot's bits end in a node below it, whose depth their 32 bits bound. Absent
 * keys answer the {@linkplain #defaultReturnValue() default return value}, 0 unless set.
 */
public final class IntHamt {
    /** Receives the entries of {@link #forEach}. */
    @FunctionalInterface
    public interface EntryConsumer {
        void accept(int key, int value);
    }

    /** The entries a slot holds on average before the directory doubles. */
    static final int LOAD = 2;
    /** The most entries a bucket holds; one more turns it into a node. */
    static final int BUCKET_CAPACITY = 8;
    private static final int MIN_BITS = 4;
    /** 2^26 slots, 256 MiB of references: past 2^27 entries the buckets turn into nodes instead. */
    private static final int MAX_BITS = 26;

    /** fastutil's own mix ({@code HashCommon.mix}), so both maps spread keys alike. Its inverse is {@link #unmix}. */
    private static final int PHI = 0x9E3779B9;
    /** PHI's inverse modulo 2^32. */
    private static final int PHI_INVERSE = 0x144CBC89;

    private int bits = MIN_BITS;
    /** Each slot null, an int[] bucket or an {@link IntNode} that branches at shift {@code bits}. */
    private Object[] slots = new Object[1 << MIN_BITS];
    private int size;
    private int defaultReturnValue;
    /** The value the last {@link #remove} found: a field, so that a remove allocates nothing to return it. */
    private int removedValue;
    /** The value the last put replaced, as {@link #removedValue}. */
    private int replacedValue;

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
        Object slot = slots[hash & (slots.length - 1)];
        if (slot instanceof int[]) {
            int[] bucket = (int[]) slot;
            for (int i = 0; i < bucket.length; i += 2) {
                if (bucket[i] == hash) {
                    return bucket[i + 1];
                }
            }
            return defaultReturnValue;
        }
        if (slot == null) {
            return defaultReturnValue;
        }
        IntNode node = (IntNode) slot;
        for (int shift = bits;; shift += IntNode.BITS) {
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
        Object slot = slots[hash & (slots.length - 1)];
        if (slot instanceof int[]) {
            int[] bucket = (int[]) slot;
            for (int i = 0; i < bucket.length; i += 2) {
                if (bucket[i] == hash) {
                    return true;
                }
            }
            return false;
        }
        if (slot == null) {
            return false;
        }
        IntNode node = (IntNode) slot;
        for (int shift = bits;; shift += IntNode.BITS) {
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
        if (!putHashed(mix(key), value)) {
            return replacedValue;
        }
        size++;
        if (size > LOAD << bits && bits < MAX_BITS) {
            doubleDirectory();
        }
        return defaultReturnValue;
    }

    /** Puts the pair; answers whether the hash was added, or else leaves the value it replaced in {@link #replacedValue}. */
    private boolean putHashed(int hash, int value) {
        int s = hash & (slots.length - 1);
        Object slot = slots[s];
        if (slot == null) {
            slots[s] = new int[] {hash, value};
            return true;
        }
        if (!(slot instanceof int[])) {
            return putInNode((IntNode) slot, hash, value, bits);
        }
        int[] bucket = (int[]) slot;
        for (int i = 0; i < bucket.length; i += 2) {
            if (bucket[i] == hash) {
                replacedValue = bucket[i + 1];
                bucket[i + 1] = value;
                return false;
            }
        }
        if (bucket.length < 2 * BUCKET_CAPACITY) {
            int[] grown = Arrays.copyOf(bucket, bucket.length + 2);
            grown[bucket.length] = hash;
            grown[bucket.length + 1] = value;
            slots[s] = grown;
        } else {
            IntNode node = new IntNode();
            for (int i = 0; i < bucket.length; i += 2) {
                putInNode(node, bucket[i], bucket[i + 1], bits);
            }
            putInNode(node, hash, value, bits);
            slots[s] = node;
        }
        return true;
    }

    /** Puts the pair into the subtree at {@code node}, which branches at {@code from}; as {@link #putHashed}. */
    private boolean putInNode(IntNode node, int hash, int value, int from) {
        for (int shift = from;; shift += IntNode.BITS) {
            long bit = IntNode.bitpos(hash, shift);
            if ((node.dataMap & bit) != 0) {
                int index = node.entryIndex(bit);
                int stored = node.entries[index];
                if (stored == hash) {
                    replacedValue = node.entries[index + 1];
                    node.entries[index + 1] = value;
                    return false;
                }
                node.migrateEntryToNode(bit,
                        IntNode.of(stored, node.entries[index + 1], hash, value, shift + IntNode.BITS));
                return true;
            }
            if ((node.nodeMap & bit) == 0) {
                node.insertEntry(bit, hash, value);
                return true;
            }
            node = node.nodes[node.nodeIndex(bit)];
        }
    }

    /**
     * Twice the slots: each bucket splits by the hash bit the directory now also takes, keeping its
     * order, and a node under a slot, whose levels start at the old k, is put anew entry by entry.
     */
    private void doubleDirectory() {
        Object[] old = slots;
        int splitBit = 1 << bits;
        bits++;
        slots = new Object[old.length * 2];
        for (int s = 0; s < old.length; s++) {
            if (old[s] instanceof int[] bucket) {
                int high = 0;
                for (int i = 0; i < bucket.length; i += 2) {
                    high += (bucket[i] & splitBit) != 0 ? 1 : 0;
                }
                slots[s] = part(bucket, splitBit, 0, bucket.length / 2 - high);
                slots[s | splitBit] = part(bucket, splitBit, splitBit, high);
            } else if (old[s] != null) {
                forEach((IntNode) old[s], (hash, value) -> putHashed(hash, value));
            }
        }
    }

    /** The bucket of the {@code count} pairs whose hash has {@code side} at {@code splitBit}; null for none. */
    private static int[] part(int[] bucket, int splitBit, int side, int count) {
        if (count == 0) {
            return null;
        }
        if (2 * count == bucket.length) {
            return bucket;
        }
        int[] part = new int[2 * count];
        for (int i = 0, j = 0; i < bucket.length; i += 2) {
            if ((bucket[i] & splitBit) == side) {
                part[j++] = bucket[i];
                part[j++] = bucket[i + 1];
            }
        }
        return part;
    }

    /** Removes the key; answers the value it had, or the default return value if it had none. */
    public int remove(int key) {
        int hash = mix(key);
        int s = hash & (slots.length - 1);
        Object slot = slots[s];
        if (slot instanceof int[]) {
            int[] bucket = (int[]) slot;
            for (int i = 0; i < bucket.length; i += 2) {
                if (bucket[i] == hash) {
                    removedValue = bucket[i + 1];
                    slots[s] = bucket.length == 2 ? null : without(bucket, i);
                    size--;
                    return removedValue;
                }
            }
            return defaultReturnValue;
        }
        if (slot == null || !remove((IntNode) slot, hash, bits)) {
            return defaultReturnValue;
        }
        size--;
        int[] gathered = gathered((IntNode) slot);
        if (gathered != null) {
            slots[s] = gathered;
        }
        return removedValue;
    }

    private static int[] without(int[] bucket, int i) {
        int[] smaller = new int[bucket.length - 2];
        System.arraycopy(bucket, 0, smaller, 0, i);
        System.arraycopy(bucket, i + 2, smaller, i, bucket.length - i - 2);
        return smaller;
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

    /** The bucket of the subtree's pairs when a bucket can hold them all, else null. */
    private static int[] gathered(IntNode node) {
        int[] pairs = new int[2 * BUCKET_CAPACITY];
        int[] count = {0};
        forEach(node, (hash, value) -> {
            if (count[0] < BUCKET_CAPACITY) {
                pairs[2 * count[0]] = hash;
                pairs[2 * count[0] + 1] = value;
            }
            count[0]++;
        });
        return count[0] <= BUCKET_CAPACITY ? Arrays.copyOf(pairs, 2 * count[0]) : null;
    }

    public void clear() {
        bits = MIN_BITS;
        slots = new Object[1 << MIN_BITS];
        size = 0;
    }

    /** Hands each entry to the consumer, slot by slot. */
    public void forEach(EntryConsumer consumer) {
        for (Object slot : slots) {
            if (slot instanceof int[] bucket) {
                for (int i = 0; i < bucket.length; i += 2) {
                    consumer.accept(unmix(bucket[i]), bucket[i + 1]);
                }
            } else if (slot != null) {
                forEach((IntNode) slot, (hash, value) -> consumer.accept(unmix(hash), value));
            }
        }
    }

    /** Hands each (mixed hash, value) pair of the subtree to the consumer. */
    private static void forEach(IntNode node, EntryConsumer pairs) {
        int[] entries = node.entries;
        for (int i = 0, used = 2 * node.entryCount(); i < used; i += 2) {
            pairs.accept(entries[i], entries[i + 1]);
        }
        for (int i = 0, used = node.nodeCount(); i < used; i++) {
            forEach(node.nodes[i], pairs);
        }
    }

    /**
     * Walks the directory and throws if it is not well formed: 2^k slots, no more than
     * {@value #LOAD} entries a slot, each bucket a non-empty array of pairs of distinct hashes that
     * end in its slot's bits, each node under a slot holding more than a bucket can and well formed
     * itself (arrays sized by its bitmaps, no slot in both, every entry in the slot its hash
     * chooses, no subnode empty or holding a lone entry), and the size the number of entries.
     *
     * @throws IllegalStateException naming the first broken invariant
     */
    public void verifyInvariants() {
        check(slots.length == 1 << bits, "the directory has 2^" + bits + " slots, found " + slots.length);
        check(size <= LOAD << bits || bits == MAX_BITS, "at most " + LOAD + " entries a slot: " + size + " in "
                + slots.length);
        int counted = 0;
        for (int s = 0; s < slots.length; s++) {
            if (slots[s] instanceof int[] bucket) {
                check(bucket.length > 0 && bucket.length % 2 == 0 && bucket.length <= 2 * BUCKET_CAPACITY,
                        "slot " + s + " holds a bucket of 1 to " + BUCKET_CAPACITY + " pairs, found "
                                + bucket.length + " ints");
                for (int i = 0; i < bucket.length; i += 2) {
                    check((bucket[i] & (slots.length - 1)) == s,
                            "hash " + Integer.toHexString(bucket[i]) + " in slot " + s);
                    for (int j = i + 2; j < bucket.length; j += 2) {
                        check(bucket[i] != bucket[j],
                                "slot " + s + " holds hash " + Integer.toHexString(bucket[i]) + " twice");
                    }
                }
                counted += bucket.length / 2;
            } else if (slots[s] != null) {
                check(slots[s] instanceof IntNode, "slot " + s + " holds a bucket or a node, found " + slots[s]);
                int entries = verify((IntNode) slots[s], bits, s);
                check(entries > BUCKET_CAPACITY,
                        "the node in slot " + s + " holds more than a bucket can, found " + entries);
                counted += entries;
            }
        }
        check(counted == size, "size is " + size + " but the map holds " + counted);
    }

    /** Verifies the subtree whose hashes all end in {@code prefix} below {@code shift}; answers its entries. */
    private static int verify(IntNode node, int shift, int prefix) {
        String at = "node at shift " + shift + " prefix " + Integer.toHexString(prefix) + ": ";
        check(shift < Integer.SIZE, at + "deeper than the hash has bits");
        check((node.dataMap & node.nodeMap) == 0, at + "a slot marked both entry and subnode");
        long slots = shift + IntNode.BITS > Integer.SIZE ? 1L << (Integer.SIZE - shift) : 1L << IntNode.BITS;
        check(slots == Long.SIZE || ((node.dataMap | node.nodeMap) & -(1L << slots)) == 0,
                at + "a bit beyond the level's " + slots + " slots");
        int usedEntries = 2 * node.entryCount();
        check(node.entries.length >= usedEntries, at + "entries length " + node.entries.length + " for "
                + node.entryCount() + " entry bits");
        for (int i = usedEntries; i < node.entries.length; i++) {
            check(node.entries[i] == 0, at + "a stale entry past the count");
        }
        check(node.nodes.length >= node.nodeCount(), at + "nodes length " + node.nodes.length + " for "
                + node.nodeCount() + " subnode bits");
        for (int i = node.nodeCount(); i < node.nodes.length; i++) {
            check(node.nodes[i] == null, at + "a subnode past the count, kept from the collector");
        }
        int lowBits = (int) ((1L << shift) - 1);
        int count = 0;
        long bits = node.dataMap;
        for (int i = 0; i < usedEntries; i += 2) {
            int hash = node.entries[i];
            long bit = Long.lowestOneBit(bits);
            bits ^= bit;
            check(IntNode.bitpos(hash, shift) == bit && (hash & lowBits) == prefix,
                    at + "hash " + Integer.toHexString(hash) + " in the wrong slot");
            count++;
        }
        bits = node.nodeMap;
        for (int i = 0; i < node.nodeCount(); i++) {
            long bit = Long.lowestOneBit(bits);
            bits ^= bit;
            IntNode subnode = node.nodes[i];
            check(subnode.nodeMap != 0 || subnode.entryCount() > 1, at + "a subnode with " + subnode.entryCount()
                    + " entries and no subnodes, which canonical form forbids");
            count += verify(subnode, shift + IntNode.BITS, prefix | Long.numberOfTrailingZeros(bit) << shift);
        }
        return count;
    }

    private static void check(boolean holds, String invariant) {
        if (!holds) {
            throw new IllegalStateException("broken invariant: " + invariant);
        }
    }

    /**
     * The trie's shape, in the figures and names of the object phases' {@code shape()}: an entry is
     * a leaf; a bucket's entries lie at depth 2 (the directory is depth 1), a node's one deeper
     * than the node. Nodes are bitmap nodes; buckets and the directory's slots are counted apart.
     */
    public Map<String, Number> shape() {
        long[] entriesAtDepth = new long[Integer.SIZE / IntNode.BITS + 3];
        long[] nodesAndChildren = new long[2];
        long buckets = 0;
        for (Object slot : slots) {
            if (slot instanceof int[] bucket) {
                buckets++;
                entriesAtDepth[2] += bucket.length / 2;
            } else if (slot != null) {
                walk((IntNode) slot, 2, entriesAtDepth, nodesAndChildren);
            }
        }
        long depthSum = 0;
        int deepest = 0;
        for (int depth = 1; depth < entriesAtDepth.length; depth++) {
            depthSum += depth * entriesAtDepth[depth];
            deepest = entriesAtDepth[depth] > 0 ? depth : deepest;
        }
        Map<String, Number> figures = new LinkedHashMap<>();
        figures.put("entries", size);
        figures.put("bitmapNodes", nodesAndChildren[0]);
        figures.put("collisionNodes", 0);
        figures.put("buckets", buckets);
        figures.put("maxLeafDepth", deepest);
        figures.put("meanLeafDepth", size == 0 ? 0.0 : (double) depthSum / size);
        figures.put("meanChildrenPerBitmapNode",
                nodesAndChildren[0] == 0 ? 0.0 : (double) nodesAndChildren[1] / nodesAndChildren[0]);
        figures.put("entriesPerNode",
                buckets + nodesAndChildren[0] == 0 ? 0.0 : (double) size / (buckets + nodesAndChildren[0]));
        for (int depth = 1; depth <= deepest; depth++) {
            figures.put("leavesAtDepth" + depth, entriesAtDepth[depth]);
        }
        figures.put("directorySlots", slots.length);
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
