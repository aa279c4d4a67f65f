package dev.hamtlab.phase4.unpooled;

import static dev.hamtlab.phase4.unpooled.Hashing.BITS_PER_LEVEL;
import static dev.hamtlab.phase4.unpooled.Hashing.BRANCHING;
import static dev.hamtlab.phase4.unpooled.Hashing.MAX_SHIFT;
import static dev.hamtlab.phase4.unpooled.Hashing.bitpos;
import static dev.hamtlab.phase4.unpooled.Hashing.index;
import static dev.hamtlab.phase4.unpooled.Hashing.mask;

/**
 * A 32-way node with two bitmaps, as CHAMP keeps them: bit i of {@code dataMap} says branch i
 * holds a leaf, bit i of {@code nodeMap} that it holds a subnode. The children sit in
 * {@code children}, an array of exactly that many slots: the leaves first, in branch order, then
 * the subnodes, in branch order. The bitmaps say what a slot holds, so no step asks a child its
 * class.
 *
 * <p>The hot path is {@link #get} and {@link #put}: one loop down this final class, no recursion
 * and no virtual call a level. Every subnode above the deepest level is a bitmap node; a
 * {@link CollisionNode} is only ever the child of a node at {@link Hashing#MAX_SHIFT}, where the
 * hash has no bits left, so the loop meets one only there and hands it the call out of line.
 * Turning a leaf into a subnode and back keeps the arity, and is done in place in the array.
 *
 * <p>The layout is phase 1's: every child added or removed allocates a new array of the new size
 * and copies the rest across; the collector takes the old one.
 */
final class BitmapNode<K, V> extends Node<K, V> {
    private static final Object[] NO_CHILDREN = {};

    private int dataMap;
    private int nodeMap;
    private Object[] children;

    private BitmapNode(int dataMap, int nodeMap, Object[] children) {
        this.dataMap = dataMap;
        this.nodeMap = nodeMap;
        this.children = children;
    }

    static <K, V> BitmapNode<K, V> empty() {
        return new BitmapNode<>(0, 0, NO_CHILDREN);
    }

    /** The value of {@code key}, whose hash is {@code hash}, in the trie under this node (the root); null when absent. */
    @SuppressWarnings("unchecked")
    V get(Object key, int hash) {
        BitmapNode<K, V> node = this;
        for (int shift = 0; ; shift += BITS_PER_LEVEL) {
            int bit = bitpos(hash, shift);
            if ((node.dataMap & bit) != 0) {
                Leaf<K, V> leaf = (Leaf<K, V>) node.children[index(node.dataMap, bit)];
                return leaf.holds(key, hash) ? leaf.value : null;
            }
            if ((node.nodeMap & bit) == 0) {
                return null;
            }
            Object child = node.children[node.nodeSlot(bit)];
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
                Leaf<K, V> leaf = (Leaf<K, V>) node.children[idx];
                if (leaf.holds(key, hash)) {
                    V old = leaf.value;
                    leaf.value = value;
                    return old;
                }
                node.pushDown(idx, bit, split(leaf, allocator.leaf(key, hash, value), shift + BITS_PER_LEVEL, allocator));
                return null;
            }
            if ((node.nodeMap & bit) == 0) {
                node.insertLeaf(index(node.dataMap, bit), bit, allocator.leaf(key, hash, value), allocator);
                return null;
            }
            Object child = node.children[node.nodeSlot(bit)];
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
            Leaf<K, V> leaf = (Leaf<K, V>) children[idx];
            if (!leaf.holds(key, hash)) {
                return null;
            }
            removeLeaf(idx, bit, allocator);
            return leaf.value;
        }
        if ((nodeMap & bit) == 0) {
            return null;
        }
        Node<K, V> child = (Node<K, V>) children[nodeSlot(bit)];
        V removed = shift == MAX_SHIFT
                ? ((CollisionNode<K, V>) child).remove(key, allocator)
                : ((BitmapNode<K, V>) child).remove(key, hash, shift + BITS_PER_LEVEL, allocator);
        if (removed != null) {
            Leaf<K, V> sole = child.soleLeaf();
            if (sole != null) {
                pullUp(bit, sole);
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
        allocator.countNode();
        if (below != null) {
            Object[] children = allocator.allocate(1);
            children[0] = below;
            return new BitmapNode<>(0, existingBit, children);
        }
        Object[] children = allocator.allocate(2);
        boolean existingFirst = mask(existing.hash, shift) < mask(added.hash, shift);
        children[0] = existingFirst ? existing : added;
        children[1] = existingFirst ? added : existing;
        return new BitmapNode<>(existingBit | addedBit, 0, children);
    }

    /** The index of the subnode at {@code bit}: after the leaves, among the subnodes in branch order. */
    private int nodeSlot(int bit) {
        return Integer.bitCount(dataMap) + index(nodeMap, bit);
    }

    /** Adds a leaf at an empty branch: a new array one slot longer. */
    private void insertLeaf(int idx, int bit, Leaf<K, V> leaf, Allocator allocator) {
        int arity = children.length;
        Object[] copy = allocator.allocate(arity + 1);
        System.arraycopy(children, 0, copy, 0, idx);
        copy[idx] = leaf;
        System.arraycopy(children, idx, copy, idx + 1, arity - idx);
        children = copy;
        dataMap |= bit;
    }

    /** Drops the leaf at data index {@code idx}: a new array one slot shorter. */
    private void removeLeaf(int idx, int bit, Allocator allocator) {
        int arity = children.length;
        Object[] copy = allocator.allocate(arity - 1);
        System.arraycopy(children, 0, copy, 0, idx);
        System.arraycopy(children, idx + 1, copy, idx, arity - idx - 1);
        children = copy;
        dataMap ^= bit;
    }

    /**
     * Replaces the leaf at data index {@code idx} by {@code subnode}, in place: the slots between
     * the leaf's and the subnode's place move one to the left.
     */
    private void pushDown(int idx, int bit, Node<K, V> subnode) {
        int dataArity = Integer.bitCount(dataMap);
        int nodeIdx = index(nodeMap, bit);
        System.arraycopy(children, idx + 1, children, idx, dataArity - 1 - idx + nodeIdx);
        children[dataArity - 1 + nodeIdx] = subnode;
        dataMap ^= bit;
        nodeMap |= bit;
    }

    /** Replaces the subnode at {@code bit} by {@code leaf}, in place: the reverse of {@link #pushDown}. */
    private void pullUp(int bit, Leaf<K, V> leaf) {
        int dataIdx = index(dataMap, bit);
        int nodeIdx = index(nodeMap, bit);
        int dataArity = Integer.bitCount(dataMap);
        System.arraycopy(children, dataIdx, children, dataIdx + 1, dataArity - dataIdx + nodeIdx);
        children[dataIdx] = leaf;
        dataMap |= bit;
        nodeMap ^= bit;
    }

    @Override
    int arity() {
        return Integer.bitCount(dataMap) + Integer.bitCount(nodeMap);
    }

    @Override
    Object child(int i) {
        return children[i];
    }

    @Override
    @SuppressWarnings("unchecked")
    Leaf<K, V> soleLeaf() {
        return nodeMap == 0 && Integer.bitCount(dataMap) == 1 ? (Leaf<K, V>) children[0] : null;
    }

    @Override
    @SuppressWarnings("unchecked")
    int verify(int prefix, int shift, boolean isRoot) {
        int arity = arity();
        check(shift <= MAX_SHIFT, "no bitmap node below shift " + MAX_SHIFT + ", found one at " + shift);
        check((dataMap & nodeMap) == 0, "no branch holds both a leaf and a subnode");
        check(isRoot || nodeMap != 0 || Integer.bitCount(dataMap) > 1,
                "a non-root node holds a subnode or more than one leaf (arity " + arity + ")");
        int entries = 0;
        int leaves = 0;
        int subnodes = Integer.bitCount(dataMap);
        for (int branch = 0; branch < BRANCHING; branch++) {
            int bit = 1 << branch;
            int childPrefix = prefix | branch << shift;
            if ((dataMap & bit) != 0) {
                Object child = children[leaves++];
                check(child instanceof Leaf, "data slot " + (leaves - 1) + " holds a leaf, found " + child);
                Leaf<K, V> leaf = (Leaf<K, V>) child;
                check(leaf.hash == Hashing.hash(leaf.key), "leaf of key " + leaf.key + " caches its hash");
                check(hasPrefix(leaf.hash, childPrefix, shift + BITS_PER_LEVEL),
                        "leaf of hash " + Integer.toHexString(leaf.hash) + " sits on its hash path");
                entries++;
            } else if ((nodeMap & bit) != 0) {
                Object child = children[subnodes++];
                boolean expected = shift == MAX_SHIFT ? child instanceof CollisionNode : child instanceof BitmapNode;
                check(expected, "a node at shift " + shift + " has a " + (shift == MAX_SHIFT ? "collision" : "bitmap")
                        + " node in its node slot, found " + child);
                entries += ((Node<K, V>) child).verify(childPrefix, shift + BITS_PER_LEVEL, false);
            }
        }
        return entries;
    }

    /** Whether the low {@code bits} bits of {@code hash} (all of them past 32) are {@code prefix}. */
    static boolean hasPrefix(int hash, int prefix, int bits) {
        return bits >= Integer.SIZE ? hash == prefix : (hash & ((1 << bits) - 1)) == prefix;
    }
}
