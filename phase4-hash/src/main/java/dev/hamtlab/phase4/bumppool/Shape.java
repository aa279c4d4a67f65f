package dev.hamtlab.phase4.bumppool;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The shape of a trie, found by walking it: how many nodes of each kind, how deep the leaves lie,
 * how full the nodes are. A lookup's time is one pointer chase per level, so the shape explains
 * time as much as allocation does. An entry's depth (a "leaf" depth, in the figures every phase
 * shares) counts the directory and the nodes on its path, the directory's own entries lying at
 * depth 1. The pool's part: the slots live slices hold against those the pool keeps reachable.
 */
final class Shape {
    /** One level per 5 hash bits (shifts 0 to 30, the directory's among them), then the collision level. */
    static final int MAX_DEPTH = Hashing.MAX_SHIFT / Hashing.BITS_PER_LEVEL + 2;

    private long bitmapNodes;
    private long collisionNodes;
    private long buckets;
    private long directorySlots;
    private long poolSlotsLive;
    /** Every chunk a live slice lies in, and the pool's current chunks, by identity. */
    private final Set<Object> slabs = Collections.newSetFromMap(new IdentityHashMap<>());
    private long bitmapChildren;
    private long entries;
    private long depthSum;
    private final long[] leavesAtDepth = new long[MAX_DEPTH + 1];

    private Shape() {
    }

    static Map<String, Number> of(Directory<?, ?> directory, Allocator allocator) {
        Shape shape = new Shape();
        allocator.addHeldSlabs(shape.slabs);
        shape.directorySlots = directory.slotCount();
        for (int s = 0; s < directory.slotCount(); s++) {
            if (directory.holdsEntry(s)) {
                shape.entries++;
                shape.depthSum++;
                shape.leavesAtDepth[1]++;
            } else if (directory.subtree(s) != null) {
                shape.walk(directory.subtree(s), 2);
            }
        }
        return shape.figures();
    }

    private void walk(Node<?, ?> node, int depth) {
        if (node instanceof CollisionNode) {
            collisionNodes++;
        } else if (node instanceof Bucket) {
            buckets++;
        } else {
            bitmapNodes++;
            bitmapChildren += node.entryCount() + node.subnodeCount();
            BitmapNode<?, ?> bitmapNode = (BitmapNode<?, ?>) node;
            poolSlotsLive += bitmapNode.slotsHeld();
            slabs.add(bitmapNode.slab());
            slabs.add(bitmapNode.hashSlab());
        }
        entries += node.entryCount();
        depthSum += (long) depth * node.entryCount();
        leavesAtDepth[depth] += node.entryCount();
        for (int j = 0; j < node.subnodeCount(); j++) {
            walk(node.subnode(j), depth + 1);
        }
    }

    private Map<String, Number> figures() {
        Map<String, Number> figures = new LinkedHashMap<>();
        figures.put("entries", entries);
        figures.put("bitmapNodes", bitmapNodes);
        figures.put("collisionNodes", collisionNodes);
        figures.put("buckets", buckets);
        int maxDepth = 0;
        for (int depth = 1; depth <= MAX_DEPTH; depth++) {
            maxDepth = leavesAtDepth[depth] > 0 ? depth : maxDepth;
        }
        figures.put("maxLeafDepth", maxDepth);
        figures.put("meanLeafDepth", entries == 0 ? 0.0 : (double) depthSum / entries);
        figures.put("meanChildrenPerBitmapNode", bitmapNodes == 0 ? 0.0 : (double) bitmapChildren / bitmapNodes);
        long nodes = bitmapNodes + collisionNodes + buckets;
        figures.put("entriesPerNode", nodes == 0 ? 0.0 : (double) entries / nodes);
        for (int depth = 1; depth <= MAX_DEPTH; depth++) {
            figures.put("leavesAtDepth" + depth, leavesAtDepth[depth]);
        }
        figures.put("directorySlots", directorySlots);
        figures.put("poolSlotsLive", poolSlotsLive);
        figures.put("poolSlotsHeld",
                slabs.stream().mapToLong(slab -> slab instanceof Object[] ? ((Object[]) slab).length
                : ((int[]) slab).length).sum());
        return figures;
    }
}
