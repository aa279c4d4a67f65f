package dev.hamtlab.phase4.recycling;

import java.util.BitSet;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;

/**
 * What {@code verifyInvariants} finds of the pool: the slots of every slice it meets, by the chunk
 * they lie in. Two slices that share a slot are a bug of the pool itself (a slice handed out twice)
 * that the trie's own checks would see only later, as a wrong answer far from its cause.
 */
final class PoolAudit {
    private final Map<Object, BitSet> claimed = new IdentityHashMap<>();
    private final Set<BitmapNode<?, ?>> reached = Collections.newSetFromMap(new IdentityHashMap<>());

    private PoolAudit() {
    }

    /**
     * Claims the slices of every bitmap node under the directory, then those on the freelists; fails
     * at the first slot two of them share, or at a recycled node still in the trie.
     */
    static void check(Directory<?, ?> directory, Allocator allocator) {
        PoolAudit audit = new PoolAudit();
        for (int s = 0; s < directory.slotCount(); s++) {
            Node<?, ?> subtree = directory.subtree(s);
            if (subtree != null) {
                audit.claimAll(subtree);
            }
        }
        allocator.verify(audit);
    }

    /** Whether the walk of the trie met this node. */
    boolean wasReached(BitmapNode<?, ?> node) {
        return reached.contains(node);
    }

    private void claimAll(Node<?, ?> node) {
        if (node instanceof BitmapNode) {
            reached.add((BitmapNode<?, ?>) node);
            ((BitmapNode<?, ?>) node).claimSlices(this);
        }
        for (int j = 0; j < node.subnodeCount(); j++) {
            claimAll(node.subnode(j));
        }
    }

    /** Marks the slots of a content slice as met; fails if another slice met before holds one of them. */
    void claim(Object[] slab, int offset, int slots, String what) {
        mark(slab, offset, slots, what);
    }

    /** The same for a slice of hashes. */
    void claimHashes(int[] slab, int offset, int slots, String what) {
        mark(slab, offset, slots, what);
    }

    private void mark(Object slab, int offset, int slots, String what) {
        BitSet taken = claimed.computeIfAbsent(slab, s -> new BitSet());
        int shared = taken.nextSetBit(offset);
        Node.check(shared < 0 || shared >= offset + slots, what + " shares slot " + shared + " with another slice");
        taken.set(offset, offset + slots);
    }
}
