package dev.hamtlab.phase4;

/**
 * A small subtree specialised: two or three entries whose hashes share the bits above its level,
 * kept in fields, keys, values and hashes side by side, with no bitmap and no array. A random trie's
 * bottom nodes are mostly this small (at 1M keys most entries sit in nodes of two or three), and a
 * lookup that reaches one compares the cached hashes beside the keys it reads anyway: one dependent
 * load (the array) fewer where the cache misses are. 48 bytes under 12-byte headers, for three
 * entries or two.
 *
 * <p>Its entries need not lie on different branches: any subtree of at most {@link #CAPACITY}
 * entries is a bucket, so two keys that share their low hash bits meet in a bucket just below
 * where they part from the rest, with no chain of nodes down to where they part from each other.
 * The fourth entry turns it into a {@link BitmapNode} ({@link BitmapNode#of}); a subtree that
 * removal leaves with three entries is gathered back into one ({@link #gather}), so the trie's
 * shape depends on its keys alone. A bucket's entries are kept in the order they came.
 */
final class Bucket<K, V> extends Node<K, V> {
    static final int CAPACITY = 3;

    private K key0;
    private K key1;
    /** Null when the bucket holds two entries. */
    private K key2;
    private V value0;
    private V value1;
    private V value2;
    private int hash0;
    private int hash1;
    private int hash2;

    private Bucket(K key0, int hash0, V value0, K key1, int hash1, V value1) {
        this.key0 = key0;
        this.hash0 = hash0;
        this.value0 = value0;
        this.key1 = key1;
        this.hash1 = hash1;
        this.value1 = value1;
    }

    /** A bucket of two entries. */
    static <K, V> Bucket<K, V> pair(K key0, int hash0, V value0, K key1, int hash1, V value1, Allocator allocator) {
        allocator.countBucket();
        return new Bucket<>(key0, hash0, value0, key1, hash1, value1);
    }

    /** The bucket of the entries of {@code subtree}, which holds two or three. */
    static <K, V> Bucket<K, V> gather(Node<K, V> subtree, Allocator allocator) {
        Object[] keysAndValues = new Object[2 * CAPACITY];
        int[] hashes = new int[CAPACITY];
        int count = collect(subtree, keysAndValues, hashes, 0);
        return of(keysAndValues, hashes, count, allocator);
    }

    /** The bucket of the first {@code count} (two or three) of the entries laid out as {@link BitmapNode#of} takes them. */
    static <K, V> Bucket<K, V> of(Object[] keysAndValues, int[] hashes, int count, Allocator allocator) {
        Bucket<K, V> bucket = pair(key(keysAndValues, 0), hashes[0], value(keysAndValues, 0),
                key(keysAndValues, 1), hashes[1], value(keysAndValues, 1), allocator);
        if (count == CAPACITY) {
            bucket.add(key(keysAndValues, 2), hashes[2], value(keysAndValues, 2));
        }
        return bucket;
    }

    private static int collect(Node<?, ?> node, Object[] keysAndValues, int[] hashes, int count) {
        for (int i = 0; i < node.entryCount(); i++, count++) {
            keysAndValues[2 * count] = node.key(i);
            keysAndValues[2 * count + 1] = node.value(i);
            hashes[count] = node.hash(i);
        }
        for (int j = 0; j < node.subnodeCount(); j++) {
            count = collect(node.subnode(j), keysAndValues, hashes, count);
        }
        return count;
    }

    @SuppressWarnings("unchecked")
    private static <K> K key(Object[] keysAndValues, int i) {
        return (K) keysAndValues[2 * i];
    }

    @SuppressWarnings("unchecked")
    private static <V> V value(Object[] keysAndValues, int i) {
        return (V) keysAndValues[2 * i + 1];
    }

    /** The value of {@code key}, whose hash is {@code hash}; null when absent. */
    V get(Object key, int hash) {
        if (hash == hash0 && (key0 == key || key.equals(key0))) {
            return value0;
        }
        if (hash == hash1 && (key1 == key || key.equals(key1))) {
            return value1;
        }
        K third = key2;
        if (hash == hash2 && third != null && (third == key || key.equals(third))) {
            return value2;
        }
        return null;
    }

    /** Where {@code key}, whose hash is {@code hash}, sits here, or -1. */
    int indexOf(Object key, int hash) {
        for (int i = 0; i < entryCount(); i++) {
            Object stored = key(i);
            if (hash(i) == hash && (stored == key || key.equals(stored))) {
                return i;
            }
        }
        return -1;
    }

    /** Replaces the i-th entry's value; returns the old one. */
    V replaceValue(int i, V value) {
        V old = value(i);
        switch (i) {
            case 0 -> value0 = value;
            case 1 -> value1 = value;
            default -> value2 = value;
        }
        return old;
    }

    /** Adds an entry to a bucket of two. */
    void add(K key, int hash, V value) {
        key2 = key;
        hash2 = hash;
        value2 = value;
    }

    /** Removes the i-th entry from a bucket of three; the third moves into its place. */
    void removeFromThree(int i) {
        if (i == 0) {
            key0 = key2;
            hash0 = hash2;
            value0 = value2;
        } else if (i == 1) {
            key1 = key2;
            hash1 = hash2;
            value1 = value2;
        }
        key2 = null;
        hash2 = 0;
        value2 = null;
    }

    /** The subtree at {@code shift} of this bucket's three entries and one more: a bitmap node, or past the last level a collision node. */
    Node<K, V> grow(K key, int hash, V value, int shift, Allocator allocator) {
        Object[] keysAndValues = {key0, value0, key1, value1, key2, value2, key, value};
        int[] hashes = {hash0, hash1, hash2, hash};
        return BitmapNode.of(keysAndValues, hashes, shift, allocator);
    }

    @Override
    int entryCount() {
        return key2 == null ? 2 : 3;
    }

    @Override
    K key(int i) {
        return switch (i) {
            case 0 -> key0;
            case 1 -> key1;
            default -> key2;
        };
    }

    @Override
    int hash(int i) {
        return switch (i) {
            case 0 -> hash0;
            case 1 -> hash1;
            default -> hash2;
        };
    }

    @Override
    V value(int i) {
        return switch (i) {
            case 0 -> value0;
            case 1 -> value1;
            default -> value2;
        };
    }

    @Override
    int subnodeCount() {
        return 0;
    }

    @Override
    Node<K, V> subnode(int j) {
        throw new IndexOutOfBoundsException("a bucket has no subnodes");
    }

    @Override
    int countAtMost(int limit) {
        return entryCount();
    }

    @Override
    int verify(int prefix, int shift) {
        check(key0 != null && key1 != null && value0 != null && value1 != null && (key2 == null) == (value2 == null),
                "a bucket holds two or three keys, each with its value");
        int count = entryCount();
        for (int i = 0; i < count; i++) {
            check(hash(i) == Hashing.hash(key(i)), "the entry of key " + key(i) + " in a bucket caches its hash");
            check(BitmapNode.hasPrefix(hash(i), prefix, shift), "the entry of hash " + Integer.toHexString(hash(i))
                    + " in a bucket sits on its hash path");
            for (int other = i + 1; other < count; other++) {
                check(!key(i).equals(key(other)), "the keys of a bucket are distinct");
            }
        }
        return count;
    }
}
