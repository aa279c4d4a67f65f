package dev.hamtlab.phase0;

import java.util.AbstractMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** STUB (to be replaced by the real trie): lets bench-common compile against the final API. */
public final class Hamt<K, V> extends AbstractMap<K, V> {
    private final HashMap<K, V> map = new HashMap<>();

    public Hamt() {
    }

    @Override public V get(Object key) { return map.get(Objects.requireNonNull(key, "null key: hamtlab maps do not permit null keys or values")); }
    @Override public boolean containsKey(Object key) { return map.containsKey(Objects.requireNonNull(key, "null key: hamtlab maps do not permit null keys or values")); }
    @Override public V put(K key, V value) {
        Objects.requireNonNull(key, "null key: hamtlab maps do not permit null keys or values");
        Objects.requireNonNull(value, "null value: hamtlab maps do not permit null keys or values");
        return map.put(key, value);
    }
    @Override public V remove(Object key) { return map.remove(Objects.requireNonNull(key, "null key: hamtlab maps do not permit null keys or values")); }
    @Override public int size() { return map.size(); }
    @Override public void clear() { map.clear(); }
    @Override public Set<Map.Entry<K, V>> entrySet() { return map.entrySet(); }

    /** Counters of what the allocation strategy did; needs -Dhamtlab.stats=true. */
    public Map<String, Long> stats() { return Map.of("nodesAllocated", 0L, "arraysAllocated", 0L, "slotsAllocated", 0L); }

    /** Walks the whole trie and throws IllegalStateException naming the first broken invariant. */
    public void verifyInvariants() { }
}
