package dev.hamtlab.phase1;

import static dev.hamtlab.phase1.Hashing.BITS_PER_LEVEL;
import static dev.hamtlab.phase1.Hashing.BRANCHING;
import static dev.hamtlab.phase1.Hashing.MAX_SHIFT;
import static dev.hamtlab.phase1.Hashing.bitpos;
import static dev.hamtlab.phase1.Hashing.index;
import static dev.hamtlab.phase1.Hashing.mask;

/**
 * A 32-way node: bit i of {@code bitmap} says branch i is present, and the present children sit
 * in branch order in {@code children}, an array of exactly that many slots.
 *
 * <p>The phase's idea lands here: every child added or removed allocates a new array of the new
 * size and copies the rest across ("malloc per array"). No spare slots, one allocation per
 * structural change.
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

    @Override
    @SuppressWarnings("unchecked")
    V get(Object key, int hash, int shift) {
        int bit = bitpos(hash, shift);
        if ((bitmap & bit) == 0) {
            return null;
        }
        Object child = children[index(bitmap, bit)];
        if (child instanceof Leaf) {
            Leaf<K, V> leaf = (Leaf<K, V>) child;
            return key.equals(leaf.key) ? leaf.value : null;
        }
        return ((Node<K, V>) child).get(key, hash, shift + BITS_PER_LEVEL);
    }

    @Override
    @SuppressWarnings("unchecked")
    V put(K key, int hash, int shift, V value, Allocator allocator) {
        int bit = bitpos(hash, shift);
        int idx = index(bitmap, bit);
        if ((bitmap & bit) == 0) {
            insertChild(idx, bit, allocator.leaf(key, value), allocator);
            return null;
        }
        Object child = children[idx];
        if (child instanceof Leaf) {
            Leaf<K, V> leaf = (Leaf<K, V>) child;
            if (key.equals(leaf.key)) {
                V old = leaf.value;
                leaf.value = value;
                return old;
            }
            children[idx] = split(leaf, Hashing.hash(leaf.key), allocator.leaf(key, value), hash,
                    shift + BITS_PER_LEVEL, allocator);
            return null;
        }
        if (child instanceof CollisionNode<?, ?> collision && collision.hash != hash) {
            children[idx] = split(child, collision.hash, allocator.leaf(key, value), hash,
                    shift + BITS_PER_LEVEL, allocator);
            return null;
        }
        return ((Node<K, V>) child).put(key, hash, shift + BITS_PER_LEVEL, value, allocator);
    }

    @Override
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
            if (!key.equals(leaf.key)) {
                return null;
            }
            removeChild(idx, bit, allocator);
            return leaf.value;
        }
        Node<K, V> node = (Node<K, V>) child;
        V removed = node.remove(key, hash, shift + BITS_PER_LEVEL, allocator);
        if (removed != null) {
            // Keep the trie canonical: a child left holding one leaf hands it back up.
            Leaf<K, V> sole = node.soleLeaf();
            if (sole != null) {
                children[idx] = sole;
            }
        }
        return removed;
    }

    /**
     * A node holding {@code existing} and {@code added}, two children whose hashes agree below
     * {@code shift}: a collision node when the whole hashes agree, otherwise a chain of bitmap
     * nodes down to the first level where they part.
     */
    static <K, V> Node<K, V> split(Object existing, int existingHash, Leaf<K, V> added, int addedHash,
                                   int shift, Allocator allocator) {
        if (existingHash == addedHash) {
            @SuppressWarnings("unchecked")
            Leaf<K, V> leaf = (Leaf<K, V>) existing;
            return CollisionNode.of(addedHash, leaf, added, allocator);
        }
        int existingBit = bitpos(existingHash, shift);
        int addedBit = bitpos(addedHash, shift);
        Object[] children = allocator.allocate(existingBit == addedBit ? 1 : 2);
        if (existingBit == addedBit) {
            children[0] = split(existing, existingHash, added, addedHash, shift + BITS_PER_LEVEL, allocator);
        } else {
            boolean existingFirst = mask(existingHash, shift) < mask(addedHash, shift);
            children[0] = existingFirst ? existing : added;
            children[1] = existingFirst ? added : existing;
        }
        allocator.countNode();
        return new BitmapNode<>(existingBit | addedBit, children);
    }

    private void insertChild(int idx, int bit, Object child, Allocator allocator) {
        int arity = arity();
        Object[] copy = allocator.allocate(arity + 1);
        System.arraycopy(children, 0, copy, 0, idx);
        copy[idx] = child;
        System.arraycopy(children, idx, copy, idx + 1, arity - idx);
        children = copy;
        bitmap |= bit;
    }

    private void removeChild(int idx, int bit, Allocator allocator) {
        int arity = arity();
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
        check(children.length == arity,
                "the children array is exactly sized: " + children.length + " slots for " + arity);
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
                int hash = Hashing.hash(((Leaf<K, V>) child).key);
                check(hasPrefix(hash, childPrefix, shift + BITS_PER_LEVEL),
                        "leaf of hash " + Integer.toHexString(hash) + " sits on its hash path");
                entries++;
            } else {
                check(child instanceof Node, "child " + i + " is a leaf or a node, found " + child);
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
