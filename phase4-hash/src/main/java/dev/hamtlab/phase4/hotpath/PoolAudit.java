package dev.hamtlab.phase4.hotpath;

import java.util.BitSet;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;

/**
 * What {@code verifyInvariants} finds of the pool: the slots of every slice it meets, by the array
 * they lie in, and the nodes it reaches from the root. Two slices that share a slot, or a recycled
 * node still in the trie, are bugs of the pool itself (a double free, a use after free) that the
 * trie's own checks would see only later, as a wrong answer far from their cause.
 */
final class PoolAudit {
    private final Map<Object[], BitSet> claimed = new IdentityHashMap<>();
    private final Set<Node<?, ?>> reached = Collections.newSetFromMap(new IdentityHashMap<>());

    /** Marks the slots of a slice as met; fails if another slice met before holds one of them. */
    void claim(Object[] slab, int offset, int slots, String what) {
        BitSet taken = claimed.computeIfAbsent(slab, s -> new BitSet());
        int shared = taken.nextSetBit(offset);
        Node.check(shared < 0 || shared >= offset + slots, what + " shares slot " + shared + " with another slice");
        taken.set(offset, offset + slots);
    }

    void reached(Node<?, ?> node) {
        reached.add(node);
    }

    boolean wasReached(Node<?, ?> node) {
        return reached.contains(node);
    }
}
