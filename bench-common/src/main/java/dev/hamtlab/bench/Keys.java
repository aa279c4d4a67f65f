package dev.hamtlab.bench;

import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Supplier;

/**
 * The keys of one pattern and size, the same for every implementation: N distinct keys in
 * insertion order, equal copies of them in a query order, and N distinct keys that are not in the
 * map. They are made (boxed) here, before anything is measured.
 */
public final class Keys {
    private static final long SEED = 0x5EED_4A37L;
    private static final String LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    /** The strided pattern's step, 2^10. */
    private static final int STRIDE_BITS = 10;
    /** The colliding pattern's Strings have this many blocks: 2^22 of them, enough for 2 × 1M distinct ones. */
    private static final int COLLIDING_BLOCKS = 22;
    /** The hashCode that every String of {@value #COLLIDING_BLOCKS} blocks of "Aa" and "BB" has. */
    public static final int COLLIDING_HASH = collidingString(0).hashCode();

    private final Object[] insertOrder;
    private final Object[] queryOrder;
    private final Object[] misses;

    private Keys(Object[] insertOrder, Object[] queryOrder, Object[] misses) {
        this.insertOrder = insertOrder;
        this.queryOrder = queryOrder;
        this.misses = misses;
    }

    /** Deterministic: the same pattern and count always give the same keys, in the same orders. */
    public static Keys of(KeyPattern pattern, int count) {
        SplittableRandom random = new SplittableRandom(SEED + count);
        Object[] distinct = switch (pattern) {
            case RANDOM -> distinct(2 * count, () -> random.nextInt());
            case SEQUENTIAL, SHUFFLED -> integers(2 * count, 0);
            case STRIDED -> integers(2 * count, STRIDE_BITS);
            case STRING -> distinct(2 * count, () -> string(random));
            case COLLIDING -> distinct(2 * count, () -> collidingString(random.nextInt()));
        };
        Object[] insertOrder = new Object[count];
        Object[] misses = new Object[count];
        System.arraycopy(distinct, 0, insertOrder, 0, count);
        System.arraycopy(distinct, count, misses, 0, count);
        if (pattern != KeyPattern.SEQUENTIAL && pattern != KeyPattern.RANDOM) {
            // RANDOM's keys are already in a random order; SEQUENTIAL's stay in order.
            shuffle(insertOrder, random);
            shuffle(misses, random);
        }
        Object[] queryOrder = insertOrder.clone();
        if (pattern != KeyPattern.SEQUENTIAL) {
            shuffle(queryOrder, random);
        }
        return new Keys(insertOrder, equalCopies(queryOrder), misses);
    }

    private static Object[] distinct(int count, Supplier<Object> draw) {
        Set<Object> drawn = new HashSet<>(2 * count);
        Object[] keys = new Object[count];
        int n = 0;
        while (n < count) {
            Object candidate = draw.get();
            if (drawn.add(candidate)) {
                keys[n++] = candidate;
            }
        }
        return keys;
    }

    /** i rotated left by {@code bits}, for i in 0..count-1: distinct, as a rotation is a bijection. */
    private static Object[] integers(int count, int bits) {
        Object[] keys = new Object[count];
        for (int i = 0; i < count; i++) {
            keys[i] = Integer.rotateLeft(i, bits);
        }
        return keys;
    }

    private static String string(SplittableRandom random) {
        char[] chars = new char[8 + random.nextInt(9)];
        for (int i = 0; i < chars.length; i++) {
            chars[i] = LETTERS.charAt(random.nextInt(LETTERS.length()));
        }
        return new String(chars);
    }

    /**
     * The String of {@value #COLLIDING_BLOCKS} blocks spelled by the low bits of {@code pattern}: "Aa"
     * for a 0 bit, "BB" for a 1. "Aa" and "BB" have the same hashCode (65 × 31 + 97 = 66 × 31 + 66),
     * so all these Strings share one, {@link #COLLIDING_HASH}: the well-known way to flood a hash table.
     */
    public static String collidingString(int pattern) {
        char[] chars = new char[2 * COLLIDING_BLOCKS];
        for (int block = 0; block < COLLIDING_BLOCKS; block++) {
            boolean one = (pattern >>> block & 1) != 0;
            chars[2 * block] = one ? 'B' : 'A';
            chars[2 * block + 1] = one ? 'B' : 'a';
        }
        return new String(chars);
    }

    private static void shuffle(Object[] keys, SplittableRandom random) {
        for (int i = keys.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            Object swap = keys[i];
            keys[i] = keys[j];
            keys[j] = swap;
        }
    }

    /**
     * New objects equal to the keys, as a real caller holds: a lookup with the very object the map
     * stores finds its key in cache and passes an identity check before equals. Integer.valueOf
     * allocates outside the JDK's cache of -128..127; inside it every caller shares the objects too.
     * A String copy gets its own characters and computes its own hash code on its first use.
     */
    static Object[] equalCopies(Object[] keys) {
        Object[] copies = new Object[keys.length];
        for (int i = 0; i < keys.length; i++) {
            copies[i] = keys[i] instanceof Integer integer ? Integer.valueOf(integer.intValue())
                    : new String(((String) keys[i]).toCharArray());
        }
        return copies;
    }

    /** The keys in the insert order: the stored objects themselves. */
    public Object[] insertOrder() {
        return insertOrder;
    }

    /** The keys in the query order, as equal copies, never the stored objects. */
    Object[] queryOrder() {
        return queryOrder;
    }

    Object[] misses() {
        return misses;
    }
}
