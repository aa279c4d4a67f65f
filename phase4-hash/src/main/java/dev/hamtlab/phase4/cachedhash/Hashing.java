package dev.hamtlab.phase4.cachedhash;

/**
 * How a key's hash is cut into trie levels: 5 bits a level, lowest bits first, 32-way branching.
 * Every constant and bit trick of the trie lives here, once.
 */
final class Hashing {
    static final int BITS_PER_LEVEL = 5;
    static final int BRANCHING = 1 << BITS_PER_LEVEL;
    static final int LEVEL_MASK = BRANCHING - 1;
    /** The deepest shift that still has hash bits to branch on (30: the top 2 bits). */
    static final int MAX_SHIFT = 30;

    private Hashing() {
    }

    /** The raw hash: the key's own hashCode, as a textbook HAMT takes it. */
    static int hash(Object key) {
        return key.hashCode();
    }

    /** The 5-bit branch index of {@code hash} at the level that starts at bit {@code shift}. */
    static int mask(int hash, int shift) {
        return (hash >>> shift) & LEVEL_MASK;
    }

    /** The bitmap bit of {@code hash} at the level that starts at bit {@code shift}. */
    static int bitpos(int hash, int shift) {
        return 1 << mask(hash, shift);
    }

    /** Where the child for {@code bit} sits among the present children: the bits set below it. */
    static int index(int bitmap, int bit) {
        return Integer.bitCount(bitmap & (bit - 1));
    }
}
