package dev.hamtlab.phase4.unpooled;

import static dev.hamtlab.phase4.unpooled.Hashing.BITS_PER_LEVEL;
import static dev.hamtlab.phase4.unpooled.Hashing.BRANCHING;
import static dev.hamtlab.phase4.unpooled.Hashing.MAX_SHIFT;
import static dev.hamtlab.phase4.unpooled.Hashing.bitpos;
import static dev.hamtlab.phase4.unpooled.Hashing.index;
import static dev.hamtlab.phase4.unpooled.Hashing.mask;

/**
 * A 32-way node: bit i of {@code bitmap} says branch i is present, and the present children sit
 * in branch order in {@code children}, an array of exactly that many slots.
 *
 * <p>The hot path is {@link #get} and {@link #put}: one loop down this final class, no recursion
 * and no virtual call a level; a slot holds a {@link Leaf} or a node, which one {@code instanceof}
 * of a final class tells, on the object the next step reads anyway. Every subnode above the
 * deepest level is a bitmap node; a {@link CollisionNode} is only ever the child of a node at
 * {@link Hashing#MAX_SHIFT}, where the hash has no bits left, so the loop meets one only there
 * and hands it the call out of line. A leaf pushed down into a new subnode, and a subnode's last
 * leaf pulled back up, take the same slot: no array is allocated for them.
 *
 * <p>The layout is phase 1's: every child added or removed allocates a new array of the new size
 * and copies the rest across; the collector takes the old one.
 */
final class BitmapNode<K, V> extends Node<K, V> {
    private static final Object[] NO_CHILDREN = {};

    private int bitmap;
    private Object[] children;

    private BitmapNode(int bitmap, Object[] children) {
        this.bitmap = bitmap;
        this.children = children;
    }

    static <K, V> BitmapNode<K, V> empty() {
        return new BitmapNode<>(0, NO_CHILDREN);
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
            Object child = node.children[index(node.bitmap, bit)];
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
            Object child = node.children[idx];
            if (child instanceof Leaf) {
                Leaf<K, V> leaf = (Leaf<K, V>) child;
                if (leaf.holds(key, hash)) {
                    V old = leaf.value;
                    leaf.value = value;
                    return old;
                }
                node.children[idx] = split(leaf, allocator.leaf(key, hash, value), shift + BITS_PER_LEVEL, allocator);
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
        Object child = children[idx];
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
                children[idx] = sole;
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
        Object[] children = allocator.allocate(below != null ? 1 : 2);
        if (below != null) {
            children[0] = below;
        } else {
            boolean existingFirst = mask(existing.hash, shift) < mask(added.hash, shift);
            children[0] = existingFirst ? existing : added;
            children[1] = existingFirst ? added : existing;
        }
        allocator.countNode();
        return new BitmapNode<>(existingBit | addedBit, children);
    }

    private void insertChild(int idx, int bit, Object child, Allocator allocator) {
        int arity = children.length;
        Object[] copy = allocator.allocate(arity + 1);
        System.arraycopy(children, 0, copy, 0, idx);
        copy[idx] = child;
        System.arraycopy(children, idx, copy, idx + 1, arity - idx);
        children = copy;
        bitmap |= bit;
    }

    private void removeChild(int idx, int bit, Allocator allocator) {
        int arity = children.length;
        Object[] copy = allocator.allocate(arity - 1);
        System.arraycopy(children, 0, copy, 0, idx);
        System.arraycopy(children, idx + 1, copy, idx, arity - idx - 1);
        children = copy;
        bitmap ^= bit;
    }

    @Override
    int arity() {
        return Integer.bitCount(bitmap);
    }

    @Override
    Object child(int i) {
        return children[i];
    }

    @Override
    @SuppressWarnings("unchecked")
    Leaf<K, V> soleLeaf() {
        return arity() == 1 && children[0] instanceof Leaf ? (Leaf<K, V>) children[0] : null;
    }

    @Override
    @SuppressWarnings("unchecked")
    int verify(int prefix, int shift, boolean isRoot) {
        int arity = arity();
        check(shift <= MAX_SHIFT, "no bitmap node below shift " + MAX_SHIFT + ", found one at " + shift);
        check(isRoot || arity > 1 || arity == 1 && !(children[0] instanceof Leaf),
                "a non-root node holds more than one leaf (arity " + arity + ")");
        int entries = 0;
        int i = 0;
        for (int branch = 0; branch < BRANCHING; branch++) {
            if ((bitmap & (1 << branch)) == 0) {
                continue;
            }
            Object child = children[i++];
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
