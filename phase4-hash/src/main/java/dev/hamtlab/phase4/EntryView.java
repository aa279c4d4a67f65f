package dev.hamtlab.phase4;

import java.util.Map;
import java.util.Objects;

/**
 * An entry the entry set's iterator makes on demand, since the trie keeps no entry objects: the
 * key, its hash and the value it had when the iterator reached it. {@link #setValue} writes
 * through to the map, by the key's hash, without calling its hashCode again.
 */
final class EntryView<K, V> implements Map.Entry<K, V> {
    private final Hamt<K, V> map;
    private final K key;
    private final int hash;
    private V value;

    EntryView(Hamt<K, V> map, K key, int hash, V value) {
        this.map = map;
        this.key = key;
        this.hash = hash;
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

    /**
     * Replaces the key's value in the map and returns the value the map held. Once the key is gone
     * from the map, it changes only this entry, as a removed entry of java.util.HashMap does.
     */
    @Override
    public V setValue(V newValue) {
        Objects.requireNonNull(newValue, Hamt.NULL_MESSAGE);
        V held = map.replaceHashed(key, hash, newValue);
        V old = held != null ? held : value;
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
