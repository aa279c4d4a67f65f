package dev.hamtlab.phase4;

import static dev.hamtlab.phase4.Hashing.BITS_PER_LEVEL;

/**
 * The top of the trie, flat: 2^k slots indexed by the hash's low k bits (k = 5, 10, 15, ...), in
 * place of the top k / 5 levels of bitmap nodes. A slot holds nothing, one entry inline (its key in
 * {@code slots[2 * s]}, its value in {@code slots[2 * s + 1]}, its hash in {@code hashes[s]}), or
 * the subtree of the keys whose low k bits are s: a {@link Bucket} of two or three, or a
 * {@link BitmapNode} that branches at shift k (then {@code slots[2 * s + 1]} is null: no value is).
 * A lookup then takes one step to the subtree of its k bits, so its depth is nearly the same for
 * every key: the walk's branches predict, and lookups overlap again.
 *
 * <p>It grows by absorbing a level: when the map holds more than {@value #LOAD} entries a slot,
 * the new directory's 32 slots for an old one are the 32 branches of the old slot's bitmap node,
 * taken as they are, and the few entries of a bucket or an inline entry go where their hash bits
 * say: no subtree is rebuilt. So its load stays between a half and 16 entries a slot, and 12
 * bytes a slot cost at most 24 bytes an entry right after growing, under one just before. A load
 * of 32 would cost half as much right after growing, but grows twice as late: at 1M random keys
 * its directory is still 2^15 slots of some 30 entries each, where this one has grown to 2^20
 * (phase4-hash's README has the first look that chose 16). Removals never shrink it, as
 * java.util.HashMap's table does not shrink.
 */
final class Directory<K, V> {
    /** The entries a slot holds on average before the directory grows. */
    static final int LOAD = 16;
    /** The deepest directory: 2^25 slots, grown to past 2^30 entries, which a map never holds. */
    private static final int MAX_BITS = 25;

    private final int bits;
    private final int mask;
    private final Object[] slots;
    private final int[] hashes;

    Directory(int bits, Allocator allocator) {
        this.bits = bits;
        this.mask = (1 << bits) - 1;
        this.slots = allocator.allocate(2 << bits);
        this.hashes = allocator.allocateHashes(1 << bits);
    }

    /** The value of {@code key}, whose hash is {@code hash}; null when absent. */
    @SuppressWarnings("unchecked")
    V get(Object key, int hash) {
        int s = hash & mask;
        Object first = slots[2 * s];
        Object value = slots[2 * s + 1];
        if (value != null) {
            return hashes[s] == hash && (first == key || key.equals(first)) ? (V) value : null;
        }
        if (first instanceof Bucket) {
            return ((Bucket<K, V>) first).get(key, hash);
        }
        return first == null ? null : ((BitmapNode<K, V>) first).get(key, hash, bits);
    }

    /** Maps {@code key} to {@code value}; returns the old value, or null when the key was added. */
    @SuppressWarnings("unchecked")
    V put(K key, int hash, V value, Allocator allocator) {
        int s = hash & mask;
        Object first = slots[2 * s];
        Object held = slots[2 * s + 1];
        if (held != null) {
            if (hashes[s] == hash && (first == key || key.equals(first))) {
                slots[2 * s + 1] = value;
                return (V) held;
            }
            placeSubtree(s, Bucket.pair((K) first, hashes[s], (V) held, key, hash, value, allocator));
            return null;
        }
        if (first == null) {
            placeEntry(s, key, hash, value);
            return null;
        }
        if (first instanceof Bucket) {
            Bucket<K, V> bucket = (Bucket<K, V>) first;
            int at = bucket.indexOf(key, hash);
            if (at >= 0) {
                return bucket.replaceValue(at, value);
            }
            if (bucket.entryCount() < Bucket.CAPACITY) {
                bucket.add(key, hash, value);
            } else {
                placeSubtree(s, bucket.grow(key, hash, value, bits, allocator));
            }
            return null;
        }
        return ((BitmapNode<K, V>) first).put(key, hash, value, bits, allocator);
    }

    /**
     * Unmaps {@code key}; returns its value, or null when it was absent. A bucket left with one
     * entry puts it inline, and a subtree left with three entries becomes a bucket, as in the nodes.
     */
    @SuppressWarnings("unchecked")
    V remove(Object key, int hash, Allocator allocator) {
        int s = hash & mask;
        Object first = slots[2 * s];
        Object held = slots[2 * s + 1];
        if (held != null) {
            if (hashes[s] != hash || !(first == key || key.equals(first))) {
                return null;
            }
            placeEntry(s, null, 0, null);
            return (V) held;
        }
        if (first instanceof Bucket) {
            Bucket<K, V> bucket = (Bucket<K, V>) first;
            int at = bucket.indexOf(key, hash);
            if (at < 0) {
                return null;
            }
            V removed = bucket.value(at);
            if (bucket.entryCount() == Bucket.CAPACITY) {
                bucket.removeFromThree(at);
            } else {
                int other = 1 - at;
                placeEntry(s, bucket.key(other), bucket.hash(other), bucket.value(other));
            }
            return removed;
        }
        if (first == null) {
            return null;
        }
        BitmapNode<K, V> node = (BitmapNode<K, V>) first;
        V removed = node.remove(key, hash, bits, allocator);
        if (removed != null && node.countAtMost(Bucket.CAPACITY) <= Bucket.CAPACITY) {
            placeSubtree(s, Bucket.gather(node, allocator));
        }
        return removed;
    }

    /** Whether a map of {@code size} entries has outgrown this directory. */
    boolean isOutgrownBy(int size) {
        return bits < MAX_BITS && size > LOAD << bits;
    }

    /** The directory one level deeper, holding this one's entries and subtrees, none of them rebuilt. */
    @SuppressWarnings("unchecked")
    Directory<K, V> grown(Allocator allocator) {
        Directory<K, V> grown = new Directory<>(bits + BITS_PER_LEVEL, allocator);
        for (int s = 0; s <= mask; s++) {
            Object first = slots[2 * s];
            if (slots[2 * s + 1] != null) {
                grown.placeEntry(hashes[s] & grown.mask, (K) first, hashes[s], (V) slots[2 * s + 1]);
            } else if (first instanceof Bucket) {
                Bucket<K, V> bucket = (Bucket<K, V>) first;
                for (int i = 0; i < bucket.entryCount(); i++) {
                    grown.put(bucket.key(i), bucket.hash(i), bucket.value(i), allocator);
                }
            } else if (first != null) {
                ((BitmapNode<K, V>) first).scatter(grown, s, bits);
            }
        }
        return grown;
    }

    void placeEntry(int s, K key, int hash, V value) {
        slots[2 * s] = key;
        slots[2 * s + 1] = value;
        hashes[s] = hash;
    }

    void placeSubtree(int s, Node<K, V> subtree) {
        slots[2 * s] = subtree;
        slots[2 * s + 1] = null;
        hashes[s] = 0;
    }

    /** How many slots: 2^k. */
    int slotCount() {
        return mask + 1;
    }

    int bits() {
        return bits;
    }

    boolean holdsEntry(int s) {
        return slots[2 * s + 1] != null;
    }

    @SuppressWarnings("unchecked")
    K key(int s) {
        return (K) slots[2 * s];
    }

    int hash(int s) {
        return hashes[s];
    }

    @SuppressWarnings("unchecked")
    V value(int s) {
        return (V) slots[2 * s + 1];
    }

    /** The subtree in slot {@code s}, or null when it holds an entry or nothing. */
    @SuppressWarnings("unchecked")
    Node<K, V> subtree(int s) {
        return slots[2 * s + 1] == null ? (Node<K, V>) slots[2 * s] : null;
    }

    /**
     * Checks every slot and returns how many entries the directory holds: an entry caches its key's
     * hash and sits in the slot of its low bits, a subtree is a bucket or a bitmap node on its
     * slot's path.
     */
    int verify() {
        Node.check(slots.length == 2 << bits && hashes.length == 1 << bits, "the directory has 2^" + bits + " slots");
        int entries = 0;
        for (int s = 0; s <= mask; s++) {
            Object first = slots[2 * s];
            if (holdsEntry(s)) {
                Node.check(first != null && hashes[s] == Hashing.hash(first), "the entry of key " + first
                        + " in the directory caches its hash");
                Node.check((hashes[s] & mask) == s,
                        "the entry of hash " + Integer.toHexString(hashes[s]) + " sits in slot "
                        + s + " of its low " + bits + " bits");
                entries++;
            } else if (first != null) {
                Node.check(first instanceof Bucket || first instanceof BitmapNode, "slot " + s
                        + " holds an entry, a bucket or a bitmap node, found " + first);
                entries += ((Node<?, ?>) first).verify(s, bits);
            } else {
                Node.check(hashes[s] == 0, "an empty slot keeps no hash");
            }
        }
        return entries;
    }
}
