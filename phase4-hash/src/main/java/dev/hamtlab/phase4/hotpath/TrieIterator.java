package dev.hamtlab.phase4.hotpath;

import java.util.ArrayDeque;
import java.util.ConcurrentModificationException;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.function.Function;

/**
 * Walks the trie depth first, in branch order, and hands out each leaf as its view wants it: the
 * leaf itself (the map's entry), its key or its value.
 *
 * <p>Removal through the iterator edits the trie it is walking (children move, nodes collapse), so
 * on the first {@link #remove()} the iterator first copies the leaves it has not reached yet into
 * a queue and goes on from there: one pass over what is left, the same in every phase, whatever a
 * phase does to its nodes.
 */
final class TrieIterator<K, V, T> implements Iterator<T> {
    /** One level per 5 hash bits, plus the collision level. */
    private static final int MAX_DEPTH = Hashing.MAX_SHIFT / Hashing.BITS_PER_LEVEL + 2;

    private final Hamt<K, V> map;
    private final Function<Leaf<K, V>, T> view;
    private final Node<?, ?>[] nodes = new Node<?, ?>[MAX_DEPTH];
    private final int[] positions = new int[MAX_DEPTH];
    private int depth;
    private ArrayDeque<Leaf<K, V>> unvisited;
    private Leaf<K, V> next;
    private Leaf<K, V> lastReturned;
    private int expectedModCount;

    TrieIterator(Hamt<K, V> map, Function<Leaf<K, V>, T> view) {
        this.map = map;
        this.view = view;
        this.expectedModCount = map.modCount;
        nodes[0] = map.root();
        next = advance();
    }

    @Override
    public boolean hasNext() {
        return next != null;
    }

    @Override
    public T next() {
        if (map.modCount != expectedModCount) {
            throw new ConcurrentModificationException();
        }
        if (next == null) {
            throw new NoSuchElementException();
        }
        lastReturned = next;
        next = unvisited == null ? advance() : unvisited.poll();
        return view.apply(lastReturned);
    }

    @Override
    public void remove() {
        if (lastReturned == null) {
            throw new IllegalStateException("remove() needs a next() before it");
        }
        if (map.modCount != expectedModCount) {
            throw new ConcurrentModificationException();
        }
        if (unvisited == null) {
            unvisited = new ArrayDeque<>();
            for (Leaf<K, V> leaf = next; leaf != null; leaf = advance()) {
                unvisited.add(leaf);
            }
            next = unvisited.poll();
        }
        map.removeHashed(lastReturned.key, lastReturned.hash);
        lastReturned = null;
        expectedModCount = map.modCount;
    }

    /** The next leaf of the trie walk, or null at the end. */
    @SuppressWarnings("unchecked")
    private Leaf<K, V> advance() {
        while (depth >= 0) {
            Node<?, ?> node = nodes[depth];
            if (positions[depth] == node.arity()) {
                depth--;
                continue;
            }
            Object child = node.child(positions[depth]++);
            if (child instanceof Leaf) {
                return (Leaf<K, V>) child;
            }
            depth++;
            nodes[depth] = (Node<?, ?>) child;
            positions[depth] = 0;
        }
        return null;
    }
}
