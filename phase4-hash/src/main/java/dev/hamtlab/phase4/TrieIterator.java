package dev.hamtlab.phase4;

import java.util.ArrayDeque;
import java.util.ConcurrentModificationException;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * Walks the directory slot by slot, and each slot's subtree depth first, each node's entries
 * before its subnodes, and hands out each entry as its view wants it: an {@link EntryView} made for it,
 * its key or its value.
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
    private final Directory<K, V> directory;
    /** The directory's slots the walk has passed. */
    private int slot;
    /** The subtree of the slot being walked, then its nodes down to the one walked. */
    private final Node<?, ?>[] nodes = new Node<?, ?>[MAX_DEPTH];
    /** Per depth, the entries and then the subnodes of its node that the walk has passed. */
    private final int[] positions = new int[MAX_DEPTH];
    /** The depth walked in the slot's subtree; -1 between subtrees. */
    private int depth = -1;
    /** The node of the next entry of the walk and its index there, or null for the directory's slot {@code nextIndex}. */
    private Node<K, V> nextNode;
    private int nextIndex;
    private boolean ended;
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
        this.directory = map.directory();
        advance();
    }

    @Override
    public boolean hasNext() {
        return unvisited == null ? !ended : !unvisited.isEmpty();
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
            lastKey = keyOfNext();
            lastHash = hashOfNext();
            value = nextNode == null ? directory.value(nextIndex) : nextNode.value(nextIndex);
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
            while (!ended) {
                unvisited.add(new Leaf<>(keyOfNext(), hashOfNext(), null));
                advance();
            }
        }
        map.removeHashed(lastKey, lastHash);
        removable = false;
        expectedModCount = map.modCount;
    }

    private K keyOfNext() {
        return nextNode == null ? directory.key(nextIndex) : nextNode.key(nextIndex);
    }

    private int hashOfNext() {
        return nextNode == null ? directory.hash(nextIndex) : nextNode.hash(nextIndex);
    }

    /** Moves {@code nextNode} and {@code nextIndex} to the walk's next entry, or sets {@code ended}. */
    @SuppressWarnings("unchecked")
    private void advance() {
        while (true) {
            if (depth < 0) {
                if (slot == directory.slotCount()) {
                    ended = true;
                    return;
                }
                int s = slot++;
                if (directory.holdsEntry(s)) {
                    nextNode = null;
                    nextIndex = s;
                    return;
                }
                Node<K, V> subtree = directory.subtree(s);
                if (subtree != null) {
                    depth = 0;
                    nodes[0] = subtree;
                    positions[0] = 0;
                }
                continue;
            }
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
    }
}
