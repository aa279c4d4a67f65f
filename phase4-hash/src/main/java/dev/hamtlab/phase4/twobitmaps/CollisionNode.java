package dev.hamtlab.phase4.twobitmaps;

/**
 * Two or more leaves whose keys have the same whole 32-bit hash, which no level can tell apart.
 * One only ever hangs below a bitmap node at {@link Hashing#MAX_SHIFT}, where the hash has no bits
 * left, so the hot loop meets it only there. Its leaves sit in an exactly-sized array and are
 * scanned with identity, then {@code equals}.
 */
final class CollisionNode<K, V> extends Node<K, V> {
    final int hash;
    private Object[] leaves;

    private CollisionNode(int hash, Object[] leaves) {
        this.hash = hash;
        this.leaves = leaves;
    }

    static <K, V> CollisionNode<K, V> of(Leaf<K, V> first, Leaf<K, V> second, Allocator allocator) {
        Object[] leaves = allocator.allocate(2);
        leaves[0] = first;
        leaves[1] = second;
        allocator.countNode();
        return new CollisionNode<>(first.hash, leaves);
    }

    /*
     * The path to a collision node spells all 32 bits of its hash, so a key that reaches it has that
     * hash: the operations take no hash.
     */

    /** The value of {@code key}, or null when absent. */
    V get(Object key) {
        int i = find(key);
        return i < 0 ? null : leaf(i).value;
    }

    /** Maps {@code key} to {@code value}; returns the old value, or null when the key was added. */
    V put(K key, V value, Allocator allocator) {
        int i = find(key);
        if (i >= 0) {
            Leaf<K, V> leaf = leaf(i);
            V old = leaf.value;
            leaf.value = value;
            return old;
        }
        int count = leaves.length;
        Object[] copy = allocator.allocate(count + 1);
        System.arraycopy(leaves, 0, copy, 0, count);
        copy[count] = allocator.leaf(key, hash, value);
        leaves = copy;
        return null;
    }

    /** Unmaps {@code key}; returns its value, or null when it was absent. */
    V remove(Object key, Allocator allocator) {
        int i = find(key);
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

    private int find(Object key) {
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

    /** Collision nodes keep plain arrays: the collector takes them. */
    @Override
    void release(Allocator allocator) {
    }

    @Override
    int arity() {
        return leaves.length;
    }

    @Override
    Object child(int i) {
        return leaves[i];
    }

    @Override
    Leaf<K, V> soleLeaf() {
        return leaves.length == 1 ? leaf(0) : null;
    }

    @Override
    int verify(int prefix, int shift, boolean isRoot, PoolAudit audit) {
        check(!isRoot, "the root is a bitmap node");
        check(shift > Hashing.MAX_SHIFT, "a collision node hangs below the last level, found one at shift " + shift);
        check(BitmapNode.hasPrefix(hash, prefix, shift), "collision node of hash " + Integer.toHexString(hash)
                + " sits on its hash path");
        int count = leaves.length;
        check(count >= 2, "a collision node holds two leaves or more, found " + count);
        for (int i = 0; i < count; i++) {
            check(leaves[i] instanceof Leaf, "collision slot " + i + " is a leaf");
            Object key = leaf(i).key;
            check(leaf(i).hash == hash && Hashing.hash(key) == hash, "every key in a collision node has its hash, cached");
            for (int j = i + 1; j < count; j++) {
                check(!key.equals(leaf(j).key), "keys in a collision node are distinct");
            }
        }
        return count;
    }
}
