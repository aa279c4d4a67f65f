package dev.hamtlab.phase4.bumppool;

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

    /** 2^32 divided by the golden ratio, made odd: multiplying by it spreads every bit of a hash upwards. */
    private static final int GOLDEN = 0x9E3779B9;

    /**
     * The key's hashCode, spread: multiplied by {@link #GOLDEN}, then its high half folded onto its
     * low half, whose bits index the directory. Keys whose hashCodes differ only in their low bits
     * (small Integers) or only higher up (multiples of 2^k, as the strided keys are) then part in
     * the directory. Not every key: a multiply only moves bits up, so a hashCode with t trailing
     * zeros gives a product with t too. From t = 21, bits 0 to 20 of the product are all zero, so
     * the spread hash's low 5 bits are zero and every such key lands in one directory slot in 32.
     * Both steps are bijections, so two keys share a spread hash only when they share a hashCode:
     * spreading makes no new collisions.
     */
    static int hash(Object key) {
        int h = key.hashCode() * GOLDEN;
        return h ^ (h >>> 16);
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
