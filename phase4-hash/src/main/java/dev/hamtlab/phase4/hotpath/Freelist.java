package dev.hamtlab.phase4.hotpath;

import java.util.Arrays;

/**
 * Abandoned slices of one size, waiting to be carved again: a stack of (slab, offset) pairs in two
 * parallel arrays, so pushing and popping a slice allocates nothing once the stack has grown.
 */
final class Freelist {
    private static final int INITIAL_CAPACITY = 16;

    private Object[][] slabs = new Object[INITIAL_CAPACITY][];
    private int[] offsets = new int[INITIAL_CAPACITY];
    private int size;

    boolean isEmpty() {
        return size == 0;
    }

    void push(Object[] slab, int offset) {
        if (size == slabs.length) {
            slabs = Arrays.copyOf(slabs, 2 * size);
            offsets = Arrays.copyOf(offsets, 2 * size);
        }
        slabs[size] = slab;
        offsets[size] = offset;
        size++;
    }

    /** The slab of the slice on top; {@link #pop()} then returns its offset. */
    Object[] peekSlab() {
        return slabs[size - 1];
    }

    int pop() {
        size--;
        slabs[size] = null;
        return offsets[size];
    }

    int size() {
        return size;
    }

    Object[] slab(int i) {
        return slabs[i];
    }

    int offset(int i) {
        return offsets[i];
    }

    void clear() {
        Arrays.fill(slabs, 0, size, null);
        size = 0;
    }
}
