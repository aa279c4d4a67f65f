package dev.hamtlab.contract;

import dev.hamtlab.bench.Keys;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.IntUnaryOperator;

/**
 * The kinds of keys the contract feeds a map, from friendly to hostile. A trie takes 5 hash bits a
 * level, lowest bits first, so keys that share low bits share a path from the root down.
 */
enum KeySpace {
    /** Plain Integers with random values: hashes spread over every level. */
    RANDOM_INTEGERS {
        @Override
        Object key(int index, int base, SplittableRandom random, IntUnaryOperator hashCodeOf) {
            return random.nextInt();
        }
    },
    /** Every key has the same hash: one collision node holds them all. */
    FULL_COLLISIONS {
        @Override
        Object key(int index, int base, SplittableRandom random, IntUnaryOperator hashCodeOf) {
            return new CollidingKey(index, base);
        }
    },
    /** The same low 5 bits (one shared level), random high bits. */
    SAME_LOW_5_BITS {
        @Override
        Object key(int index, int base, SplittableRandom random, IntUnaryOperator hashCodeOf) {
            return sameLowBits(5, index, base, random, hashCodeOf);
        }
    },
    /** The same low 10 bits (two shared levels), random high bits. */
    SAME_LOW_10_BITS {
        @Override
        Object key(int index, int base, SplittableRandom random, IntUnaryOperator hashCodeOf) {
            return sameLowBits(10, index, base, random, hashCodeOf);
        }
    },
    /** The same low 15 bits (three shared levels), random high bits. */
    SAME_LOW_15_BITS {
        @Override
        Object key(int index, int base, SplittableRandom random, IntUnaryOperator hashCodeOf) {
            return sameLowBits(15, index, base, random, hashCodeOf);
        }
    },
    /**
     * Hashes share the low 5, 10, ... or 30 bits with one of four base hashes, so paths part at
     * every depth down to the last, two-bit level, where some keys collide fully.
     */
    SHARED_PREFIXES {
        @Override
        Object key(int index, int base, SplittableRandom random, IntUnaryOperator hashCodeOf) {
            int group = base + random.nextInt(4) * GOLDEN_GAMMA;
            return sameLowBits(5 * (1 + random.nextInt(6)), index, group, random, hashCodeOf);
        }
    },
    /**
     * Strings of "Aa" and "BB" blocks, which all share one hashCode: the flood an attacker sends.
     * A phase keeps them in its collision node's tree, ordered by compareTo.
     */
    COLLIDING_STRINGS {
        @Override
        Object key(int index, int base, SplittableRandom random, IntUnaryOperator hashCodeOf) {
            return Keys.collidingString(random.nextInt());
        }
    },
    /**
     * Keys of one hash and of several classes: colliding Strings, Longs and one Integer, which
     * compare within their class but not across; keys that are not comparable; and comparable keys
     * whose compareTo calls unequal keys equal. The first comparable class a collision node meets
     * gets its tree, and every other key its list.
     */
    MIXED_COLLISIONS {
        @Override
        Object key(int index, int base, SplittableRandom random, IntUnaryOperator hashCodeOf) {
            return switch (random.nextInt(5)) {
                case 0 -> Keys.collidingString(random.nextInt());
                case 1 -> longOfHash(Keys.COLLIDING_HASH, random.nextInt());
                case 2 -> new CollidingKey(index, Keys.COLLIDING_HASH);
                case 3 -> new ClumsyKey(index, Keys.COLLIDING_HASH);
                default -> random.nextInt(16) == 0 ? Integer.valueOf(Keys.COLLIDING_HASH)
                        : Keys.collidingString(random.nextInt());
            };
        }
    },
    /**
     * Comparable keys of one hash whose compareTo is inconsistent with equals: groups of four
     * unequal keys compare equal, so all but one of each group must live outside the tree.
     */
    INCONSISTENT_COMPARE {
        @Override
        Object key(int index, int base, SplittableRandom random, IntUnaryOperator hashCodeOf) {
            return new ClumsyKey(index, base);
        }
    },
    /** About a quarter of the keys fall into four fully colliding groups; the rest are spread. */
    QUARTER_FULL_COLLISIONS {
        @Override
        Object key(int index, int base, SplittableRandom random, IntUnaryOperator hashCodeOf) {
            int hash = random.nextInt(4) == 0 ? base ^ random.nextInt(4) : random.nextInt();
            return new CollidingKey(index, hashCodeOf.applyAsInt(hash));
        }
    };

    /** An odd constant, so base + i * GOLDEN_GAMMA gives distinct, well-mixed bases. */
    private static final int GOLDEN_GAMMA = 0x9E3779B9;

    /**
     * The key numbered {@code index} of a pool whose shared hash is {@code base}; {@code random}
     * supplies the bits that differ; {@code hashCodeOf} gives the hashCode whose trie hash (in the
     * phase under test) is the hash wanted, so that shared low bits are shared in the trie.
     */
    abstract Object key(int index, int base, SplittableRandom random, IntUnaryOperator hashCodeOf);

    /** {@code count} distinct keys, the same ones for the same seed, for a phase that takes the hashCode as it comes. */
    List<Object> keys(int count, long seed) {
        return keys(count, seed, IntUnaryOperator.identity());
    }

    /** {@code count} distinct keys, the same ones for the same seed, whose trie hashes under {@code hashCodeOf}'s inverse are the ones wanted. */
    List<Object> keys(int count, long seed, IntUnaryOperator hashCodeOf) {
        SplittableRandom random = new SplittableRandom(seed);
        int base = random.nextInt();
        Set<Object> keys = new LinkedHashSet<>();
        for (int index = 0; keys.size() < count; index++) {
            keys.add(key(index, base, random, hashCodeOf));
        }
        return new ArrayList<>(keys);
    }

    /** A Long whose hashCode is {@code hash}: its high half is {@code high}, its low half {@code hash ^ high}. */
    static Long longOfHash(int hash, int high) {
        return (long) high << 32 | (hash ^ high) & 0xFFFF_FFFFL;
    }

    private static CollidingKey sameLowBits(int bits, int index, int base, SplittableRandom random,
            IntUnaryOperator hashCodeOf) {
        int low = (1 << bits) - 1;
        return new CollidingKey(index, hashCodeOf.applyAsInt(base & low | random.nextInt() & ~low));
    }
}
