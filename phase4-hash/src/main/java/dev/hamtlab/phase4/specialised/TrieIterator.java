package dev.hamtlab.phase4.specialised;

import java.util.ArrayDeque;
import java.util.ConcurrentModificationException;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * Walks the trie depth first, each node's entries before its subnodes, and hands out each entry as
 * its view wants it: an {@link EntryView} made for it, its key or its value.
 *
 * <p>Removal through the iterator edits the trie it is walking (entries move, nodes collapse), so
 * on the first {@link #remove()} the iterator first copies the keys and hashes it has not reached
 * yet into a queue and goes on from there, reading each one's value from the map when it reaches
 * it: one pass over what is left, the same in every phase, whatever a phase does to its nodes.
 */
final class TrieIterator<K, V, T> implements Iterator<T> {
    /** One level per 5 hash bits, plus the collision level. */
    private static final int MAX_DEPTH = Hashing.MAX_SHIFT / Hashing.BITS_PER_LEVEL + 2;

    /** What a view makes of an entry. */
    interface View<K, V, T> {
        T of(K key, int hash, V value);
    }

    private final Hamt<K, V> map;
    private final View<K, V, T> view;
    private final Node<?, ?>[] nodes = new Node<?, ?>[MAX_DEPTH];
    /** Per depth, the entries and then the subnodes of its node that the walk has passed. */
    private final int[] positions = new int[MAX_DEPTH];
    private int depth;
    /** The node of the next entry of the walk and its index there; null at the walk's end. */
    private Node<K, V> nextNode;
    private int nextIndex;
    /** After the first remove(), the keys (with their hashes) still to hand out. */
    private ArrayDeque<Leaf<K, V>> unvisited;
    private K lastKey;
    private int lastHash;
    private boolean removable;
    private int expectedModCount;

    TrieIterator(Hamt<K, V> map, View<K, V, T> view) {
        this.map = map;
        this.view = view;
        this.expectedModCount = map.modCount;
        nodes[0] = map.root();
        advance();
    }

    @Override
    public boolean hasNext() {
        return unvisited == null ? nextNode != null : !unvisited.isEmpty();
    }

    /** The value is read when the entry is handed out, so an update made since the walk passed it shows. */
    @Override
    public T next() {
        if (map.modCount != expectedModCount) {
            throw new ConcurrentModificationException();
        }
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        V value;
        if (unvisited == null) {
            lastKey = nextNode.key(nextIndex);
            lastHash = nextNode.hash(nextIndex);
            value = nextNode.value(nextIndex);
            advance();
        } else {
            Leaf<K, V> entry = unvisited.poll();
            lastKey = entry.key;
            lastHash = entry.hash;
            value = map.getHashed(lastKey, lastHash);
        }
        removable = true;
        return view.of(lastKey, lastHash, value);
    }

    @Override
    public void remove() {
        if (!removable) {
            throw new IllegalStateException("remove() needs a next() before it");
        }
        if (map.modCount != expectedModCount) {
            throw new ConcurrentModificationException();
        }
        if (unvisited == null) {
            unvisited = new ArrayDeque<>();
            while (nextNode != null) {
                unvisited.add(new Leaf<>(nextNode.key(nextIndex), nextNode.hash(nextIndex), null));
                advance();
            }
        }
        map.removeHashed(lastKey, lastHash);
        removable = false;
        expectedModCount = map.modCount;
    }

    /** Moves {@code nextNode} and {@code nextIndex} to the walk's next entry, or {@code nextNode} to null at its end. */
    @SuppressWarnings("unchecked")
    private void advance() {
        while (depth >= 0) {
            Node<K, V> node = (Node<K, V>) nodes[depth];
            int position = positions[depth]++;
            int entries = node.entryCount();
            if (position < entries) {
                nextNode = node;
                nextIndex = position;
                return;
            }
            if (position - entries < node.subnodeCount()) {
                depth++;
                nodes[depth] = node.subnode(position - entries);
                positions[depth] = 0;
                continue;
            }
            depth--;
        }
        nextNode = null;
    }
}
