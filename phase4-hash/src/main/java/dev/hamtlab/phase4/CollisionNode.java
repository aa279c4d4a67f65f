package dev.hamtlab.phase4;

/**
 * More leaves than a {@link Bucket} holds whose keys have the same whole 32-bit hash, which no
 * level can tell apart.
 * One only ever hangs below a bitmap node at {@link Hashing#MAX_SHIFT}, where the hash has no bits
 * left, so the hot loop meets it only there.
 * Keys of one comparable class (the first met here) go into {@link OrderedLeaves}, a tree searched
 * with {@code compareTo}, so a flood of colliding keys stays O(log n) an operation. The others
 * (keys that are not comparable, of another class, or that compare equal to a different stored
 * key) sit in an exactly-sized array, like the content of a {@link BitmapNode}, and are scanned
 * with identity, then {@code equals}. The leaves' order for the iterators: the tree's, then the
 * array's.
 */
final class CollisionNode<K, V> extends Node<K, V> {
    private static final Object[] NO_LEAVES = {};

    final int hash;
    /** Null until a key of a comparable class arrives. */
    private OrderedLeaves<K, V> ordered;
    private Object[] leaves = NO_LEAVES;

    private CollisionNode(int hash) {
        this.hash = hash;
    }

    /** The collision node of the entries given (more than a bucket holds, all of one hash), laid out as in a node's content. */
    @SuppressWarnings("unchecked")
    static <K, V> CollisionNode<K, V> of(Object[] keysAndValues, int[] hashes, Allocator allocator) {
        CollisionNode<K, V> node = new CollisionNode<>(hashes[0]);
        for (int e = 0; e < hashes.length; e++) {
            node.add(allocator.leaf((K) keysAndValues[2 * e], hashes[e], (V) keysAndValues[2 * e + 1]), allocator);
        }
        allocator.countNode();
        return node;
    }

    /*
     * The path to a collision node spells all 32 bits of its hash, so a key that reaches it has that
     * hash: the operations take no hash.
     */

    /** The value of {@code key}, or null when absent. */
    V get(Object key) {
        Leaf<K, V> leaf = find(key);
        return leaf == null ? null : leaf.value;
    }

    /** Maps {@code key} to {@code value}; returns the old value, or null when the key was added. */
    V put(K key, V value, Allocator allocator) {
        Leaf<K, V> leaf = find(key);
        if (leaf != null) {
            V old = leaf.value;
            leaf.value = value;
            return old;
        }
        add(allocator.leaf(key, hash, value), allocator);
        return null;
    }

    /** Unmaps {@code key}; returns its value, or null when it was absent. */
    V remove(Object key, Allocator allocator) {
        if (ordered != null && ordered.orders(key)) {
            Leaf<K, V> removed = ordered.remove(key);
            if (removed != null) {
                return removed.value;
            }
        }
        int i = indexInList(key);
        if (i < 0) {
            return null;
        }
        V removed = leaf(i).value;
        int count = leaves.length;
        Object[] copy = allocator.allocate(count - 1);
        System.arraycopy(leaves, 0, copy, 0, i);
        System.arraycopy(leaves, i + 1, copy, i, count - i - 1);
        leaves = copy;
        return removed;
    }

    /** The leaf of a key equal to {@code key}, or null. */
    private Leaf<K, V> find(Object key) {
        if (ordered != null && ordered.orders(key)) {
            Leaf<K, V> same = ordered.sameOrder(key);
            if (same != null && (same.key == key || key.equals(same.key))) {
                return same;
            }
        }
        int i = indexInList(key);
        return i < 0 ? null : leaf(i);
    }

    /** Places a leaf whose key this node does not hold: in the tree when it can order it, else in the array. */
    private void add(Leaf<K, V> leaf, Allocator allocator) {
        if (ordered == null) {
            Class<?> keyClass = OrderedLeaves.comparableClass(leaf.key);
            if (keyClass != null) {
                ordered = new OrderedLeaves<>(keyClass);
            }
        }
        if (ordered != null && ordered.orders(leaf.key) && ordered.sameOrder(leaf.key) == null) {
            ordered.add(leaf);
            return;
        }
        int count = leaves.length;
        Object[] copy = allocator.allocate(count + 1);
        System.arraycopy(leaves, 0, copy, 0, count);
        copy[count] = leaf;
        leaves = copy;
    }

    private int indexInList(Object key) {
        for (int i = 0; i < leaves.length; i++) {
            Object stored = leaf(i).key;
            if (stored == key || key.equals(stored)) {
                return i;
            }
        }
        return -1;
    }

    @SuppressWarnings("unchecked")
    private Leaf<K, V> leaf(int i) {
        return (Leaf<K, V>) leaves[i];
    }

    private int orderedCount() {
        return ordered == null ? 0 : ordered.size();
    }

    /** The i-th leaf: the tree's in order, then the array's. */
    private Leaf<K, V> leafAt(int i) {
        int inTree = orderedCount();
        return i < inTree ? ordered.get(i) : leaf(i - inTree);
    }

    @Override
    int entryCount() {
        return orderedCount() + leaves.length;
    }

    @Override
    K key(int i) {
        return leafAt(i).key;
    }

    @Override
    int hash(int i) {
        return hash;
    }

    @Override
    V value(int i) {
        return leafAt(i).value;
    }

    @Override
    int subnodeCount() {
        return 0;
    }

    @Override
    Node<K, V> subnode(int j) {
        throw new IndexOutOfBoundsException("a collision node has no subnodes");
    }

    @Override
    int countAtMost(int limit) {
        return entryCount();
    }

    @Override
    int verify(int prefix, int shift) {
        check(shift > Hashing.MAX_SHIFT, "a collision node hangs below the last level, found one at shift " + shift);
        check(BitmapNode.hasPrefix(hash, prefix, shift), "collision node of hash " + Integer.toHexString(hash)
                + " sits on its hash path");
        int inTree = ordered == null ? 0 : ordered.verify();
        int count = leaves.length;
        check(inTree + count > Bucket.CAPACITY,
                "a collision node holds more leaves than a bucket, found " + (inTree + count));
        for (int i = 0; i < count; i++) {
            check(leaves[i] instanceof Leaf, "collision slot " + i + " is a leaf");
        }
        for (int i = 0; i < inTree + count; i++) {
            Leaf<?, ?> leaf = leafAt(i);
            check(leaf.hash == hash && Hashing.hash(leaf.key) == hash,
                    "every key in a collision node has its hash, cached");
        }
        for (int i = 0; i < count; i++) {
            Object key = leaf(i).key;
            check(ordered == null || !ordered.orders(key) || !key.equals(keyOf(ordered.sameOrder(key))),
                    "a key in a collision node's array is not in its tree");
            for (int j = i + 1; j < count; j++) {
                check(!key.equals(leaf(j).key), "keys in a collision node's array are distinct");
            }
        }
        return inTree + count;
    }

    private static Object keyOf(Leaf<?, ?> leaf) {
        return leaf == null ? null : leaf.key;
    }
}
