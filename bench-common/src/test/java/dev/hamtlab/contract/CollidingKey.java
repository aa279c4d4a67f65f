package dev.hamtlab.contract;

/**
 * A key whose hashCode is chosen by the test, so hashes can collide fully, in the low bits only,
 * or along a shared prefix of trie levels. Two keys are equal when both value and hash are.
 */
record CollidingKey(int value, int hash) {
    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public String toString() {
        return "K(" + value + "#" + Integer.toHexString(hash) + ")";
    }
}
