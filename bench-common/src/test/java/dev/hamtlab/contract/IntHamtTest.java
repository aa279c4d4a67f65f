package dev.hamtlab.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hamtlab.phase4.IntHamt;
import it.unimi.dsi.fastutil.HashCommon;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.IntUnaryOperator;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * IntHamt and its flat variant against a {@code HashMap<Integer, Integer>} oracle: random operation
 * sequences over key spaces chosen to stress the trie (slots reused, shared low bits, the full range
 * and its edges), the trie's invariants checked after every batch, and iteration against the
 * oracle's entries.
 */
final class IntHamtTest {
    /**
     * What these tests call of an int map. The two maps share every method by name and signature but
     * no interface (phase modules depend on the JDK alone), so each call reaches the map's own method
     * by reflection; forEach's consumer goes through as the map's own EntryConsumer.
     */
    interface IntMapUnderTest {
        int put(int key, int value);

        int get(int key);

        boolean containsKey(int key);

        int remove(int key);

        int size();

        boolean isEmpty();

        void clear();

        int defaultReturnValue();

        void defaultReturnValue(int value);

        void forEach(EntryConsumer consumer);

        void verifyInvariants();

        Map<String, Number> shape();

        /** The map itself. */
        Object map();
    }

    @FunctionalInterface
    interface EntryConsumer {
        void accept(int key, int value);
    }

    /**
     * An int map, its name, how many nodes it keeps when empty, and the deepest level a key can lie
     * at: the trie's six levels of 6, 6, 6, 6, 6 and 2 bits, under the inline variant's directory one
     * more.
     */
    record IntMapKind(String name, Supplier<Object> factory, long nodesWhenEmpty, int deepestLevel) {
        IntMapUnderTest create() {
            Object map = factory.get();
            return (IntMapUnderTest) Proxy.newProxyInstance(IntHamtTest.class.getClassLoader(),
                    new Class<?>[] {IntMapUnderTest.class}, (proxy, method, arguments) -> {
                        if (method.getName().equals("map")) {
                            return map;
                        }
                        Class<?>[] types = method.getParameterTypes();
                        Object[] passed = arguments;
                        if (method.getName().equals("forEach")) {
                            Class<?> theirs = Class.forName(map.getClass().getName() + "$EntryConsumer");
                            EntryConsumer ours = (EntryConsumer) arguments[0];
                            types = new Class<?>[] {theirs};
                            passed = new Object[] {Proxy.newProxyInstance(theirs.getClassLoader(),
                                    new Class<?>[] {theirs},
                                    (p, m, pair) -> {
                                        ours.accept((Integer) pair[0], (Integer) pair[1]);
                                        return null;
                                    })};
                        }
                        try {
                            return map.getClass().getMethod(method.getName(), types).invoke(map, passed);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
        }

        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<IntMapKind> intMaps() {
        return Stream.of(new IntMapKind("IntHamt trie", dev.hamtlab.phase4.inttrie.IntHamt::new, 1, 6),
                new IntMapKind("IntHamt flat", dev.hamtlab.phase4.intflat.IntHamt::new, 0, 6),
                new IntMapKind("IntHamt", IntHamt::new, 1, 7));
    }

    private static final int SEEDS = 20;
    /** 6 key spaces x 20 seeds x 10,500 operations: over a million a map. */
    private static final int OPERATIONS = 10_500;
    private static final int BATCH = 500;
    private static final int[] EDGES = {0, 1, -1, Integer.MIN_VALUE, Integer.MAX_VALUE, Integer.MIN_VALUE + 1,
            Integer.MAX_VALUE - 1};

    /** Key spaces by name: each draws a key from the random source. */
    private enum KeySpace {
        /** 64 keys: slots fill, empty and fill again, and most operations meet a present key. */
        SMALL_RANGE(random -> random.nextInt(64)),
        FULL_RANGE(random -> random.nextInt()),
        /** Multiples of 2^16 and 2^26: the keys share all their low bits. */
        EQUAL_LOW_BITS(random -> random.nextBoolean() ? random.nextInt(512) << 16 : random.nextInt(64) << 26),
        NEGATIVE(random -> -1 - random.nextInt(2_000)),
        /**
         * Keys whose mixed hashes (fastutil's mix, the maps' own) end in one of four 12-bit patterns,
         * made through the mix's inverse: four slots of any directory up to 2^12 take every key, so
         * the inline variant's overflow fills and refills, and the tries meet two shared levels.
         */
        SHARED_HASH_LOW_BITS(random -> HashCommon.invMix(random.nextInt(1 << 10) << 12 | random.nextInt(4))),
        EDGES_AND_NEIGHBOURS(random -> EDGES[random.nextInt(EDGES.length)] + random.nextInt(3) - 1);

        private final java.util.function.ToIntFunction<SplittableRandom> draw;

        KeySpace(java.util.function.ToIntFunction<SplittableRandom> draw) {
            this.draw = draw;
        }
    }

    static Stream<Arguments> keySpacesAndSeeds() {
        return intMaps().flatMap(kind -> Stream.of(KeySpace.values())
                .flatMap(space -> IntStream.range(0, SEEDS).mapToObj(seed -> Arguments.of(kind, space, seed))));
    }

    @ParameterizedTest(name = "{0} {1} seed {2}")
    @MethodSource("keySpacesAndSeeds")
    void randomOperationsMatchHashMap(IntMapKind kind, KeySpace space, int seed) {
        SplittableRandom random = new SplittableRandom(seed * 31L + space.ordinal());
        IntMapUnderTest map = kind.create();
        // Half the seeds answer a non-zero default, which is also among the values stored.
        int absent = seed % 2 == 0 ? 0 : -7;
        map.defaultReturnValue(absent);
        Map<Integer, Integer> oracle = new HashMap<>();
        for (int op = 1; op <= OPERATIONS; op++) {
            int key = space.draw.applyAsInt(random);
            String where = space + " seed " + seed + " op " + op + " key " + key;
            int choice = random.nextInt(100);
            if (choice < 40) {
                int value = random.nextInt(4) == 0 ? absent : random.nextInt();
                Integer old = oracle.put(key, value);
                assertEquals(old == null ? absent : old, map.put(key, value), where + ": put's answer");
            } else if (choice < 60) {
                assertEquals(oracle.getOrDefault(key, absent), map.get(key), where + ": get");
            } else if (choice < 70) {
                assertEquals(oracle.containsKey(key), map.containsKey(key), where + ": containsKey");
            } else if (choice < 99 || random.nextInt(20) != 0) {
                Integer old = oracle.remove(key);
                assertEquals(old == null ? absent : old, map.remove(key), where + ": remove's answer");
            } else {
                oracle.clear();
                map.clear();
            }
            assertEquals(oracle.size(), map.size(), where + ": size");
            if (op % BATCH == 0) {
                map.verifyInvariants();
                assertEntriesMatch(oracle, map, where);
            }
        }
    }

    private static void assertEntriesMatch(Map<Integer, Integer> oracle, IntMapUnderTest map, String where) {
        Map<Integer, Integer> visited = new HashMap<>();
        map.forEach((key, value) -> {
            if (visited.put(key, value) != null) {
                throw new AssertionError(where + ": forEach visited key " + key + " twice");
            }
        });
        assertEquals(oracle, visited, where + ": forEach's entries");
        for (Map.Entry<Integer, Integer> entry : oracle.entrySet()) {
            assertEquals(entry.getValue(), map.get(entry.getKey()), where + ": get of " + entry.getKey());
        }
    }

    /** Iteration hands back each key as it was put: the inverse mix undoes the mix, at the edges too. */
    @ParameterizedTest
    @MethodSource("intMaps")
    void iterationRecoversEdgeKeys(IntMapKind kind) {
        IntMapUnderTest map = kind.create();
        Map<Integer, Integer> oracle = new HashMap<>();
        for (int edge : EDGES) {
            for (int key : new int[] {edge, edge << 16, edge >>> 16, Integer.reverse(edge)}) {
                map.put(key, ~key);
                oracle.put(key, ~key);
            }
        }
        map.verifyInvariants();
        assertEntriesMatch(oracle, map, "edge keys");
    }

    @ParameterizedTest
    @MethodSource("intMaps")
    void absentKeysAnswerTheDefaultReturnValue(IntMapKind kind) {
        IntMapUnderTest map = kind.create();
        assertEquals(0, map.defaultReturnValue());
        assertEquals(0, map.get(5));
        map.defaultReturnValue(-1);
        assertEquals(-1, map.defaultReturnValue());
        assertEquals(-1, map.get(5));
        assertEquals(-1, map.remove(5));
        assertEquals(-1, map.put(5, 50));
        assertEquals(50, map.put(5, 51));
        assertEquals(51, map.get(5));
        assertEquals(51, map.remove(5));
        assertEquals(-1, map.get(5));
        // A stored value equal to the default is still present.
        map.put(6, -1);
        assertTrue(map.containsKey(6));
        assertFalse(map.containsKey(5));
        assertEquals(1, map.size());
    }

    @ParameterizedTest
    @MethodSource("intMaps")
    void clearEmptiesTheMap(IntMapKind kind) {
        IntMapUnderTest map = kind.create();
        IntStream.range(0, 1_000).forEach(key -> map.put(key, key));
        map.clear();
        assertTrue(map.isEmpty());
        assertFalse(map.containsKey(7));
        map.forEach((key, value) -> {
            throw new AssertionError("a cleared map visited " + key);
        });
        map.verifyInvariants();
        map.put(7, 70);
        assertEquals(70, map.get(7));
    }

    /** A million random keys in, each found, then all removed: every subnode pulled up, the trie left empty. */
    @ParameterizedTest
    @MethodSource("intMaps")
    void growsToAMillionAndShrinksToEmpty(IntMapKind kind) {
        int[] keys = new SplittableRandom(1).ints().distinct().limit(1_000_000).toArray();
        IntUnaryOperator valueOf = key -> key * 3 + 1;
        IntMapUnderTest map = kind.create();
        for (int key : keys) {
            assertEquals(0, map.put(key, valueOf.applyAsInt(key)));
        }
        assertEquals(keys.length, map.size());
        map.verifyInvariants();
        int[] visited = {0};
        map.forEach((key, value) -> {
            visited[0]++;
            if (value != valueOf.applyAsInt(key)) {
                throw new AssertionError("key " + key + " visited with value " + value);
            }
        });
        assertEquals(keys.length, visited[0]);
        for (int key : keys) {
            assertEquals(valueOf.applyAsInt(key), map.get(key), "get of " + key);
        }
        for (int i = 0; i < keys.length; i++) {
            assertEquals(valueOf.applyAsInt(keys[i]), map.remove(keys[i]), "remove of " + keys[i]);
            if (i % 100_000 == 0) {
                map.verifyInvariants();
            }
        }
        assertTrue(map.isEmpty());
        map.verifyInvariants();
        assertEquals(kind.nodesWhenEmpty(), map.shape().get("bitmapNodes"), "nodes left after removing every key");
    }

    /**
     * IntHamt cannot be flooded through a hash: its mix is a bijection of the ints (here checked
     * both ways on random ints), so distinct keys never share a 32-bit hash, and no key lies below
     * the trie's sixth level (32 bits, 6 a level; in the flat variant the directory and then at most
     * five node levels; in the inline variant the directory and the six levels of its overflow trie).
     * An attacker who knows the mix can at most pick keys whose hashes share low bits: 2^17 keys whose
     * hashes share their low 15 are all found, none below the deepest level.
     */
    @ParameterizedTest
    @MethodSource("intMaps")
    void cannotBeFloodedThroughItsHash(IntMapKind kind) throws ReflectiveOperationException {
        IntMapUnderTest map = kind.create();
        SplittableRandom random = new SplittableRandom(3);
        for (int i = 0; i < 100_000; i++) {
            int value = random.nextInt();
            assertEquals(value, unmix(map, mix(map, value)), "unmix(mix(k)) = k");
            assertEquals(value, mix(map, unmix(map, value)), "mix(unmix(h)) = h");
        }
        int sharedBits = random.nextInt() & 0x7FFF;
        int count = 1 << 17;
        for (int i = 0; i < count; i++) {
            map.put(unmix(map, sharedBits | i << 15), i);
        }
        assertEquals(count, map.size());
        for (int i = 0; i < count; i++) {
            assertEquals(i, map.get(unmix(map, sharedBits | i << 15)));
        }
        map.verifyInvariants();
        assertTrue(map.shape().get("maxLeafDepth").intValue() <= kind.deepestLevel(),
                () -> "deepest key at " + map.shape().get("maxLeafDepth"));
    }

    private static int mix(IntMapUnderTest map, int key) throws ReflectiveOperationException {
        return (int) Internals.call(map.map(), "mix", key);
    }

    private static int unmix(IntMapUnderTest map, int hash) throws ReflectiveOperationException {
        return (int) Internals.call(map.map(), "unmix", hash);
    }
}
