package dev.hamtlab.phase4;

/**
 * One key, its hash and its value in a {@link CollisionNode}, the only place this layout keeps
 * entries as objects of their own: a bitmap node holds its keys, values and hashes inline. The
 * hash is the key's, computed once when the key is added.
 */
final class Leaf<K, V> {
    final K key;
    final int hash;
    V value;

    Leaf(K key, int hash, V value) {
        this.key = key;
        this.hash = hash;
        this.value = value;
    }

    @Override
    public String toString() {
        return key + "=" + value;
    }
}
