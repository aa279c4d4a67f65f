package dev.hamtlab.phase4.hotpath;

/**
 * An inner node of the trie: a {@link BitmapNode} or a {@link CollisionNode}. A child slot holds a
 * {@link Leaf} or another node. Nodes are edited in place; {@code shift} is always the first hash
 * bit a node branches on (0 at the root, then 5, 10, ... 30, and 35 for a collision node). The
 * operations themselves are each class's own, called on the final class: this is what the walks
 * that are not on the hot path share (iteration, shape, checks, release).
 */
abstract class Node<K, V> {

    /** Gives this node, which removal has just dropped from the trie, and its slots back to the allocator. */
    abstract void release(Allocator allocator);

    /** How many child slots are in use. */
    abstract int arity();

    /** The child in use at position {@code i}: a {@link Leaf} or a {@link Node}. */
    abstract Object child(int i);

    /** The only leaf under this node when that is all it holds (then the parent takes it back). */
    abstract Leaf<K, V> soleLeaf();

    /**
     * Checks this subtree and returns how many entries it holds. {@code prefix} is the hash bits
     * below {@code shift} that every key under this node shares; {@code audit} collects the pool's
     * slices met on the way.
     */
    abstract int verify(int prefix, int shift, boolean isRoot, PoolAudit audit);

    static void check(boolean holds, String invariant) {
        if (!holds) {
            throw new IllegalStateException("broken invariant: " + invariant);
        }
    }
}
