package dev.hamtlab.phase4.hotpath;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The shape of a trie, found by walking it: how many nodes of each kind, how deep the leaves lie,
 * how full the nodes are. A lookup's time is one pointer chase per level, so the shape explains
 * time as much as allocation does. A leaf's depth counts the nodes on its path, the root's own
 * leaves lying at depth 1. The pool's part: the slots live slices hold against those the pool
 * keeps reachable, the whole of every array a slice lies in.
 */
final class Shape {
    /** One bitmap level per 5 hash bits (shifts 0 to 30), then the collision level. */
    static final int MAX_DEPTH = Hashing.MAX_SHIFT / Hashing.BITS_PER_LEVEL + 2;

    private long bitmapNodes;
    private long collisionNodes;
    private long bitmapChildren;
    private long entries;
    private long depthSum;
    private final long[] leavesAtDepth = new long[MAX_DEPTH + 1];
    private final Set<Object[]> slabs = Collections.newSetFromMap(new IdentityHashMap<>());

    private Shape() {
    }

    static Map<String, Number> of(BitmapNode<?, ?> root, Allocator allocator) {
        Shape shape = new Shape();
        shape.walk(root, 1);
        allocator.addHeldSlabs(shape.slabs);
        return shape.figures();
    }

    private void walk(Node<?, ?> node, int depth) {
        if (node instanceof CollisionNode) {
            collisionNodes++;
        } else {
            bitmapNodes++;
            bitmapChildren += node.arity();
            slabs.add(((BitmapNode<?, ?>) node).slab());
        }
        for (int i = 0; i < node.arity(); i++) {
            Object child = node.child(i);
            if (child instanceof Leaf) {
                entries++;
                depthSum += depth;
                leavesAtDepth[depth]++;
            } else {
                walk((Node<?, ?>) child, depth + 1);
            }
        }
    }

    private Map<String, Number> figures() {
        Map<String, Number> figures = new LinkedHashMap<>();
        figures.put("entries", entries);
        figures.put("bitmapNodes", bitmapNodes);
        figures.put("collisionNodes", collisionNodes);
        int maxDepth = 0;
        for (int depth = 1; depth <= MAX_DEPTH; depth++) {
            maxDepth = leavesAtDepth[depth] > 0 ? depth : maxDepth;
        }
        figures.put("maxLeafDepth", maxDepth);
        figures.put("meanLeafDepth", entries == 0 ? 0.0 : (double) depthSum / entries);
        figures.put("meanChildrenPerBitmapNode", (double) bitmapChildren / bitmapNodes);
        figures.put("entriesPerNode", (double) entries / (bitmapNodes + collisionNodes));
        for (int depth = 1; depth <= MAX_DEPTH; depth++) {
            figures.put("leavesAtDepth" + depth, leavesAtDepth[depth]);
        }
        figures.put("poolSlotsLive", bitmapChildren);
        figures.put("poolSlotsHeld", slabs.stream().mapToLong(slab -> slab.length).sum());
        return figures;
    }
}
