package dev.hamtlab.bench;

import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The keys of one size, the same for every implementation: N distinct random keys in insertion
 * order, equal copies of them shuffled into a query order, and N distinct random ints that are not
 * keys. They are boxed here, before anything is measured.
 */
final class Keys {
    private static final long SEED = 0x5EED_4A37L;

    private final Integer[] insertOrder;
    private final Integer[] queryOrder;
    private final Integer[] misses;

    private Keys(Integer[] insertOrder, Integer[] queryOrder, Integer[] misses) {
        this.insertOrder = insertOrder;
        this.queryOrder = queryOrder;
        this.misses = misses;
    }

    /** Deterministic: the same count always gives the same keys, in the same orders. */
    static Keys of(int count) {
        SplittableRandom random = new SplittableRandom(SEED + count);
        Set<Integer> drawn = new HashSet<>(4 * count);
        Integer[] distinct = new Integer[2 * count];
        int n = 0;
        while (n < distinct.length) {
            Integer candidate = random.nextInt();
            if (drawn.add(candidate)) {
                distinct[n++] = candidate;
            }
        }
        Integer[] insertOrder = new Integer[count];
        Integer[] misses = new Integer[count];
        System.arraycopy(distinct, 0, insertOrder, 0, count);
        System.arraycopy(distinct, count, misses, 0, count);
        Integer[] queryOrder = insertOrder.clone();
        for (int i = queryOrder.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            Integer swap = queryOrder[i];
            queryOrder[i] = queryOrder[j];
            queryOrder[j] = swap;
        }
        return new Keys(insertOrder, equalCopies(queryOrder), misses);
    }

    /**
     * New objects equal to the keys, as a real caller holds: a lookup with the very object the map
     * stores finds its key in cache and passes an identity check before equals. Integer.valueOf
     * allocates outside the JDK's cache of -128..127; inside it every caller shares the objects too.
     */
    static Integer[] equalCopies(Integer[] keys) {
        Integer[] copies = new Integer[keys.length];
        for (int i = 0; i < keys.length; i++) {
            copies[i] = Integer.valueOf(keys[i].intValue());
        }
        return copies;
    }

    Integer[] insertOrder() {
        return insertOrder;
    }

    /** The keys in another order, as equal copies, never the stored objects. */
    Integer[] queryOrder() {
        return queryOrder;
    }

    Integer[] misses() {
        return misses;
    }
}
