package dev.hamtlab.phase4;

/**
 * An inner node of the trie: a {@link BitmapNode}, a {@link Bucket} or a {@link CollisionNode}. A
 * node holds entries (a key, its hash and its value) and subnodes. Nodes are edited in place;
 * {@code shift} is always the first hash bit a node branches on (0 at the root, then 5, 10, ... 30,
 * and 35 for a collision node). The operations themselves are each class's own, called on the final class: this is what
 * the walks that are not on the hot path share (iteration, shape, checks).
 */
abstract class Node<K, V> {

    /** How many entries this node holds itself. */
    abstract int entryCount();

    abstract K key(int i);

    abstract int hash(int i);

    abstract V value(int i);

    /** How many subnodes this node holds. */
    abstract int subnodeCount();

    abstract Node<K, V> subnode(int i);

    /**
     * How many entries this subtree holds, counted only as far as needed to tell whether that is
     * {@code limit} or fewer: past it, any number above the limit.
     */
    abstract int countAtMost(int limit);

    /**
     * Checks this subtree and returns how many entries it holds. {@code prefix} is the hash bits
     * below {@code shift} that every key under this node shares.
     */
    abstract int verify(int prefix, int shift);

    static void check(boolean holds, String invariant) {
        if (!holds) {
            throw new IllegalStateException("broken invariant: " + invariant);
        }
    }
}
