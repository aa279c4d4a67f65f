package dev.hamtlab.phase4.hotpath;

import static dev.hamtlab.phase4.hotpath.Hashing.BITS_PER_LEVEL;
import static dev.hamtlab.phase4.hotpath.Hashing.BRANCHING;
import static dev.hamtlab.phase4.hotpath.Hashing.MAX_SHIFT;
import static dev.hamtlab.phase4.hotpath.Hashing.bitpos;
import static dev.hamtlab.phase4.hotpath.Hashing.index;
import static dev.hamtlab.phase4.hotpath.Hashing.mask;

/**
 * A 32-way node: bit i of {@code bitmap} says branch i is present, and the present children sit
 * in branch order in a slice of exactly that many slots: {@code slab[offset]} onwards.
 *
 * <p>The hot path is {@link #get} and {@link #put}: one loop down this final class, no recursion
 * and no virtual call a level; a slot holds a {@link Leaf} or a node, which one {@code instanceof}
 * of a final class tells, on the object the next step reads anyway. Every subnode above the
 * deepest level is a bitmap node; a {@link CollisionNode} is only ever the child of a node at
 * {@link Hashing#MAX_SHIFT}, where the hash has no bits left, so the loop meets one only there
 * and hands it the call out of line. A leaf pushed down into a new subnode, and a subnode's last
 * leaf pulled back up, take the same slot: no slice is carved for them.
 *
 * <p>The pool is phase 3's: a slice left behind goes to the freelist of its size, a node that
 * removal collapses to the node freelist.
 */
final class BitmapNode<K, V> extends Node<K, V> {
    private static final Object[] NO_CHILDREN = {};

    private int bitmap;
    private Object[] slab;
    private int offset;

    /** A node with no slice yet: the allocator carves one and {@link #moveTo}s it there. */
    private BitmapNode(int bitmap) {
        this.bitmap = bitmap;
        this.slab = NO_CHILDREN;
    }

    /** Points this node at the slice the allocator has just carved for it. */
    void moveTo(Object[] slab, int offset) {
        this.slab = slab;
        this.offset = offset;
    }

    static <K, V> BitmapNode<K, V> empty() {
        return new BitmapNode<>(0);
    }

    /** The value of {@code key}, whose hash is {@code hash}, in the trie under this node (the root); null when absent. */
    @SuppressWarnings("unchecked")
    V get(Object key, int hash) {
        BitmapNode<K, V> node = this;
        for (int shift = 0; ; shift += BITS_PER_LEVEL) {
            int bit = bitpos(hash, shift);
            if ((node.bitmap & bit) == 0) {
                return null;
            }
            Object child = node.slab[node.offset + index(node.bitmap, bit)];
            if (child instanceof Leaf) {
                Leaf<K, V> leaf = (Leaf<K, V>) child;
                return leaf.holds(key, hash) ? leaf.value : null;
            }
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
            int idx = index(node.bitmap, bit);
            if ((node.bitmap & bit) == 0) {
                node.insertChild(idx, bit, allocator.leaf(key, hash, value), allocator);
                return null;
            }
            int slot = node.offset + idx;
            Object child = node.slab[slot];
            if (child instanceof Leaf) {
                Leaf<K, V> leaf = (Leaf<K, V>) child;
                if (leaf.holds(key, hash)) {
                    V old = leaf.value;
                    leaf.value = value;
                    return old;
                }
                node.slab[slot] = split(leaf, allocator.leaf(key, hash, value), shift + BITS_PER_LEVEL, allocator);
                return null;
            }
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
        if ((bitmap & bit) == 0) {
            return null;
        }
        int idx = index(bitmap, bit);
        Object child = slab[offset + idx];
        if (child instanceof Leaf) {
            Leaf<K, V> leaf = (Leaf<K, V>) child;
            if (!leaf.holds(key, hash)) {
                return null;
            }
            removeChild(idx, bit, allocator);
            return leaf.value;
        }
        Node<K, V> node = (Node<K, V>) child;
        V removed = shift == MAX_SHIFT
                ? ((CollisionNode<K, V>) node).remove(key, allocator)
                : ((BitmapNode<K, V>) node).remove(key, hash, shift + BITS_PER_LEVEL, allocator);
        if (removed != null) {
            Leaf<K, V> sole = node.soleLeaf();
            if (sole != null) {
                slab[offset + idx] = sole;
                node.release(allocator);
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
            node = new BitmapNode<>(existingBit | addedBit);
        } else {
            node.bitmap = existingBit | addedBit;
        }
        allocator.carve(node, below != null ? 1 : 2);
        Object[] slab = node.slab;
        int offset = node.offset;
        if (below != null) {
            slab[offset] = below;
        } else {
            boolean existingFirst = mask(existing.hash, shift) < mask(added.hash, shift);
            slab[offset] = existingFirst ? existing : added;
            slab[offset + 1] = existingFirst ? added : existing;
        }
        return node;
    }

    private void insertChild(int idx, int bit, Object child, Allocator allocator) {
        int arity = arity();
        Object[] old = slab;
        int oldOffset = offset;
        allocator.carve(this, arity + 1);
        System.arraycopy(old, oldOffset, slab, offset, idx);
        slab[offset + idx] = child;
        System.arraycopy(old, oldOffset + idx, slab, offset + idx + 1, arity - idx);
        allocator.abandon(old, oldOffset, arity);
        bitmap |= bit;
    }

    private void removeChild(int idx, int bit, Allocator allocator) {
        int arity = arity();
        Object[] old = slab;
        int oldOffset = offset;
        allocator.carve(this, arity - 1);
        System.arraycopy(old, oldOffset, slab, offset, idx);
        System.arraycopy(old, oldOffset + idx + 1, slab, offset + idx, arity - idx - 1);
        allocator.abandon(old, oldOffset, arity);
        bitmap ^= bit;
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
        return Integer.bitCount(bitmap);
    }

    @Override
    Object child(int i) {
        return slab[offset + i];
    }

    @Override
    @SuppressWarnings("unchecked")
    Leaf<K, V> soleLeaf() {
        return arity() == 1 && slab[offset] instanceof Leaf ? (Leaf<K, V>) slab[offset] : null;
    }

    @Override
    @SuppressWarnings("unchecked")
    int verify(int prefix, int shift, boolean isRoot, PoolAudit audit) {
        int arity = arity();
        check(shift <= MAX_SHIFT, "no bitmap node below shift " + MAX_SHIFT + ", found one at " + shift);
        check(offset >= 0 && offset + arity <= slab.length, "the slice lies in its slab: " + arity + " slots at "
                + offset + " of " + slab.length);
        audit.claim(slab, offset, arity, "the slice of the node at shift " + shift + " under prefix " + prefix);
        audit.reached(this);
        check(isRoot || arity > 1 || arity == 1 && !(slab[offset] instanceof Leaf),
                "a non-root node holds more than one leaf (arity " + arity + ")");
        int entries = 0;
        int i = 0;
        for (int branch = 0; branch < BRANCHING; branch++) {
            if ((bitmap & (1 << branch)) == 0) {
                continue;
            }
            Object child = slab[offset + i++];
            int childPrefix = prefix | branch << shift;
            if (child instanceof Leaf) {
                Leaf<K, V> leaf = (Leaf<K, V>) child;
                check(leaf.hash == Hashing.hash(leaf.key), "leaf of key " + leaf.key + " caches its hash");
                check(hasPrefix(leaf.hash, childPrefix, shift + BITS_PER_LEVEL),
                        "leaf of hash " + Integer.toHexString(leaf.hash) + " sits on its hash path");
                entries++;
            } else {
                boolean expected = shift == MAX_SHIFT ? child instanceof CollisionNode : child instanceof BitmapNode;
                check(expected, "a node at shift " + shift + " has a " + (shift == MAX_SHIFT ? "collision" : "bitmap")
                        + " node as child " + (i - 1) + ", found " + child);
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
