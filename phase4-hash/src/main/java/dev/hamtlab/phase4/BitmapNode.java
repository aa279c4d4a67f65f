package dev.hamtlab.phase4;

import static dev.hamtlab.phase4.Hashing.BITS_PER_LEVEL;
import static dev.hamtlab.phase4.Hashing.BRANCHING;
import static dev.hamtlab.phase4.Hashing.MAX_SHIFT;
import static dev.hamtlab.phase4.Hashing.bitpos;
import static dev.hamtlab.phase4.Hashing.index;

/**
 * A 32-way node in CHAMP's layout: the entries sit in the node itself, with no leaf objects. Bit i
 * of {@code dataMap} says branch i holds an entry, bit i of {@code nodeMap} that it holds a
 * subnode. {@code content} holds the entries' keys and values, two slots each in branch order,
 * then the subnodes in reverse branch order from the array's end, so the j-th subnode is found
 * from the array's length without counting the entries; {@code hashes} holds the entries' hashes,
 * {@code hashes[i]} that of the key in {@code content[2 * i]}.
 *
 * <p>A subtree of two or three entries is a {@link Bucket}, their keys, values and hashes in its
 * fields; a bitmap node holds four entries or more below it, and hangs from a slot of the
 * {@link Directory} or from another bitmap node. Every subnode of more entries above the deepest
 * level is a bitmap node; a {@link CollisionNode} (four keys or
 * more of one full hash) is only ever the child of a node at {@link Hashing#MAX_SHIFT}.
 *
 * <p>The hot path is {@link #get} and {@link #put}: one loop down this final class, no recursion
 * and no virtual call a level; a bit test tells an entry from a subnode, and the final class of a
 * bucket, on the object the next step reads anyway, tells where the walk ends.
 *
 * <p>The layout is phase 1's: every change of the node's entries or subnodes allocates new arrays
 * of the new sizes and copies the rest across; the collector takes the old ones.
 */
final class BitmapNode<K, V> extends Node<K, V> {
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

    /** The value of {@code key}, whose hash is {@code hash}, in the subtree under this node, which branches at {@code from}; null when absent. */
    @SuppressWarnings("unchecked")
    V get(Object key, int hash, int from) {
        BitmapNode<K, V> node = this;
        for (int shift = from; ; shift += BITS_PER_LEVEL) {
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
            if (subnode instanceof Bucket) {
                return ((Bucket<K, V>) subnode).get(key, hash);
            }
            if (shift == MAX_SHIFT) {
                return ((CollisionNode<K, V>) subnode).get(key);
            }
            node = (BitmapNode<K, V>) subnode;
        }
    }

    /**
     * Maps {@code key} to {@code value} in the subtree under this node, which branches at
     * {@code from}; returns the old value, or null when the key was added.
     */
    @SuppressWarnings("unchecked")
    V put(K key, int hash, V value, int from, Allocator allocator) {
        BitmapNode<K, V> node = this;
        for (int shift = from; ; shift += BITS_PER_LEVEL) {
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
                Bucket<K, V> pair = Bucket.pair(stored, storedHash, (V) node.content[2 * i + 1],
                        key, hash, value, allocator);
                node.entryToSubnode(i, bit, pair, allocator);
                return null;
            }
            if ((node.nodeMap & bit) == 0) {
                node.insertEntry(index(node.dataMap, bit), bit, key, hash, value, allocator);
                return null;
            }
            int slot = node.content.length - 1 - index(node.nodeMap, bit);
            Object subnode = node.content[slot];
            if (subnode instanceof Bucket) {
                Bucket<K, V> bucket = (Bucket<K, V>) subnode;
                int at = bucket.indexOf(key, hash);
                if (at >= 0) {
                    return bucket.replaceValue(at, value);
                }
                if (bucket.entryCount() < Bucket.CAPACITY) {
                    bucket.add(key, hash, value);
                } else {
                    node.content[slot] = bucket.grow(key, hash, value, shift + BITS_PER_LEVEL, allocator);
                }
                return null;
            }
            if (shift == MAX_SHIFT) {
                return ((CollisionNode<K, V>) subnode).put(key, value, allocator);
            }
            node = (BitmapNode<K, V>) subnode;
        }
    }

    /**
     * Unmaps {@code key} from the subtree under this node, which branches at {@code shift}; returns
     * its value, or null when it was absent. Recursive, unlike get and put: on the way back up, a
     * bucket left with one entry hands it to its parent, and a subtree left with three entries
     * becomes a bucket, which keeps the trie's shape a function of its keys.
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
        int slot = content.length - 1 - j;
        Node<K, V> subnode = (Node<K, V>) content[slot];
        if (subnode instanceof Bucket) {
            Bucket<K, V> bucket = (Bucket<K, V>) subnode;
            int at = bucket.indexOf(key, hash);
            if (at < 0) {
                return null;
            }
            V removed = bucket.value(at);
            if (bucket.entryCount() == Bucket.CAPACITY) {
                bucket.removeFromThree(at);
            } else {
                int other = 1 - at;
                subnodeToEntry(j, bit, bucket.key(other), bucket.hash(other), bucket.value(other), allocator);
            }
            return removed;
        }
        V removed = shift == MAX_SHIFT
                ? ((CollisionNode<K, V>) subnode).remove(key, allocator)
                : ((BitmapNode<K, V>) subnode).remove(key, hash, shift + BITS_PER_LEVEL, allocator);
        if (removed != null && subnode.countAtMost(Bucket.CAPACITY) <= Bucket.CAPACITY) {
            content[slot] = Bucket.gather(subnode, allocator);
        }
        return removed;
    }

    /**
     * The subtree at {@code shift} of the entries given, four or more whose hashes agree below
     * {@code shift}, keys and values laid out as in a node's content: a bitmap node whose branches
     * of one entry hold it, whose branches of two or three hold a bucket of them and whose branches
     * of more a subtree one level down; past the last level, where the hashes are equal, a collision
     * node.
     */
    static <K, V> Node<K, V> of(Object[] keysAndValues, int[] hashes, int shift, Allocator allocator) {
        if (shift > MAX_SHIFT) {
            return CollisionNode.of(keysAndValues, hashes, allocator);
        }
        int present = 0;
        int shared = 0;
        for (int hash : hashes) {
            int bit = bitpos(hash, shift);
            shared |= present & bit;
            present |= bit;
        }
        int dataMap = present & ~shared;
        int entries = Integer.bitCount(dataMap);
        Object[] content = allocator.allocate(2 * entries + Integer.bitCount(shared));
        int[] entryHashes = allocator.allocateHashes(entries);
        for (int e = 0; e < hashes.length; e++) {
            int bit = bitpos(hashes[e], shift);
            if ((dataMap & bit) != 0) {
                int i = index(dataMap, bit);
                content[2 * i] = keysAndValues[2 * e];
                content[2 * i + 1] = keysAndValues[2 * e + 1];
                entryHashes[i] = hashes[e];
            }
        }
        for (int rest = shared; rest != 0; rest &= rest - 1) {
            int bit = rest & -rest;
            int count = 0;
            for (int hash : hashes) {
                count += bitpos(hash, shift) == bit ? 1 : 0;
            }
            Object[] branchKeysAndValues = new Object[2 * count];
            int[] branchHashes = new int[count];
            for (int e = 0, b = 0; e < hashes.length; e++) {
                if (bitpos(hashes[e], shift) == bit) {
                    branchKeysAndValues[2 * b] = keysAndValues[2 * e];
                    branchKeysAndValues[2 * b + 1] = keysAndValues[2 * e + 1];
                    branchHashes[b++] = hashes[e];
                }
            }
            content[content.length - 1 - index(shared, bit)] = count <= Bucket.CAPACITY
                    ? Bucket.of(branchKeysAndValues, branchHashes, count, allocator)
                    : of(branchKeysAndValues, branchHashes, shift + BITS_PER_LEVEL, allocator);
        }
        allocator.countNode();
        return new BitmapNode<>(dataMap, shared, content, entryHashes);
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

    /** Hands this node's branches to the directory one level deeper: branch b of slot {@code s} goes to slot s | b << shift. */
    void scatter(Directory<K, V> directory, int s, int shift) {
        int i = 0;
        int j = 0;
        for (int branch = 0; branch < BRANCHING; branch++) {
            int bit = 1 << branch;
            int target = s | branch << shift;
            if ((dataMap & bit) != 0) {
                directory.placeEntry(target, key(i), hashes[i], value(i));
                i++;
            } else if ((nodeMap & bit) != 0) {
                directory.placeSubtree(target, subnode(j++));
            }
        }
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
    int countAtMost(int limit) {
        int count = entryCount();
        for (int j = 0; j < subnodeCount() && count <= limit; j++) {
            count += subnode(j).countAtMost(limit - count);
        }
        return count;
    }

    @Override
    int verify(int prefix, int shift) {
        int entries = entryCount();
        int subnodes = subnodeCount();
        check(shift <= MAX_SHIFT, "no bitmap node below shift " + MAX_SHIFT + ", found one at " + shift);
        check((dataMap & nodeMap) == 0, "no branch holds both an entry and a subnode");
        check(content.length == 2 * entries + subnodes && hashes.length == entries,
                "the arrays fit the bitmaps: " + content.length + " slots and " + hashes.length + " hashes for "
                        + entries + " entries and " + subnodes + " subnodes");
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
                boolean expected = subnode instanceof Bucket
                        || (shift == MAX_SHIFT ? subnode instanceof CollisionNode : subnode instanceof BitmapNode);
                check(expected, "a node at shift " + shift + " has a bucket or a "
                        + (shift == MAX_SHIFT ? "collision" : "bitmap")
                        + " node as subnode " + (j - 1) + ", found " + subnode);
                total += ((Node<?, ?>) subnode).verify(childPrefix, shift + BITS_PER_LEVEL);
            }
        }
        check(total > Bucket.CAPACITY, "a bitmap node holds more than " + Bucket.CAPACITY + " entries, found " + total);
        return total;
    }

    /** Whether the low {@code bits} bits of {@code hash} (all of them past 32) are {@code prefix}. */
    static boolean hasPrefix(int hash, int prefix, int bits) {
        return bits >= Integer.SIZE ? hash == prefix : (hash & ((1 << bits) - 1)) == prefix;
    }
}
