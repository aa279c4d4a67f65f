package dev.hamtlab.phase4.inlined;

import static dev.hamtlab.phase4.inlined.Hashing.BITS_PER_LEVEL;
import static dev.hamtlab.phase4.inlined.Hashing.BRANCHING;
import static dev.hamtlab.phase4.inlined.Hashing.MAX_SHIFT;
import static dev.hamtlab.phase4.inlined.Hashing.bitpos;
import static dev.hamtlab.phase4.inlined.Hashing.index;
import static dev.hamtlab.phase4.inlined.Hashing.mask;

/**
 * A 32-way node in CHAMP's layout: the entries sit in the node itself, with no leaf objects. Bit i
 * of {@code dataMap} says branch i holds an entry, bit i of {@code nodeMap} that it holds a
 * subnode. {@code content} holds the entries' keys and values, two slots each in branch order,
 * then the subnodes in reverse branch order from the array's end, so the j-th subnode is found
 * from the array's length without counting the entries; {@code hashes} holds the entries' hashes,
 * {@code hashes[i]} that of the key in {@code content[2 * i]}.
 *
 * <p>The hot path is {@link #get} and {@link #put}: one loop down this final class, no recursion
 * and no virtual call a level. A bit test tells an entry from a subnode, where a leaf's class did
 * before, and a hit reads the key from the node's own array: one object and one dependent load
 * fewer per entry. Every subnode above the deepest level is a bitmap node; a {@link CollisionNode}
 * is only ever the child of a node at {@link Hashing#MAX_SHIFT}, where the hash has no bits left.
 *
 * <p>The layout is phase 1's: every change of the node's entries or subnodes allocates new arrays
 * of the new sizes and copies the rest across; the collector takes the old ones.
 */
final class BitmapNode<K, V> extends Node<K, V> {
    private static final Object[] NO_CONTENT = {};
    private static final int[] NO_HASHES = {};

    private int dataMap;
    private int nodeMap;
    private Object[] content;
    private int[] hashes;

    private BitmapNode(int dataMap, int nodeMap, Object[] content, int[] hashes) {
        this.dataMap = dataMap;
        this.nodeMap = nodeMap;
        this.content = content;
        this.hashes = hashes;
    }

    static <K, V> BitmapNode<K, V> empty() {
        return new BitmapNode<>(0, 0, NO_CONTENT, NO_HASHES);
    }

    /** The value of {@code key}, whose hash is {@code hash}, in the trie under this node (the root); null when absent. */
    @SuppressWarnings("unchecked")
    V get(Object key, int hash) {
        BitmapNode<K, V> node = this;
        for (int shift = 0; ; shift += BITS_PER_LEVEL) {
            int bit = bitpos(hash, shift);
            if ((node.dataMap & bit) != 0) {
                int i = index(node.dataMap, bit);
                Object stored = node.content[2 * i];
                return node.hashes[i] == hash && (stored == key || key.equals(stored))
                        ? (V) node.content[2 * i + 1] : null;
            }
            if ((node.nodeMap & bit) == 0) {
                return null;
            }
            Object subnode = node.content[node.content.length - 1 - index(node.nodeMap, bit)];
            if (shift == MAX_SHIFT) {
                return ((CollisionNode<K, V>) subnode).get(key);
            }
            node = (BitmapNode<K, V>) subnode;
        }
    }

    /** Maps {@code key} to {@code value} in the trie under this node (the root); returns the old value, or null when the key was added. */
    @SuppressWarnings("unchecked")
    V put(K key, int hash, V value, Allocator allocator) {
        BitmapNode<K, V> node = this;
        for (int shift = 0; ; shift += BITS_PER_LEVEL) {
            int bit = bitpos(hash, shift);
            if ((node.dataMap & bit) != 0) {
                int i = index(node.dataMap, bit);
                K stored = (K) node.content[2 * i];
                int storedHash = node.hashes[i];
                if (storedHash == hash && (stored == key || key.equals(stored))) {
                    V old = (V) node.content[2 * i + 1];
                    node.content[2 * i + 1] = value;
                    return old;
                }
                Node<K, V> subnode = split(stored, storedHash, (V) node.content[2 * i + 1], key, hash, value,
                        shift + BITS_PER_LEVEL, allocator);
                node.entryToSubnode(i, bit, subnode, allocator);
                return null;
            }
            if ((node.nodeMap & bit) == 0) {
                node.insertEntry(index(node.dataMap, bit), bit, key, hash, value, allocator);
                return null;
            }
            Object subnode = node.content[node.content.length - 1 - index(node.nodeMap, bit)];
            if (shift == MAX_SHIFT) {
                return ((CollisionNode<K, V>) subnode).put(key, value, allocator);
            }
            node = (BitmapNode<K, V>) subnode;
        }
    }

    /**
     * Unmaps {@code key} from the trie under this node, which branches at {@code shift}; returns
     * its value, or null when it was absent. Recursive, unlike get and put: on the way back up, a
     * subnode left holding a single entry hands it to its parent, which keeps the trie canonical.
     */
    @SuppressWarnings("unchecked")
    V remove(Object key, int hash, int shift, Allocator allocator) {
        int bit = bitpos(hash, shift);
        if ((dataMap & bit) != 0) {
            int i = index(dataMap, bit);
            Object stored = content[2 * i];
            if (hashes[i] != hash || !(stored == key || key.equals(stored))) {
                return null;
            }
            V removed = (V) content[2 * i + 1];
            removeEntry(i, bit, allocator);
            return removed;
        }
        if ((nodeMap & bit) == 0) {
            return null;
        }
        int j = index(nodeMap, bit);
        Node<K, V> subnode = (Node<K, V>) content[content.length - 1 - j];
        V removed = shift == MAX_SHIFT
                ? ((CollisionNode<K, V>) subnode).remove(key, allocator)
                : ((BitmapNode<K, V>) subnode).remove(key, hash, shift + BITS_PER_LEVEL, allocator);
        if (removed != null && subnode.holdsOneEntryOnly()) {
            subnodeToEntry(j, bit, subnode.key(0), subnode.hash(0), subnode.value(0), allocator);
        }
        return removed;
    }

    /**
     * A node holding the entries of {@code existing} and {@code added}, whose hashes agree below
     * {@code shift}: a chain of bitmap nodes down to the first level where the hashes part, or
     * past the last level, where they are equal, a collision node.
     */
    static <K, V> Node<K, V> split(K existing, int existingHash, V existingValue, K added, int addedHash, V addedValue,
            int shift, Allocator allocator) {
        if (shift > MAX_SHIFT) {
            return CollisionNode.of(allocator.leaf(existing, existingHash, existingValue),
                    allocator.leaf(added, addedHash, addedValue), allocator);
        }
        int existingBit = bitpos(existingHash, shift);
        int addedBit = bitpos(addedHash, shift);
        allocator.countNode();
        if (existingBit == addedBit) {
            Object[] content = allocator.allocate(1);
            content[0] = split(existing, existingHash, existingValue, added, addedHash, addedValue,
                    shift + BITS_PER_LEVEL, allocator);
            return new BitmapNode<>(0, existingBit, content, NO_HASHES);
        }
        Object[] content = allocator.allocate(4);
        int[] hashes = allocator.allocateHashes(2);
        boolean existingFirst = mask(existingHash, shift) < mask(addedHash, shift);
        int first = existingFirst ? 0 : 2;
        content[first] = existing;
        content[first + 1] = existingValue;
        content[2 - first] = added;
        content[3 - first] = addedValue;
        hashes[first / 2] = existingHash;
        hashes[1 - first / 2] = addedHash;
        return new BitmapNode<>(existingBit | addedBit, 0, content, hashes);
    }

    /** Adds the entry of branch {@code bit} as the {@code i}-th entry. */
    private void insertEntry(int i, int bit, K key, int hash, V value, Allocator allocator) {
        Object[] copy = allocator.allocate(content.length + 2);
        System.arraycopy(content, 0, copy, 0, 2 * i);
        copy[2 * i] = key;
        copy[2 * i + 1] = value;
        System.arraycopy(content, 2 * i, copy, 2 * i + 2, content.length - 2 * i);
        hashes = withHash(i, hash, allocator);
        content = copy;
        dataMap |= bit;
    }

    /** Removes the {@code i}-th entry, that of branch {@code bit}. */
    private void removeEntry(int i, int bit, Allocator allocator) {
        Object[] copy = allocator.allocate(content.length - 2);
        System.arraycopy(content, 0, copy, 0, 2 * i);
        System.arraycopy(content, 2 * i + 2, copy, 2 * i, content.length - 2 * i - 2);
        hashes = withoutHash(i, allocator);
        content = copy;
        dataMap ^= bit;
    }

    /** Replaces the {@code i}-th entry, that of branch {@code bit}, by {@code subnode}, which now holds it. */
    private void entryToSubnode(int i, int bit, Node<K, V> subnode, Allocator allocator) {
        int length = content.length;
        int entrySlots = 2 * Integer.bitCount(dataMap);
        // the subnodes of lower branches (the last j slots) stay last, the new one goes before them
        int j = index(nodeMap, bit);
        Object[] copy = allocator.allocate(length - 1);
        System.arraycopy(content, 0, copy, 0, 2 * i);
        System.arraycopy(content, 2 * i + 2, copy, 2 * i, entrySlots - 2 * i - 2);
        System.arraycopy(content, entrySlots, copy, entrySlots - 2, length - j - entrySlots);
        copy[length - 2 - j] = subnode;
        System.arraycopy(content, length - j, copy, length - 1 - j, j);
        hashes = withoutHash(i, allocator);
        content = copy;
        dataMap ^= bit;
        nodeMap |= bit;
    }

    /** Replaces the {@code j}-th subnode, that of branch {@code bit}, by the one entry it holds. */
    private void subnodeToEntry(int j, int bit, K key, int hash, V value, Allocator allocator) {
        int length = content.length;
        int entrySlots = 2 * Integer.bitCount(dataMap);
        int i = index(dataMap, bit);
        Object[] copy = allocator.allocate(length + 1);
        System.arraycopy(content, 0, copy, 0, 2 * i);
        copy[2 * i] = key;
        copy[2 * i + 1] = value;
        System.arraycopy(content, 2 * i, copy, 2 * i + 2, entrySlots - 2 * i);
        // the subnodes of higher branches move up by the two entry slots, those of lower ones stay last
        System.arraycopy(content, entrySlots, copy, entrySlots + 2, length - 1 - j - entrySlots);
        System.arraycopy(content, length - j, copy, length + 1 - j, j);
        hashes = withHash(i, hash, allocator);
        content = copy;
        dataMap |= bit;
        nodeMap ^= bit;
    }

    private int[] withHash(int i, int hash, Allocator allocator) {
        int[] copy = allocator.allocateHashes(hashes.length + 1);
        System.arraycopy(hashes, 0, copy, 0, i);
        copy[i] = hash;
        System.arraycopy(hashes, i, copy, i + 1, hashes.length - i);
        return copy;
    }

    private int[] withoutHash(int i, Allocator allocator) {
        int[] copy = allocator.allocateHashes(hashes.length - 1);
        System.arraycopy(hashes, 0, copy, 0, i);
        System.arraycopy(hashes, i + 1, copy, i, hashes.length - i - 1);
        return copy;
    }

    @Override
    int entryCount() {
        return Integer.bitCount(dataMap);
    }

    @Override
    @SuppressWarnings("unchecked")
    K key(int i) {
        return (K) content[2 * i];
    }

    @Override
    int hash(int i) {
        return hashes[i];
    }

    @Override
    @SuppressWarnings("unchecked")
    V value(int i) {
        return (V) content[2 * i + 1];
    }

    @Override
    int subnodeCount() {
        return Integer.bitCount(nodeMap);
    }

    /** The subnode of the {@code j}-th lowest branch that holds one. */
    @Override
    @SuppressWarnings("unchecked")
    Node<K, V> subnode(int j) {
        return (Node<K, V>) content[content.length - 1 - j];
    }

    @Override
    int verify(int prefix, int shift, boolean isRoot) {
        int entries = entryCount();
        int subnodes = subnodeCount();
        check(shift <= MAX_SHIFT, "no bitmap node below shift " + MAX_SHIFT + ", found one at " + shift);
        check((dataMap & nodeMap) == 0, "no branch holds both an entry and a subnode");
        check(content.length == 2 * entries + subnodes && hashes.length == entries,
                "the arrays fit the bitmaps: " + content.length + " slots and " + hashes.length + " hashes for "
                        + entries + " entries and " + subnodes + " subnodes");
        check(isRoot || entries + subnodes > 1 || subnodes == 1,
                "a non-root node holds more than one entry or a subnode (" + entries + " entries, "
                        + subnodes + " subnodes)");
        int i = 0;
        int j = 0;
        int total = entries;
        for (int branch = 0; branch < BRANCHING; branch++) {
            int bit = 1 << branch;
            int childPrefix = prefix | branch << shift;
            if ((dataMap & bit) != 0) {
                check(key(i) != null && value(i) != null, "entry " + i + " holds a key and a value");
                check(hashes[i] == Hashing.hash(key(i)), "the entry of key " + key(i) + " caches its hash");
                check(hasPrefix(hashes[i], childPrefix, shift + BITS_PER_LEVEL),
                        "the entry of hash " + Integer.toHexString(hashes[i]) + " sits on its hash path");
                i++;
            } else if ((nodeMap & bit) != 0) {
                Object subnode = subnode(j++);
                boolean expected = shift == MAX_SHIFT ? subnode instanceof CollisionNode
                        : subnode instanceof BitmapNode;
                check(expected, "a node at shift " + shift + " has a " + (shift == MAX_SHIFT ? "collision" : "bitmap")
                        + " node as subnode " + (j - 1) + ", found " + subnode);
                total += ((Node<?, ?>) subnode).verify(childPrefix, shift + BITS_PER_LEVEL, false);
            }
        }
        return total;
    }

    /** Whether the low {@code bits} bits of {@code hash} (all of them past 32) are {@code prefix}. */
    static boolean hasPrefix(int hash, int prefix, int bits) {
        return bits >= Integer.SIZE ? hash == prefix : (hash & ((1 << bits) - 1)) == prefix;
    }
}
