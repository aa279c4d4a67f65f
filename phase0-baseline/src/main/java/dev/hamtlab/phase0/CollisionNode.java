package dev.hamtlab.phase0;

import static dev.hamtlab.phase0.BitmapNode.INITIAL_CAPACITY;

/**
 * Two or more leaves whose keys have the same whole 32-bit hash, which no level can tell apart.
 * They sit in a growable list, like the children of a {@link BitmapNode}, and are scanned with
 * {@code equals}.
 */
final class CollisionNode<K, V> extends Node<K, V> {
    final int hash;
    private Object[] leaves;
    private int count;

    private CollisionNode(int hash, Object[] leaves, int count) {
        this.hash = hash;
        this.leaves = leaves;
        this.count = count;
    }

    static <K, V> CollisionNode<K, V> of(int hash, Leaf<K, V> first, Leaf<K, V> second, Allocator allocator) {
        Object[] leaves = allocator.allocate(INITIAL_CAPACITY);
        leaves[0] = first;
        leaves[1] = second;
        allocator.countNode();
        return new CollisionNode<>(hash, leaves, 2);
    }

    @Override
    V get(Object key, int hash, int shift) {
        if (hash != this.hash) {
            return null;
        }
        int i = find(key);
        return i < 0 ? null : leaf(i).value;
    }

    @Override
    V put(K key, int hash, int shift, V value, Allocator allocator) {
        int i = find(key);
        if (i >= 0) {
            Leaf<K, V> leaf = leaf(i);
            V old = leaf.value;
            leaf.value = value;
            return old;
        }
        if (count == leaves.length) {
            Object[] grown = allocator.allocate(2 * count);
            System.arraycopy(leaves, 0, grown, 0, count);
            leaves = grown;
        }
        leaves[count++] = allocator.leaf(key, value);
        return null;
    }

    @Override
    V remove(Object key, int hash, int shift, Allocator allocator) {
        int i = hash == this.hash ? find(key) : -1;
        if (i < 0) {
            return null;
        }
        V removed = leaf(i).value;
        System.arraycopy(leaves, i + 1, leaves, i, count - i - 1);
        leaves[--count] = null;
        return removed;
    }

    private int find(Object key) {
        for (int i = 0; i < count; i++) {
            if (key.equals(leaf(i).key)) {
                return i;
            }
        }
        return -1;
    }

    @SuppressWarnings("unchecked")
    private Leaf<K, V> leaf(int i) {
        return (Leaf<K, V>) leaves[i];
    }

    @Override
    int arity() {
        return count;
    }

    @Override
    Object child(int i) {
        return leaves[i];
    }

    @Override
    Leaf<K, V> soleLeaf() {
        return count == 1 ? leaf(0) : null;
    }

    @Override
    int verify(int prefix, int shift, boolean isRoot) {
        check(!isRoot, "the root is a bitmap node");
        check(BitmapNode.hasPrefix(hash, prefix, shift), "collision node of hash " + Integer.toHexString(hash)
                + " sits on its hash path");
        check(count >= 2, "a collision node holds two leaves or more, found " + count);
        check(count <= leaves.length, "leaves fit the list");
        for (int i = 0; i < leaves.length; i++) {
            check(i < count ? leaves[i] instanceof Leaf : leaves[i] == null, "collision slot " + i + " is a leaf in use or cleared");
        }
        for (int i = 0; i < count; i++) {
            Object key = leaf(i).key;
            check(Hashing.hash(key) == hash, "every key in a collision node has its hash");
            for (int j = i + 1; j < count; j++) {
                check(!key.equals(leaf(j).key), "keys in a collision node are distinct");
            }
        }
        return count;
    }
}
