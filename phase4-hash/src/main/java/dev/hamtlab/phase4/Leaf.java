package dev.hamtlab.phase4;

import java.util.Map;
import java.util.Objects;

/** One key and its value: a leaf of the trie, and the entry that iterators hand out. */
final class Leaf<K, V> implements Map.Entry<K, V> {
    final K key;
    V value;

    Leaf(K key, V value) {
        this.key = key;
        this.value = value;
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
