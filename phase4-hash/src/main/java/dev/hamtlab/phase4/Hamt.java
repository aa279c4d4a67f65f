package dev.hamtlab.phase4;

import java.util.AbstractCollection;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Collection;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Phase 4, the design the chain of variants ends in: phase4-specialised, whose top levels are one
 * {@link Directory} of 2^k slots indexed by the hash's low k bits, grown by absorbing a level
 * (k = 5, 10, 15, ...) when the map holds more than 16 entries a slot. A lookup takes one step to the
 * subtree of its k bits, so every key's depth is nearly the same: at 1M keys (2^20 slots) one slot,
 * then the entry itself or a bucket. The rest is phase4-specialised's: buckets of two or three
 * entries in fields, CHAMP's layout in the bitmap nodes, the spread hash, cached hashes compared
 * before equals, exactly-sized arrays allocated anew on every change.
 *
 * <p>Null keys and null values are not permitted: every method given one throws
 * {@link NullPointerException}.
 */
public final class Hamt<K, V> extends AbstractMap<K, V> {
    static final String NULL_MESSAGE = "null key or value: hamtlab maps do not permit nulls";

    private final Allocator allocator = new Allocator();
    private Directory<K, V> directory = new Directory<>(Hashing.BITS_PER_LEVEL, allocator);
    private int size;
    /** Counts structural changes (keys added or removed), so iterators can fail fast. */
    int modCount;

    @Override
    public V get(Object key) {
        Objects.requireNonNull(key, NULL_MESSAGE);
        return directory.get(key, Hashing.hash(key));
    }

    @Override
    public boolean containsKey(Object key) {
        return get(key) != null;
    }

    @Override
    public boolean containsValue(Object value) {
        Objects.requireNonNull(value, NULL_MESSAGE);
        return super.containsValue(value);
    }

    @Override
    public V put(K key, V value) {
        Objects.requireNonNull(key, NULL_MESSAGE);
        Objects.requireNonNull(value, NULL_MESSAGE);
        V old = directory.put(key, Hashing.hash(key), value, allocator);
        if (old == null) {
            size++;
            modCount++;
            if (directory.isOutgrownBy(size)) {
                directory = directory.grown(allocator);
            }
        }
        return old;
    }

    @Override
    public V remove(Object key) {
        Objects.requireNonNull(key, NULL_MESSAGE);
        return removeHashed(key, Hashing.hash(key));
    }

    /** The value of a key whose hash is known: a key the map holds, which iterators read by. */
    V getHashed(Object key, int hash) {
        return directory.get(key, hash);
    }

    /**
     * Replaces the value of a key whose hash is known when the map holds it; returns the old value,
     * or null (and changes nothing) when it does not.
     */
    V replaceHashed(K key, int hash, V value) {
        return directory.get(key, hash) == null ? null : directory.put(key, hash, value, allocator);
    }

    /** Removes a key whose hash is known: a key the map holds, which iterators and views remove by. */
    V removeHashed(Object key, int hash) {
        V removed = directory.remove(key, hash, allocator);
        if (removed != null) {
            size--;
            modCount++;
        }
        return removed;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public void clear() {
        directory = new Directory<>(Hashing.BITS_PER_LEVEL, allocator);
        size = 0;
        modCount++;
    }

    @Override
    public Set<Map.Entry<K, V>> entrySet() {
        return new EntrySet();
    }

    @Override
    public Set<K> keySet() {
        return new KeySet();
    }

    @Override
    public Collection<V> values() {
        return new Values();
    }

    /**
     * What the allocation strategy has done for this map since it was made: bitmap nodes, buckets,
     * content arrays (the directories' among them) and their slots, hash arrays and their slots,
     * and the leaves of collision nodes allocated. Needs the JVM flag {@code -Dhamtlab.stats=true}.
     *
     * @throws IllegalStateException when counting is off
     */
    public Map<String, Long> stats() {
        return allocator.stats();
    }

    /**
     * The trie's shape, found by walking it: entries, bitmap nodes, collision nodes and buckets, the
     * deepest and the mean entry depth (the directory's own entries at 1; "leaf" in the figures'
     * names, which every phase shares), mean children (entries and subnodes) per bitmap node,
     * entries per node (buckets counted as nodes, the directory not), how many entries lie at each
     * depth, and the directory's slots.
     */
    public Map<String, Number> shape() {
        return Shape.of(directory);
    }

    /**
     * Walks the whole trie and checks that it is well formed: every slot of the directory holds
     * nothing, an entry or a subtree on its hash path, the two bitmaps share no branch and agree
     * with the arrays, every entry caches its key's hash and sits on its hash path, every bucket
     * holds two or three distinct keys and every bitmap node more than three,
     * collision nodes hold distinct keys of one hash, and the entries add up to {@link #size()}.
     *
     * @throws IllegalStateException naming the first broken invariant
     */
    public void verifyInvariants() {
        int entries = directory.verify();
        Node.check(entries == size, "size " + size + " counts the " + entries + " entries");
    }

    Directory<K, V> directory() {
        return directory;
    }

    /*
     * The views remove through the map, at the cost of map.remove. AbstractMap's keySet and values
     * would find the element with an iterator and remove through it, and an iterator's first
     * remove copies what it has not visited yet: k removals from an n-key map would cost k * n.
     */

    private final class EntrySet extends AbstractSet<Map.Entry<K, V>> {
        @Override
        public Iterator<Map.Entry<K, V>> iterator() {
            return new TrieIterator<>(Hamt.this, (key, hash, value) -> new EntryView<>(Hamt.this, key, hash, value));
        }

        @Override
        public int size() {
            return size;
        }

        @Override
        public boolean contains(Object o) {
            if (!(o instanceof Map.Entry<?, ?> e) || e.getKey() == null) {
                return false;
            }
            V value = get(e.getKey());
            return value != null && value.equals(e.getValue());
        }

        @Override
        public boolean remove(Object o) {
            if (!contains(o)) {
                return false;
            }
            Hamt.this.remove(((Map.Entry<?, ?>) o).getKey());
            return true;
        }

        @Override
        public void clear() {
            Hamt.this.clear();
        }
    }

    private final class KeySet extends AbstractSet<K> {
        @Override
        public Iterator<K> iterator() {
            return new TrieIterator<>(Hamt.this, (key, hash, value) -> key);
        }

        @Override
        public int size() {
            return size;
        }

        @Override
        public boolean contains(Object o) {
            return containsKey(o);
        }

        @Override
        public boolean remove(Object o) {
            return Hamt.this.remove(o) != null;
        }

        @Override
        public void clear() {
            Hamt.this.clear();
        }
    }

    private final class Values extends AbstractCollection<V> {
        @Override
        public Iterator<V> iterator() {
            return new TrieIterator<>(Hamt.this, (key, hash, value) -> value);
        }

        @Override
        public int size() {
            return size;
        }

        @Override
        public boolean contains(Object o) {
            return containsValue(o);
        }

        /** Finds an entry holding the value by walking the trie, as any map must, then removes its key through the map. */
        @Override
        public boolean remove(Object o) {
            Objects.requireNonNull(o, NULL_MESSAGE);
            for (Iterator<Leaf<K, V>> entries = new TrieIterator<>(Hamt.this, Leaf::new); entries.hasNext(); ) {
                Leaf<K, V> entry = entries.next();
                if (o.equals(entry.value)) {
                    removeHashed(entry.key, entry.hash);
                    return true;
                }
            }
            return false;
        }

        @Override
        public void clear() {
            Hamt.this.clear();
        }
    }
}
