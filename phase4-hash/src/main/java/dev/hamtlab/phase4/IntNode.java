package dev.hamtlab.phase4;

/**
 * A node of {@link IntHamt}, CHAMP's layout: {@code dataMap} marks the slots that hold an entry
 * inline, {@code nodeMap} those that hold a subnode, never both. An entry is the pair (mixed hash,
 * value) in {@code entries}; a slot's index is the popcount of the map's bits below it. Arrays are
 * exactly sized and replaced only when the node's arity changes; a value is overwritten in place.
 */
final class IntNode {
    /** Hash bits a level: 64-way nodes, whose bitmaps are longs. */
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
        return entries.length / 2;
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
        int[] grown = new int[entries.length + 2];
        System.arraycopy(entries, 0, grown, 0, index);
        grown[index] = hash;
        grown[index + 1] = value;
        System.arraycopy(entries, index, grown, index + 2, entries.length - index);
        entries = grown;
        dataMap |= bit;
    }

    void removeEntry(long bit) {
        int index = entryIndex(bit);
        entries = withoutEntry(index);
        dataMap &= ~bit;
    }

    /** The entry at the bit moves down into {@code subnode}, which takes its slot. */
    void migrateEntryToNode(long bit, IntNode subnode) {
        entries = withoutEntry(entryIndex(bit));
        dataMap &= ~bit;
        int index = nodeIndex(bit);
        IntNode[] grown = new IntNode[nodes.length + 1];
        System.arraycopy(nodes, 0, grown, 0, index);
        grown[index] = subnode;
        System.arraycopy(nodes, index, grown, index + 1, nodes.length - index);
        nodes = grown;
        nodeMap |= bit;
    }

    /** The subnode at the bit, left with one entry and no subnodes, is replaced by that entry. */
    void migrateNodeToEntry(long bit, IntNode subnode) {
        int index = nodeIndex(bit);
        IntNode[] shrunk = new IntNode[nodes.length - 1];
        System.arraycopy(nodes, 0, shrunk, 0, index);
        System.arraycopy(nodes, index + 1, shrunk, index, nodes.length - index - 1);
        nodes = shrunk.length == 0 ? NO_NODES : shrunk;
        nodeMap &= ~bit;
        insertEntry(bit, subnode.entries[0], subnode.entries[1]);
    }

    private int[] withoutEntry(int index) {
        if (entries.length == 2) {
            return NO_ENTRIES;
        }
        int[] shrunk = new int[entries.length - 2];
        System.arraycopy(entries, 0, shrunk, 0, index);
        System.arraycopy(entries, index + 2, shrunk, index, entries.length - index - 2);
        return shrunk;
    }
}
