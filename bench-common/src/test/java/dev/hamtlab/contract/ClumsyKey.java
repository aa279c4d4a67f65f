package dev.hamtlab.contract;

/**
 * A comparable key whose compareTo is inconsistent with equals: it compares by {@code value / 4}
 * alone, so four unequal keys compare as equal, while equals and hashCode are a record's. The Map
 * contract must still hold; a collision node cannot order such keys by compareTo alone.
 */
record ClumsyKey(int value, int hash) implements Comparable<ClumsyKey> {
    @Override
    public int compareTo(ClumsyKey other) {
        return Integer.compare(value / 4, other.value / 4);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public String toString() {
        return "C(" + value + "#" + Integer.toHexString(hash) + ")";
    }
}
