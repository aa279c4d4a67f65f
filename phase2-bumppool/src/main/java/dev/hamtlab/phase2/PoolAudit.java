package dev.hamtlab.phase2;

import java.util.BitSet;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * What {@code verifyInvariants} finds of the pool: the slots of every slice it meets, by the array
 * they lie in. Two slices that share a slot are a bug of the pool itself (a slice handed out twice)
 * that the trie's own checks would see only later, as a wrong answer far from its cause.
 */
final class PoolAudit {
    private final Map<Object[], BitSet> claimed = new IdentityHashMap<>();

    /** Marks the slots of a slice as met; fails if another slice met before holds one of them. */
    void claim(Object[] slab, int offset, int slots, String what) {
        BitSet taken = claimed.computeIfAbsent(slab, s -> new BitSet());
        int shared = taken.nextSetBit(offset);
        Node.check(shared < 0 || shared >= offset + slots, what + " shares slot " + shared + " with another slice");
        taken.set(offset, offset + slots);
    }
}
