package dev.hamtlab.phase4.cachedhash;

import static dev.hamtlab.phase4.cachedhash.Hashing.BITS_PER_LEVEL;
import static dev.hamtlab.phase4.cachedhash.Hashing.BRANCHING;
import static dev.hamtlab.phase4.cachedhash.Hashing.MAX_SHIFT;
import static dev.hamtlab.phase4.cachedhash.Hashing.bitpos;
import static dev.hamtlab.phase4.cachedhash.Hashing.index;
import static dev.hamtlab.phase4.cachedhash.Hashing.mask;

/**
 * A 32-way node: bit i of {@code bitmap} says branch i is present, and the present children sit
 * in branch order in a slice of exactly that many slots: {@code slab[offset]} onwards.
 *
 * <p>Every child added or removed carves a new slice of the new size from the map's children
 * pool and copies the rest across. The phase's idea lands here and in the {@link Allocator}: the
 * old slice goes back to the pool's freelist of its size, and a node that removal collapses goes
 * to the node freelist, from which {@link #split} takes its nodes first.
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

    @Override
    @SuppressWarnings("unchecked")
    V get(Object key, int hash, int shift) {
        int bit = bitpos(hash, shift);
        if ((bitmap & bit) == 0) {
            return null;
        }
        Object child = slab[offset + index(bitmap, bit)];
        if (child instanceof Leaf) {
            Leaf<K, V> leaf = (Leaf<K, V>) child;
            return leaf.holds(key, hash) ? leaf.value : null;
        }
        return ((Node<K, V>) child).get(key, hash, shift + BITS_PER_LEVEL);
    }

    @Override
    @SuppressWarnings("unchecked")
    V put(K key, int hash, int shift, V value, Allocator allocator) {
        int bit = bitpos(hash, shift);
        int idx = index(bitmap, bit);
        if ((bitmap & bit) == 0) {
            insertChild(idx, bit, allocator.leaf(key, hash, value), allocator);
            return null;
        }
        Object child = slab[offset + idx];
        if (child instanceof Leaf) {
            Leaf<K, V> leaf = (Leaf<K, V>) child;
            if (leaf.holds(key, hash)) {
                V old = leaf.value;
                leaf.value = value;
                return old;
            }
            slab[offset + idx] = split(leaf, leaf.hash, allocator.leaf(key, hash, value), hash,
                    shift + BITS_PER_LEVEL, allocator);
            return null;
        }
        if (child instanceof CollisionNode<?, ?> collision && collision.hash != hash) {
            slab[offset + idx] = split(child, collision.hash, allocator.leaf(key, hash, value), hash,
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
        V removed = node.remove(key, hash, shift + BITS_PER_LEVEL, allocator);
        if (removed != null) {
            // Keep the trie canonical: a child left holding one leaf hands it back up.
            Leaf<K, V> sole = node.soleLeaf();
            if (sole != null) {
                slab[offset + idx] = sole;
                node.release(allocator);
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
        Node<K, V> below = existingBit == addedBit
                ? split(existing, existingHash, added, addedHash, shift + BITS_PER_LEVEL, allocator)
                : null;
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
            boolean existingFirst = mask(existingHash, shift) < mask(addedHash, shift);
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
                int hash = leaf.hash;
                check(hash == Hashing.hash(leaf.key), "leaf of key " + leaf.key + " caches its hash");
                check(hasPrefix(hash, childPrefix, shift + BITS_PER_LEVEL),
                        "leaf of hash " + Integer.toHexString(hash) + " sits on its hash path");
                entries++;
            } else {
                check(child instanceof Node, "child " + i + " is a leaf or a node, found " + child);
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
