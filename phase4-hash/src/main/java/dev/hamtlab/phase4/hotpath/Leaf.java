package dev.hamtlab.phase4.hotpath;

import java.util.Map;
import java.util.Objects;

/**
 * One key, its hash and its value: a leaf of the trie, and the entry that iterators hand out. The
 * hash is the key's, computed once when the key is added. Under 12-byte object headers a leaf's
 * header and two compressed references take 20 bytes, which the JVM pads to 24, so the int fits in
 * the padding; under compact 8-byte headers (JDK 25's -XX:+UseCompactObjectHeaders) they take 16,
 * and the int makes a leaf 24 bytes instead of 16.
 */
final class Leaf<K, V> implements Map.Entry<K, V> {
    final K key;
    final int hash;
    V value;

    Leaf(K key, int hash, V value) {
        this.key = key;
        this.hash = hash;
        this.value = value;
    }

    /**
     * Whether this leaf holds {@code key}, whose hash is {@code hash}: an int compare tells most
     * other keys apart, identity finds the stored object itself, and equals runs only for a key
     * whose hash is the same.
     */
    boolean holds(Object key, int hash) {
        return this.hash == hash && (this.key == key || key.equals(this.key));
    }

    @Override
    public K getKey() {
        return key;
    }

    @Override
    public V getValue() {
        return value;
    }

    /** Writes through to the map: the leaf is the map's own storage. */
    @Override
    public V setValue(V newValue) {
        Objects.requireNonNull(newValue, Hamt.NULL_MESSAGE);
        V old = value;
        value = newValue;
        return old;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Map.Entry<?, ?> e && key.equals(e.getKey()) && value.equals(e.getValue());
    }

    @Override
    public int hashCode() {
        return key.hashCode() ^ value.hashCode();
    }

    @Override
    public String toString() {
        return key + "=" + value;
    }
}
