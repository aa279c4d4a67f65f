package dev.hamtlab.contract;

/**
 * A comparable key of a chosen hash that counts the compareTo, equals and hashCode calls made on it
 * into a shared {@link Calls}, so a test can tell a search of O(log n) comparisons from a scan, and
 * see how often a map hashes a key.
 */
final class CountedKey implements Comparable<CountedKey> {
    /** The calls counted so far, shared by every key of one test. */
    static final class Calls {
        long compares;
        long equals;
        long hashCodes;

        void reset() {
            compares = 0;
            equals = 0;
            hashCodes = 0;
        }
    }

    private final int value;
    private final int hash;
    private final Calls calls;

    CountedKey(int value, int hash, Calls calls) {
        this.value = value;
        this.hash = hash;
        this.calls = calls;
    }

    @Override
    public int compareTo(CountedKey other) {
        calls.compares++;
        return Integer.compare(value, other.value);
    }

    @Override
    public boolean equals(Object o) {
        calls.equals++;
        return o instanceof CountedKey other && value == other.value && hash == other.hash;
    }

    @Override
    public int hashCode() {
        calls.hashCodes++;
        return hash;
    }

    @Override
    public String toString() {
        return "N(" + value + ")";
    }
}
