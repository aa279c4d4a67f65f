package dev.hamtlab.phase4.bumppool;

import java.util.BitSet;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * What {@code verifyInvariants} finds of the pool: the slots of every slice it meets, by the chunk
 * they lie in. Two slices that share a slot are a bug of the pool itself (a slice handed out twice)
 * that the trie's own checks would see only later, as a wrong answer far from its cause.
 */
final class PoolAudit {
    private final Map<Object, BitSet> claimed = new IdentityHashMap<>();

    private PoolAudit() {
    }

    /** Claims the slices of every bitmap node under the directory; fails at the first slot two of them share. */
    static void check(Directory<?, ?> directory) {
        PoolAudit audit = new PoolAudit();
        for (int s = 0; s < directory.slotCount(); s++) {
            Node<?, ?> subtree = directory.subtree(s);
            if (subtree != null) {
                audit.claimAll(subtree);
            }
        }
    }

    private void claimAll(Node<?, ?> node) {
        if (node instanceof BitmapNode) {
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
