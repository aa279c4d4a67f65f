package dev.hamtlab.phase4.twobitmaps;

import static dev.hamtlab.phase4.twobitmaps.Hashing.BITS_PER_LEVEL;
import static dev.hamtlab.phase4.twobitmaps.Hashing.BRANCHING;
import static dev.hamtlab.phase4.twobitmaps.Hashing.MAX_SHIFT;
import static dev.hamtlab.phase4.twobitmaps.Hashing.bitpos;
import static dev.hamtlab.phase4.twobitmaps.Hashing.index;
import static dev.hamtlab.phase4.twobitmaps.Hashing.mask;

/**
 * A 32-way node with two bitmaps, as CHAMP keeps them: bit i of {@code dataMap} says branch i
 * holds a leaf, bit i of {@code nodeMap} that it holds a subnode. The children sit in a slice of
 * exactly that many slots, {@code slab[offset]} onwards: the leaves first, in branch order, then
 * the subnodes, in branch order. The bitmaps say what a slot holds, so no step asks a child its
 * class.
 *
 * <p>The hot path is {@link #get} and {@link #put}: one loop down this final class, no recursion
 * and no virtual call a level. Every subnode above the deepest level is a bitmap node; a
 * {@link CollisionNode} is only ever the child of a node at {@link Hashing#MAX_SHIFT}, where the
 * hash has no bits left, so the loop meets one only there and hands it the call out of line.
 * Turning a leaf into a subnode and back keeps the arity, and is done in place in the slice.
 *
 * <p>The pool is phase 3's: a slice left behind goes to the freelist of its size, a node that
 * removal collapses to the node freelist.
 */
final class BitmapNode<K, V> extends Node<K, V> {
    private static final Object[] NO_CHILDREN = {};

    private int dataMap;
    private int nodeMap;
    private Object[] slab;
    private int offset;

    /** A node with no slice yet: the allocator carves one and {@link #moveTo}s it there. */
    private BitmapNode(int dataMap, int nodeMap) {
        this.dataMap = dataMap;
        this.nodeMap = nodeMap;
        this.slab = NO_CHILDREN;
    }

    /** Points this node at the slice the allocator has just carved for it. */
    void moveTo(Object[] slab, int offset) {
        this.slab = slab;
        this.offset = offset;
    }

    static <K, V> BitmapNode<K, V> empty() {
        return new BitmapNode<>(0, 0);
    }

    /** The value of {@code key}, whose hash is {@code hash}, in the trie under this node (the root); null when absent. */
    @SuppressWarnings("unchecked")
    V get(Object key, int hash) {
        BitmapNode<K, V> node = this;
        for (int shift = 0; ; shift += BITS_PER_LEVEL) {
            int bit = bitpos(hash, shift);
            if ((node.dataMap & bit) != 0) {
                Leaf<K, V> leaf = (Leaf<K, V>) node.slab[node.offset + index(node.dataMap, bit)];
                return leaf.holds(key, hash) ? leaf.value : null;
            }
            if ((node.nodeMap & bit) == 0) {
                return null;
            }
            Object child = node.slab[node.nodeSlot(bit)];
            if (shift == MAX_SHIFT) {
                return ((CollisionNode<K, V>) child).get(key);
            }
            node = (BitmapNode<K, V>) child;
        }
    }

    /** Maps {@code key} to {@code value} in the trie under this node (the root); returns the old value, or null when the key was added. */
    @SuppressWarnings("unchecked")
    V put(K key, int hash, V value, Allocator allocator) {
        BitmapNode<K, V> node = this;
        for (int shift = 0; ; shift += BITS_PER_LEVEL) {
            int bit = bitpos(hash, shift);
            if ((node.dataMap & bit) != 0) {
                int idx = index(node.dataMap, bit);
                Leaf<K, V> leaf = (Leaf<K, V>) node.slab[node.offset + idx];
                if (leaf.holds(key, hash)) {
                    V old = leaf.value;
                    leaf.value = value;
                    return old;
                }
                node.pushDown(idx, bit,
                        split(leaf, allocator.leaf(key, hash, value), shift + BITS_PER_LEVEL, allocator));
                return null;
            }
            if ((node.nodeMap & bit) == 0) {
                node.insertLeaf(index(node.dataMap, bit), bit, allocator.leaf(key, hash, value), allocator);
                return null;
            }
            Object child = node.slab[node.nodeSlot(bit)];
            if (shift == MAX_SHIFT) {
                return ((CollisionNode<K, V>) child).put(key, value, allocator);
            }
            node = (BitmapNode<K, V>) child;
        }
    }

    /**
     * Unmaps {@code key} from the trie under this node, which branches at {@code shift}; returns
     * its value, or null when it was absent. Recursive, unlike get and put: on the way back up, a
     * subnode left holding a single leaf hands it to its parent, which keeps the trie canonical.
     */
    @SuppressWarnings("unchecked")
    V remove(Object key, int hash, int shift, Allocator allocator) {
        int bit = bitpos(hash, shift);
        if ((dataMap & bit) != 0) {
            int idx = index(dataMap, bit);
            Leaf<K, V> leaf = (Leaf<K, V>) slab[offset + idx];
            if (!leaf.holds(key, hash)) {
                return null;
            }
            removeLeaf(idx, bit, allocator);
            return leaf.value;
        }
        if ((nodeMap & bit) == 0) {
            return null;
        }
        Node<K, V> child = (Node<K, V>) slab[nodeSlot(bit)];
        V removed = shift == MAX_SHIFT
                ? ((CollisionNode<K, V>) child).remove(key, allocator)
                : ((BitmapNode<K, V>) child).remove(key, hash, shift + BITS_PER_LEVEL, allocator);
        if (removed != null) {
            Leaf<K, V> sole = child.soleLeaf();
            if (sole != null) {
                pullUp(bit, sole);
                child.release(allocator);
            }
        }
        return removed;
    }

    /**
     * A node holding the leaves {@code existing} and {@code added}, whose hashes agree below
     * {@code shift}: a chain of bitmap nodes down to the first level where the hashes part, or
     * past the last level, where they are equal, a collision node.
     */
    static <K, V> Node<K, V> split(Leaf<K, V> existing, Leaf<K, V> added, int shift, Allocator allocator) {
        if (shift > MAX_SHIFT) {
            return CollisionNode.of(existing, added, allocator);
        }
        int existingBit = bitpos(existing.hash, shift);
        int addedBit = bitpos(added.hash, shift);
        Node<K, V> below = existingBit == addedBit ? split(existing, added, shift + BITS_PER_LEVEL, allocator) : null;
        BitmapNode<K, V> node = allocator.reuseNode();
        if (node == null) {
            allocator.countNode();
            node = new BitmapNode<>(0, 0);
        }
        if (below != null) {
            node.dataMap = 0;
            node.nodeMap = existingBit;
            allocator.carve(node, 1);
            node.slab[node.offset] = below;
        } else {
            node.dataMap = existingBit | addedBit;
            node.nodeMap = 0;
            allocator.carve(node, 2);
            boolean existingFirst = mask(existing.hash, shift) < mask(added.hash, shift);
            node.slab[node.offset] = existingFirst ? existing : added;
            node.slab[node.offset + 1] = existingFirst ? added : existing;
        }
        return node;
    }

    /** The slot of the subnode at {@code bit}: after the leaves, among the subnodes in branch order. */
    private int nodeSlot(int bit) {
        return offset + Integer.bitCount(dataMap) + index(nodeMap, bit);
    }

    /** Adds a leaf at an empty branch: a new slice one slot longer, the old one to its freelist. */
    private void insertLeaf(int idx, int bit, Leaf<K, V> leaf, Allocator allocator) {
        int arity = arity();
        Object[] old = slab;
        int oldOffset = offset;
        allocator.carve(this, arity + 1);
        System.arraycopy(old, oldOffset, slab, offset, idx);
        slab[offset + idx] = leaf;
        System.arraycopy(old, oldOffset + idx, slab, offset + idx + 1, arity - idx);
        allocator.abandon(old, oldOffset, arity);
        dataMap |= bit;
    }

    /** Drops the leaf at data index {@code idx}: a new slice one slot shorter, the old one to its freelist. */
    private void removeLeaf(int idx, int bit, Allocator allocator) {
        int arity = arity();
        Object[] old = slab;
        int oldOffset = offset;
        allocator.carve(this, arity - 1);
        System.arraycopy(old, oldOffset, slab, offset, idx);
        System.arraycopy(old, oldOffset + idx + 1, slab, offset + idx, arity - idx - 1);
        allocator.abandon(old, oldOffset, arity);
        dataMap ^= bit;
    }

    /**
     * Replaces the leaf at data index {@code idx} by {@code subnode}, in place: the slots between
     * the leaf's and the subnode's place move one to the left.
     */
    private void pushDown(int idx, int bit, Node<K, V> subnode) {
        int dataArity = Integer.bitCount(dataMap);
        int nodeIdx = index(nodeMap, bit);
        System.arraycopy(slab, offset + idx + 1, slab, offset + idx, dataArity - 1 - idx + nodeIdx);
        slab[offset + dataArity - 1 + nodeIdx] = subnode;
        dataMap ^= bit;
        nodeMap |= bit;
    }

    /** Replaces the subnode at {@code bit} by {@code leaf}, in place: the reverse of {@link #pushDown}. */
    private void pullUp(int bit, Leaf<K, V> leaf) {
        int dataIdx = index(dataMap, bit);
        int nodeIdx = index(nodeMap, bit);
        int dataArity = Integer.bitCount(dataMap);
        System.arraycopy(slab, offset + dataIdx, slab, offset + dataIdx + 1, dataArity - dataIdx + nodeIdx);
        slab[offset + dataIdx] = leaf;
        dataMap |= bit;
        nodeMap ^= bit;
    }

    @Override
    void release(Allocator allocator) {
        allocator.abandon(slab, offset, arity());
        allocator.recycle(this);
    }

    /** The array this node's slice lies in. */
    Object[] slab() {
        return slab;
    }

    @Override
    int arity() {
        return Integer.bitCount(dataMap) + Integer.bitCount(nodeMap);
    }

    @Override
    Object child(int i) {
        return slab[offset + i];
    }

    @Override
    @SuppressWarnings("unchecked")
    Leaf<K, V> soleLeaf() {
        return nodeMap == 0 && Integer.bitCount(dataMap) == 1 ? (Leaf<K, V>) slab[offset] : null;
    }

    @Override
    @SuppressWarnings("unchecked")
    int verify(int prefix, int shift, boolean isRoot, PoolAudit audit) {
        int arity = arity();
        check(shift <= MAX_SHIFT, "no bitmap node below shift " + MAX_SHIFT + ", found one at " + shift);
        check((dataMap & nodeMap) == 0, "no branch holds both a leaf and a subnode");
        check(offset >= 0 && offset + arity <= slab.length, "the slice lies in its slab: " + arity + " slots at "
                + offset + " of " + slab.length);
        audit.claim(slab, offset, arity, "the slice of the node at shift " + shift + " under prefix " + prefix);
        audit.reached(this);
        check(isRoot || nodeMap != 0 || Integer.bitCount(dataMap) > 1,
                "a non-root node holds a subnode or more than one leaf (arity " + arity + ")");
        int entries = 0;
        int leaves = 0;
        int subnodes = Integer.bitCount(dataMap);
        for (int branch = 0; branch < BRANCHING; branch++) {
            int bit = 1 << branch;
            int childPrefix = prefix | branch << shift;
            if ((dataMap & bit) != 0) {
                Object child = slab[offset + leaves++];
                check(child instanceof Leaf, "data slot " + (leaves - 1) + " holds a leaf, found " + child);
                Leaf<K, V> leaf = (Leaf<K, V>) child;
                check(leaf.hash == Hashing.hash(leaf.key), "leaf of key " + leaf.key + " caches its hash");
                check(hasPrefix(leaf.hash, childPrefix, shift + BITS_PER_LEVEL),
                        "leaf of hash " + Integer.toHexString(leaf.hash) + " sits on its hash path");
                entries++;
            } else if ((nodeMap & bit) != 0) {
                Object child = slab[offset + subnodes++];
                boolean expected = shift == MAX_SHIFT ? child instanceof CollisionNode : child instanceof BitmapNode;
                check(expected, "a node at shift " + shift + " has a " + (shift == MAX_SHIFT ? "collision" : "bitmap")
                        + " node in its node slot, found " + child);
                entries += ((Node<K, V>) child).verify(childPrefix, shift + BITS_PER_LEVEL, false, audit);
            }
        }
        return entries;
    }

    /** Whether the low {@code bits} bits of {@code hash} (all of them past 32) are {@code prefix}. */
    static boolean hasPrefix(int hash, int prefix, int bits) {
        return bits >= Integer.SIZE ? hash == prefix : (hash & ((1 << bits) - 1)) == prefix;
    }
}
