package dev.hamtlab.contract;

/**
 * Phase 4's spread of a hashCode (times 2^32/φ, then the high half folded onto the low half) and
 * its inverse: the hashCode whose spread is a given trie hash. The hostile key spaces go through
 * the inverse for the phases that spread, so that their keys meet in the trie exactly as they meet
 * in a phase that takes the hashCode as it comes: a shared prefix spread away is no test.
 */
final class Spread {
    private static final int GOLDEN = 0x9E3779B9;
    /** GOLDEN's inverse modulo 2^32. */
    private static final int GOLDEN_INVERSE = 0x144CBC89;

    private Spread() {
    }

    static int of(int hashCode) {
        int h = hashCode * GOLDEN;
        return h ^ (h >>> 16);
    }

    /** The hashCode that spreads to {@code trieHash}: the fold undone (it is its own inverse), then the multiply. */
    static int inverse(int trieHash) {
        return (trieHash ^ (trieHash >>> 16)) * GOLDEN_INVERSE;
    }
}
