package dev.hamtlab.phase4;

/**
 * A node of {@link IntHamt}'s overflow trie, CHAMP's layout: {@code dataMap} marks the slots that
 * hold an entry inline, {@code nodeMap} those that hold a subnode, never both. An entry is the pair
 * (mixed hash, value) in {@code entries}; a slot's index is the popcount of the map's bits below
 * it. Its levels take the hash's bits from the lowest up, the last one the two that are left.
 *
 * <p>The arrays grow by half again when full, as an ArrayList does, and are edited in place while
 * they have room: an exactly sized array would be copied on every insert into its node, and at 10K
 * random keys that garbage was most of an insert's cost. The counts are the bitmaps' popcounts;
 * the tails past them are zeros and nulls.
 */
final class IntNode {
    /**
     * Hash bits a level: 64-way nodes, whose bitmaps are longs. Against 32-way nodes (5 bits, the
     * same code) they won at 1M random keys, one level fewer to miss the cache on, and lost a little
     * on inserts at 10K, where each insert shifts longer arrays.
     */
    static final int BITS = 6;
    static final int MASK = (1 << BITS) - 1;
    /** The shift of the deepest level: its slot takes the hash's last 32 - LAST_SHIFT bits. */
    static final int LAST_SHIFT = (31 / BITS) * BITS;

    private static final int[] NO_ENTRIES = {};
    private static final IntNode[] NO_NODES = {};

    long dataMap;
    long nodeMap;
    /** Mixed hash, value, mixed hash, value... in slot order. */
    int[] entries = NO_ENTRIES;
    IntNode[] nodes = NO_NODES;

    static long bitpos(int hash, int shift) {
        return 1L << ((hash >>> shift) & MASK);
    }

    /** The index of the bit's hash in {@code entries}; its value follows it. */
    int entryIndex(long bit) {
        return 2 * Long.bitCount(dataMap & (bit - 1));
    }

    int nodeIndex(long bit) {
        return Long.bitCount(nodeMap & (bit - 1));
    }

    int entryCount() {
        return Long.bitCount(dataMap);
    }

    int nodeCount() {
        return Long.bitCount(nodeMap);
    }

    /** Room for {@code needed} slots and half as many again. */
    private static int grownCapacity(int needed) {
        return needed + (needed >> 1);
    }

    /** A node holding the two entries, whose hashes differ, on as many levels below {@code shift} as they share slots. */
    static IntNode of(int hash1, int value1, int hash2, int value2, int shift) {
        IntNode node = new IntNode();
        long bit1 = bitpos(hash1, shift);
        long bit2 = bitpos(hash2, shift);
        if (bit1 == bit2) {
            node.nodeMap = bit1;
            node.nodes = new IntNode[] {of(hash1, value1, hash2, value2, shift + BITS)};
        } else {
            node.dataMap = bit1 | bit2;
            node.entries = Long.compareUnsigned(bit1, bit2) < 0
                    ? new int[] {hash1, value1, hash2, value2}
                    : new int[] {hash2, value2, hash1, value1};
        }
        return node;
    }

    void insertEntry(long bit, int hash, int value) {
        int index = entryIndex(bit);
        int used = 2 * entryCount();
        if (used + 2 > entries.length) {
            int[] grown = new int[2 * grownCapacity(used / 2 + 1)];
            System.arraycopy(entries, 0, grown, 0, index);
            System.arraycopy(entries, index, grown, index + 2, used - index);
            entries = grown;
        } else {
            System.arraycopy(entries, index, entries, index + 2, used - index);
        }
        entries[index] = hash;
        entries[index + 1] = value;
        dataMap |= bit;
    }

    void removeEntry(long bit) {
        int index = entryIndex(bit);
        int used = 2 * entryCount();
        System.arraycopy(entries, index + 2, entries, index, used - index - 2);
        entries[used - 2] = 0;
        entries[used - 1] = 0;
        dataMap &= ~bit;
    }

    /** The entry at the bit moves down into {@code subnode}, which takes its slot. */
    void migrateEntryToNode(long bit, IntNode subnode) {
        removeEntry(bit);
        int index = nodeIndex(bit);
        int used = nodeCount();
        if (used + 1 > nodes.length) {
            IntNode[] grown = new IntNode[grownCapacity(used + 1)];
            System.arraycopy(nodes, 0, grown, 0, index);
            System.arraycopy(nodes, index, grown, index + 1, used - index);
            nodes = grown;
        } else {
            System.arraycopy(nodes, index, nodes, index + 1, used - index);
        }
        nodes[index] = subnode;
        nodeMap |= bit;
    }

    /** The subnode at the bit, left with one entry and no subnodes, is replaced by that entry. */
    void migrateNodeToEntry(long bit, IntNode subnode) {
        int index = nodeIndex(bit);
        int used = nodeCount();
        System.arraycopy(nodes, index + 1, nodes, index, used - index - 1);
        // A slot past the count holds null, so a removed subnode is garbage at once.
        nodes[used - 1] = null;
        nodeMap &= ~bit;
        insertEntry(bit, subnode.entries[0], subnode.entries[1]);
    }
}
