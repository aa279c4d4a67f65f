package dev.hamtlab.phase4.inlined;

/**
 * An inner node of the trie: a {@link BitmapNode} or a {@link CollisionNode}. A node holds entries
 * (a key, its hash and its value) and subnodes. Nodes are edited in place; {@code shift} is always
 * the first hash bit a node branches on (0 at the root, then 5, 10, ... 30, and 35 for a collision
 * node). The operations themselves are each class's own, called on the final class: this is what
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
     * Whether this node holds one entry and nothing else: a subnode left so by a removal hands its
     * entry to its parent, which keeps the trie canonical.
     */
    final boolean holdsOneEntryOnly() {
        return entryCount() == 1 && subnodeCount() == 0;
    }

    /**
     * Checks this subtree and returns how many entries it holds. {@code prefix} is the hash bits
     * below {@code shift} that every key under this node shares.
     */
    abstract int verify(int prefix, int shift, boolean isRoot);

    static void check(boolean holds, String invariant) {
        if (!holds) {
            throw new IllegalStateException("broken invariant: " + invariant);
        }
    }
}
