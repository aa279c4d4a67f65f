package dev.hamtlab.phase4;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Phase 4's int-to-int map, the design its chain of variants ends in (inthamt-trie, then
 * inthamt-flat, then this): the flat root with its buckets inlined. The directory of 2^k slots is
 * one {@code int[]} in which each slot holds up to {@value #PAIRS} (mixed hash, value) pairs
 * itself, 16 bytes, so a hit on them is one miss (two for the one slot in four or none that an
 * array starting 8 bytes off a 16-byte boundary puts across two cache lines) where the flat
 * variant's slot and bucket are two dependent ones. A slot's further entries go to one overflow
 * trie of inthamt-trie's 64-way layout ({@link IntNode}), which branches on the hash's low bits first, so a slot's
 * overflow is the part of the trie under the slot's k bits. The directory doubles when the map
 * holds more entries than slots, so it holds between half an entry and one a slot; at one a slot
 * about one entry in ten overflows (a slot's entries are about Poisson), at half one in thirty.
 * Removals never shrink it, as java.util.HashMap's table does not shrink.
 *
 * <p>Either of a slot's pairs may be the free one (a doubling sends each pair to the same place in
 * the slot or its twin), and its overflow holds entries only while both pairs are taken: a removal
 * refills the pair it frees from the slot's overflow. A free pair holds hash 0, so the one key
 * whose mixed hash is 0 (key 0: the mix is a bijection that keeps 0) is kept in two fields apart,
 * as fastutil keeps its key 0.
 *
 * <p>As inthamt-trie: keys are mixed by a bijection, so distinct keys have distinct 32-bit hashes and
 * the map stores the mixed hash in place of the key; no collision nodes; keys an attacker chooses
 * to share a slot's bits go to the overflow trie, whose depth their 32 bits bound. Absent keys
 * answer the {@linkplain #defaultReturnValue() default return value}, 0 unless set.
 */
public final class IntHamt {
    /** Receives the entries of {@link #forEach}. */
    @FunctionalInterface
    public interface EntryConsumer {
        void accept(int key, int value);
    }

    /** The pairs a slot holds inline: 16 bytes, four slots a cache line; the lookups are written for two. */
    static final int PAIRS = 2;
    private static final int SLOT_INTS = 2 * PAIRS;
    /** The offset of a slot's last pair. */
    private static final int LAST_PAIR = SLOT_INTS - 2;
    private static final int MIN_BITS = 4;
    /** 2^26 slots, 1 GiB: past 2^26 entries the overflow trie takes the rest. */
    private static final int MAX_BITS = 26;

    /** fastutil's own mix ({@code HashCommon.mix}), so both maps spread keys alike. Its inverse is {@link #unmix}. */
    private static final int PHI = 0x9E3779B9;
    /** PHI's inverse modulo 2^32. */
    private static final int PHI_INVERSE = 0x144CBC89;

    private int bits = MIN_BITS;
    /** Slot s is table[4s .. 4s+3]: hash, value, hash, value; a free pair is two zeros. */
    private int[] table = new int[SLOT_INTS << MIN_BITS];
    /** The entries the slots have no room for, in a trie from the hash's lowest bits. */
    private IntNode overflow = new IntNode();
    private int overflowSize;
    private boolean hasZeroKey;
    private int zeroKeyValue;
    private int size;
    private int defaultReturnValue;
    /** The value the last removal from the overflow trie found: a field, so that a remove allocates nothing to return it. */
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

    /** The index in {@code table} of the first pair of the hash's slot. */
    private static int slotStart(int hash, int[] table) {
        return (hash & (table.length / SLOT_INTS - 1)) * SLOT_INTS;
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
        if (hash == 0) {
            return hasZeroKey ? zeroKeyValue : defaultReturnValue;
        }
        int[] t = table;
        int i = slotStart(hash, t);
        if (t[i] == hash) {
            return t[i + 1];
        }
        if (t[i + LAST_PAIR] == hash) {
            return t[i + LAST_PAIR + 1];
        }
        if (t[i] == 0 || t[i + LAST_PAIR] == 0 || overflowSize == 0) {
            return defaultReturnValue;
        }
        IntNode node = overflow;
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
        if (hash == 0) {
            return hasZeroKey;
        }
        int[] t = table;
        int i = slotStart(hash, t);
        if (t[i] == hash || t[i + LAST_PAIR] == hash) {
            return true;
        }
        if (t[i] == 0 || t[i + LAST_PAIR] == 0 || overflowSize == 0) {
            return false;
        }
        IntNode node = overflow;
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
        if (hash == 0) {
            if (hasZeroKey) {
                int old = zeroKeyValue;
                zeroKeyValue = value;
                return old;
            }
            hasZeroKey = true;
            zeroKeyValue = value;
        } else if (!putHashed(hash, value)) {
            return replacedValue;
        }
        size++;
        if (size > 1 << bits && bits < MAX_BITS) {
            doubleDirectory();
        }
        return defaultReturnValue;
    }

    /** Puts the pair of a non-zero hash; answers whether it was added, or else leaves the value it replaced in {@link #replacedValue}. */
    private boolean putHashed(int hash, int value) {
        int[] t = table;
        int start = slotStart(hash, t);
        int last = start + LAST_PAIR;
        if (t[start] == hash || t[last] == hash) {
            int at = t[start] == hash ? start : last;
            replacedValue = t[at + 1];
            t[at + 1] = value;
            return false;
        }
        if (t[start] == 0 || t[last] == 0) {
            int at = t[start] == 0 ? start : last;
            t[at] = hash;
            t[at + 1] = value;
            return true;
        }
        if (!putInNode(overflow, hash, value)) {
            return false;
        }
        overflowSize++;
        return true;
    }

    /** Puts the pair into the overflow trie at {@code node}; as {@link #putHashed}. */
    private boolean putInNode(IntNode node, int hash, int value) {
        for (int shift = 0;; shift += IntNode.BITS) {
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
     * Twice the slots. Each pair goes to the same place in its slot or in the slot's new twin, as
     * many slots further on as there were, by the hash's next bit; the other place gets zeros, a
     * free pair. Neither slot can receive more than the pairs the slot held, so the pairs are
     * copied, not put anew, and the copy is computed with masks rather than branches: which way a
     * pair goes is a coin toss, which a branch predictor cannot learn (the branches took most of an
     * insert's time at 10K keys). Then the overflow's entries are put anew, into their slots where
     * these have room. Key 0 stays in its fields.
     */
    private void doubleDirectory() {
        int[] old = table;
        int[] doubled = new int[old.length << 1];
        for (int low = 0, high = old.length; low < old.length; low += 2, high += 2) {
            int hash = old[low];
            int value = old[low + 1];
            // all ones where the pair goes to the twin; a free pair, hash 0, stays and copies zeros
            int up = -((hash >>> bits) & 1);
            doubled[low] = hash & ~up;
            doubled[low + 1] = value & ~up;
            doubled[high] = hash & up;
            doubled[high + 1] = value & up;
        }
        IntNode oldOverflow = overflow;
        bits++;
        table = doubled;
        overflow = new IntNode();
        overflowSize = 0;
        forEach(oldOverflow, this::putHashed);
    }

    /** Removes the key; answers the value it had, or the default return value if it had none. */
    public int remove(int key) {
        int hash = mix(key);
        if (hash == 0) {
            if (!hasZeroKey) {
                return defaultReturnValue;
            }
            hasZeroKey = false;
            size--;
            int value = zeroKeyValue;
            zeroKeyValue = 0;
            return value;
        }
        int[] t = table;
        int start = slotStart(hash, t);
        int last = start + LAST_PAIR;
        if (t[start] == hash || t[last] == hash) {
            int at = t[start] == hash ? start : last;
            int value = t[at + 1];
            refillPair(t, at, hash, t[start] != 0 && t[last] != 0);
            size--;
            return value;
        }
        if (t[start] == 0 || t[last] == 0 || overflowSize == 0 || !remove(overflow, hash, 0)) {
            return defaultReturnValue;
        }
        overflowSize--;
        size--;
        return removedValue;
    }

    /** Moves one of the slot's overflow entries, if it has any, into the pair at {@code at}, which a removal freed. */
    private void refillPair(int[] t, int at, int hash, boolean wasFull) {
        int moved = wasFull && overflowSize > 0 ? anyInSlot(overflow, 0, hash & (t.length / SLOT_INTS - 1)) : 0;
        if (moved == 0) {
            t[at] = 0;
            t[at + 1] = 0;
            return;
        }
        remove(overflow, moved, 0);
        overflowSize--;
        t[at] = moved;
        t[at + 1] = removedValue;
    }

    /**
     * A hash of the subtree at {@code node} whose low {@code bits} bits are {@code slot}, or 0 if it
     * has none. A level below the slot's bits matches every index; the level that takes their last
     * ones matches the indexes that end in them; a level above matches one, whose entry, if it is
     * one, may still end in other bits above the level's.
     */
    private int anyInSlot(IntNode node, int shift, int slot) {
        int known = Math.min(Math.max(bits - shift, 0), IntNode.BITS);
        long matching = 0;
        for (int index = (slot >>> shift) & ((1 << known) - 1); index < Long.SIZE; index += 1 << known) {
            matching |= 1L << index;
        }
        int slotMask = (1 << bits) - 1;
        for (long entries = node.dataMap & matching; entries != 0; entries &= entries - 1) {
            int hash = node.entries[node.entryIndex(Long.lowestOneBit(entries))];
            if ((hash & slotMask) == slot) {
                return hash;
            }
        }
        for (long subnodes = node.nodeMap & matching; subnodes != 0; subnodes &= subnodes - 1) {
            int found = anyInSlot(node.nodes[node.nodeIndex(Long.lowestOneBit(subnodes))], shift + IntNode.BITS, slot);
            if (found != 0) {
                return found;
            }
        }
        return 0;
    }

    /**
     * Removes the hash's entry from the overflow subtree at {@code node}, keeping its value in
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
        bits = MIN_BITS;
        table = new int[SLOT_INTS << MIN_BITS];
        overflow = new IntNode();
        overflowSize = 0;
        hasZeroKey = false;
        zeroKeyValue = 0;
        size = 0;
    }

    /** Hands each entry to the consumer: key 0, then slot by slot, then the overflow's. */
    public void forEach(EntryConsumer consumer) {
        if (hasZeroKey) {
            consumer.accept(0, zeroKeyValue);
        }
        int[] t = table;
        for (int i = 0; i < t.length; i += 2) {
            if (t[i] != 0) {
                consumer.accept(unmix(t[i]), t[i + 1]);
            }
        }
        forEach(overflow, (hash, value) -> consumer.accept(unmix(hash), value));
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
     * Walks the map and throws if it is not well formed: 2^k slots, no more entries than slots, each
     * slot's taken pairs distinct non-zero hashes that end in its bits, free
     * pairs all zeros, the overflow trie well formed (arrays sized by its bitmaps, no slot in both,
     * every entry in the slot its hash chooses, no subnode empty or holding a lone entry) and
     * holding only entries of full slots, none of them also in its slot, and the sizes the numbers
     * of entries.
     *
     * @throws IllegalStateException naming the first broken invariant
     */
    public void verifyInvariants() {
        int[] t = table;
        check(t.length == SLOT_INTS << bits, "the directory has 2^" + bits + " slots, found " + t.length / SLOT_INTS);
        check(size <= 1 << bits || bits == MAX_BITS, "at most one entry a slot: " + size + " in " + (1 << bits));
        check(hasZeroKey || zeroKeyValue == 0, "key 0's value kept after its removal");
        int counted = hasZeroKey ? 1 : 0;
        for (int start = 0; start < t.length; start += SLOT_INTS) {
            int s = start / SLOT_INTS;
            for (int i = start; i < start + SLOT_INTS; i += 2) {
                if (t[i] == 0) {
                    check(t[i + 1] == 0, "slot " + s + " has a free pair that is not zeros");
                    continue;
                }
                check(slotStart(t[i], t) == start, "hash " + Integer.toHexString(t[i]) + " in slot " + s);
                check(i == start || t[i] != t[start],
                        "slot " + s + " holds hash " + Integer.toHexString(t[i]) + " twice");
                counted++;
            }
        }
        int overflowed = verify(overflow, 0, 0);
        check(overflowed == overflowSize, "the overflow counts " + overflowSize + " but holds " + overflowed);
        forEach(overflow, (hash, value) -> {
            int start = slotStart(hash, t);
            check(hash != 0 && t[start] != 0 && t[start + LAST_PAIR] != 0, "hash " + Integer.toHexString(hash)
                    + " overflowed from slot " + start / SLOT_INTS + ", which has a free pair");
            check(t[start] != hash && t[start + LAST_PAIR] != hash, "hash " + Integer.toHexString(hash)
                    + " both in its slot and in the overflow");
        });
        check(counted + overflowed == size, "size is " + size + " but the map holds " + (counted + overflowed));
    }

    /** Verifies the overflow subtree whose hashes all end in {@code prefix} below {@code shift}; answers its entries. */
    private static int verify(IntNode node, int shift, int prefix) {
        String at = "overflow node at shift " + shift + " prefix " + Integer.toHexString(prefix) + ": ";
        check(shift <= IntNode.LAST_SHIFT, at + "deeper than the hash has bits");
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
        check(shift == 0 || node.nodeMap != 0 || node.entryCount() > 1, at + "a subnode with " + node.entryCount()
                + " entries and no subnodes, which canonical form forbids");
        int lowBits = (1 << shift) - 1;
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
            count += verify(node.nodes[i], shift + IntNode.BITS, prefix | Long.numberOfTrailingZeros(bit) << shift);
        }
        return count;
    }

    private static void check(boolean holds, String invariant) {
        if (!holds) {
            throw new IllegalStateException("broken invariant: " + invariant);
        }
    }

    /**
     * The map's shape, in the figures and names of the object phases' {@code shape()}: an entry is
     * a leaf; the slots' own entries (and key 0) lie at depth 1, the overflow root's at depth 2, a
     * node's one deeper than the node. Nodes are the overflow trie's bitmap nodes, its empty root
     * included.
     */
    public Map<String, Number> shape() {
        long[] entriesAtDepth = new long[IntNode.LAST_SHIFT / IntNode.BITS + 3];
        long[] nodesAndChildren = new long[2];
        entriesAtDepth[1] = size - overflowSize;
        walk(overflow, 2, entriesAtDepth, nodesAndChildren);
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
        figures.put("maxLeafDepth", deepest);
        figures.put("meanLeafDepth", size == 0 ? 0.0 : (double) depthSum / size);
        figures.put("meanChildrenPerBitmapNode", (double) nodesAndChildren[1] / nodesAndChildren[0]);
        figures.put("entriesPerNode", (double) size / nodesAndChildren[0]);
        for (int depth = 1; depth <= deepest; depth++) {
            figures.put("leavesAtDepth" + depth, entriesAtDepth[depth]);
        }
        figures.put("directorySlots", 1 << bits);
        figures.put("overflowEntries", overflowSize);
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
