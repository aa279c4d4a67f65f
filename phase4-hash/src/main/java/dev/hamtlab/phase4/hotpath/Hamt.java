package dev.hamtlab.phase4.hotpath;

import java.util.AbstractCollection;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Collection;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Phase 4's first three ideas, hashing and the hot path (phase4-hotpath, a variant): the phase 3
 * trie, whose leaves cache their key's hash. A key's hashCode is
 * called once per operation and never again for a key the map holds (not on a split, not on a
 * removal through an iterator); a lookup compares the cached hash, then identity, and calls
 * equals only on a key of the same hash. The hash is spread (mixed) first, so keys of low
 * entropy, such as multiples of 2^k, still part at the top of the trie. And the hot path is one
 * loop down the final node class, with no recursion and no virtual call a level: collision nodes
 * hang only below the last level, out of the loop's way. The rest is phase 3's.
 *
 * <p>Null keys and null values are not permitted: every method given one throws
 * {@link NullPointerException}.
 */
public final class Hamt<K, V> extends AbstractMap<K, V> {
    static final String NULL_MESSAGE = "null key or value: hamtlab maps do not permit nulls";

    private final Allocator allocator;
    private BitmapNode<K, V> root = BitmapNode.empty();
    private int size;
    /** Counts structural changes (keys added or removed), so iterators can fail fast. */
    int modCount;

    /** A map with a pool of {@value Allocator#DEFAULT_CHUNK_SLOTS}-slot chunks that falls back to a new chunk. */
    public Hamt() {
        this(Allocator.DEFAULT_CHUNK_SLOTS, Fallback.NEW_CHUNK);
    }

    /**
     * A map whose pool pre-allocates chunks of {@code chunkSlots} slots and does {@code fallback}
     * when a chunk cannot fit a slice.
     *
     * @throws IllegalArgumentException when a chunk could not hold a full node's 32 children
     */
    public Hamt(int chunkSlots, Fallback fallback) {
        if (chunkSlots < Hashing.BRANCHING) {
            throw new IllegalArgumentException("chunkSlots must be at least " + Hashing.BRANCHING
                    + ", got " + chunkSlots);
        }
        this.allocator = new Allocator(chunkSlots, Objects.requireNonNull(fallback, "fallback"));
    }

    @Override
    public V get(Object key) {
        Objects.requireNonNull(key, NULL_MESSAGE);
        return root.get(key, Hashing.hash(key));
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
        V old = root.put(key, Hashing.hash(key), value, allocator);
        if (old == null) {
            size++;
            modCount++;
        }
        return old;
    }

    @Override
    public V remove(Object key) {
        Objects.requireNonNull(key, NULL_MESSAGE);
        return removeHashed(key, Hashing.hash(key));
    }

    /** Removes a key whose hash is known: a leaf's own key, which iterators and views remove by. */
    V removeHashed(Object key, int hash) {
        V removed = root.remove(key, hash, 0, allocator);
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
        root = BitmapNode.empty();
        allocator.clear();
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
     * What the allocation strategy has done for this map since it was made: nodes and plain
     * arrays allocated, chunks, slices and slots carved from the pool, fallbacks, slots abandoned
     * and wasted at chunk tails, the slots live slices hold now, slices, slots and nodes reused
     * from the freelists, and what waits in them now. Needs the JVM flag
     * {@code -Dhamtlab.stats=true}.
     *
     * @throws IllegalStateException when counting is off
     */
    public Map<String, Long> stats() {
        return allocator.stats();
    }

    /**
     * The trie's shape, found by walking it: entries, bitmap and collision nodes, the deepest and
     * the mean leaf depth (the root's own leaves at 1), mean children per bitmap node, entries per
     * node, how many leaves lie at each depth, and the pool's slots: those live slices hold, and
     * those the pool keeps reachable (every array a live slice lies in, the current chunk, the
     * freelists' arrays).
     */
    public Map<String, Number> shape() {
        return Shape.of(root, allocator);
    }

    /**
     * Walks the whole trie and checks that it is well formed: bitmaps agree with the children,
     * every key sits on its hash path, no non-root node holds a single leaf, collision nodes hold
     * two or more distinct keys of one hash, the entries add up to {@link #size()}, no two
     * nodes' slices share a slot of the pool, every slice on a freelist is cleared and shares no
     * slot with any other slice, live or free, and no recycled node is reachable from the root.
     *
     * @throws IllegalStateException naming the first broken invariant
     */
    public void verifyInvariants() {
        PoolAudit audit = new PoolAudit();
        int entries = root.verify(0, 0, true, audit);
        allocator.verify(audit);
        Node.check(entries == size, "size " + size + " counts the " + entries + " entries");
    }

    BitmapNode<K, V> root() {
        return root;
    }

    /*
     * The views remove through the map, at the cost of map.remove. AbstractMap's keySet and values
     * would find the element with an iterator and remove through it, and an iterator's first
     * remove copies what it has not visited yet: k removals from an n-key map would cost k * n.
     */

    private final class EntrySet extends AbstractSet<Map.Entry<K, V>> {
        @Override
        public Iterator<Map.Entry<K, V>> iterator() {
            return new TrieIterator<>(Hamt.this, leaf -> leaf);
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
            return new TrieIterator<>(Hamt.this, leaf -> leaf.key);
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
            return new TrieIterator<>(Hamt.this, leaf -> leaf.value);
        }

        @Override
        public int size() {
            return size;
        }

        @Override
        public boolean contains(Object o) {
            return containsValue(o);
        }

        /** Finds a leaf holding the value by walking the trie, as any map must, then removes its key through the map. */
        @Override
        public boolean remove(Object o) {
            Objects.requireNonNull(o, NULL_MESSAGE);
            for (Iterator<Leaf<K, V>> leaves = new TrieIterator<>(Hamt.this, leaf -> leaf); leaves.hasNext(); ) {
                Leaf<K, V> leaf = leaves.next();
                if (o.equals(leaf.value)) {
                    removeHashed(leaf.key, leaf.hash);
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
