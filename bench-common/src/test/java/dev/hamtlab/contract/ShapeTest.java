package dev.hamtlab.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hamtlab.bench.Keys;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.function.IntUnaryOperator;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every phase's shape() on tries built by hand: keys chosen for their hash bits (an Integer hashes
 * to itself; 5 bits a level, lowest first), so each figure is known in advance.
 */
class ShapeTest {

    /**
     * A phase: a new empty map, its shape(), and the hashCode a key needs for a given trie hash in it
     * (phase 4 spreads hashCodes; its keys here go through the inverse, so each lands where its
     * figures say).
     */
    record Phase(String name, Supplier<Map<Object, Object>> factory, Function<Map<Object, Object>,
            Map<String, Number>> shape,
            IntUnaryOperator hashCodeOf) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Phase> phases() {
        return Stream.concat(phasesThatBranchOnTheHashCode(), phasesThatSpread());
    }

    /** Phase 4 and its layouts, which spread the hashCode and hang collision nodes below their last level. */
    static Stream<Phase> phasesThatSpread() {
        return Stream.of(
                new Phase("phase4-hotpath", dev.hamtlab.phase4.hotpath.Hamt::new,
                        map -> ((dev.hamtlab.phase4.hotpath.Hamt<?, ?>) map).shape(), Spread::inverse),
                new Phase("phase4-inlined", dev.hamtlab.phase4.inlined.Hamt::new,
                        map -> ((dev.hamtlab.phase4.inlined.Hamt<?, ?>) map).shape(), Spread::inverse));
    }

    /**
     * The layouts whose shape is a function of their keys: phase 4's, whose collision nodes hang
     * below the last level only. Phases 0 to 3 put a collision node where two full hashes part from
     * the rest, and a removal that leaves a chain of one-child nodes above one does not pull it up.
     */
    static Stream<Phase> canonicalLayouts() {
        return Stream.concat(phasesThatSpread(), Stream.of(
                new Phase("phase4-specialised", dev.hamtlab.phase4.specialised.Hamt::new,
                        map -> ((dev.hamtlab.phase4.specialised.Hamt<?, ?>) map).shape(), Spread::inverse),
                new Phase("phase4", dev.hamtlab.phase4.Hamt::new, map -> ((dev.hamtlab.phase4.Hamt<?, ?>) map).shape(),
                        Spread::inverse),
                new Phase("phase4-bumppool", dev.hamtlab.phase4.bumppool.Hamt::new,
                        map -> ((dev.hamtlab.phase4.bumppool.Hamt<?, ?>) map).shape(), Spread::inverse),
                new Phase("phase4-recycling", dev.hamtlab.phase4.recycling.Hamt::new,
                        map -> ((dev.hamtlab.phase4.recycling.Hamt<?, ?>) map).shape(), Spread::inverse)));
    }

    /** The phases that branch on the hashCode as it comes and put a collision node wherever two full hashes meet. */
    static Stream<Phase> phasesThatBranchOnTheHashCode() {
        return Stream.of(
                new Phase("phase0", dev.hamtlab.phase0.Hamt::new, map -> ((dev.hamtlab.phase0.Hamt<?, ?>) map).shape(),
                        IntUnaryOperator.identity()),
                new Phase("phase1", dev.hamtlab.phase1.Hamt::new, map -> ((dev.hamtlab.phase1.Hamt<?, ?>) map).shape(),
                        IntUnaryOperator.identity()),
                new Phase("phase2", dev.hamtlab.phase2.Hamt::new, map -> ((dev.hamtlab.phase2.Hamt<?, ?>) map).shape(),
                        IntUnaryOperator.identity()),
                new Phase("phase3", dev.hamtlab.phase3.Hamt::new, map -> ((dev.hamtlab.phase3.Hamt<?, ?>) map).shape(),
                        IntUnaryOperator.identity()));
    }

    @ParameterizedTest
    @MethodSource("phases")
    void anEmptyMapIsItsRoot(Phase phase) {
        assertShape(phase, List.of(), 0, 1, 0, 0, 0.0, 0.0, 0.0, new long[8]);
    }

    @ParameterizedTest
    @MethodSource("phases")
    void thirtyTwoKeysFillTheRoot(Phase phase) {
        assertShape(phase, keys(0, 32), 32, 1, 0, 1, 1.0, 32.0, 32.0, new long[] {32, 0, 0, 0, 0, 0, 0, 0});
    }

    @ParameterizedTest
    @MethodSource("phases")
    void twoKeysThatShareTheirLowFiveBitsGoOneLevelDown(Phase phase) {
        // 0 and 32 share branch 0 at the root and part at the next level
        assertShape(phase, List.of(0, 32), 2, 2, 0, 2, 2.0, 1.5, 1.0, new long[] {0, 2, 0, 0, 0, 0, 0, 0});
    }

    @ParameterizedTest
    @MethodSource("phases")
    void keysThatShareTenBitsGoTwoLevelsDown(Phase phase) {
        // 0 and 1024 share branch 0 twice and part at shift 10; 1 stays in the root
        assertShape(phase, List.of(0, 1024, 1), 3, 3, 0, 3, 7.0 / 3, 5.0 / 3, 1.0, new long[] {1, 0, 2, 0, 0, 0, 0, 0});
    }

    @ParameterizedTest
    @MethodSource("phasesThatBranchOnTheHashCode")
    void keysOfOneFullHashShareACollisionNode(Phase phase) {
        // two keys of hash 7 meet at the root's branch 7 and go straight into a collision node
        assertShape(phase, List.of(new CollidingKey(1, 7), new CollidingKey(2, 7)), 2, 1, 1, 2, 2.0, 1.0, 1.0,
                new long[] {0, 2, 0, 0, 0, 0, 0, 0});
    }

    @ParameterizedTest
    @MethodSource("phasesThatSpread")
    void phase4HangsACollisionNodeBelowItsLastLevelOnly(Phase phase) {
        // two keys of one full hash share every level's branch: a chain of bitmap nodes from the root to
        // shift 30, each with one child, then the collision node at depth 8
        assertShape(phase, List.of(new CollidingKey(1, 7), new CollidingKey(2, 7)), 2, 7, 1, 8, 8.0, 1.0, 0.25,
                new long[] {0, 0, 0, 0, 0, 0, 0, 2});
    }

    @ParameterizedTest
    @MethodSource("phases")
    void aCollisionNodeLeftWithOneKeyGivesItBackToItsParent(Phase phase) {
        // Strings of one hash go into a collision node's tree, a key of another class into its list
        List<String> strings = FloodCheck.collidingStrings(3);
        Map<Object, Object> map = phase.factory().get();
        strings.forEach(key -> map.put(key, 1));
        map.put(new CollidingKey(1, Keys.COLLIDING_HASH), 1);
        assertEquals(1L, phase.shape().apply(map).get("collisionNodes"));
        map.remove(strings.get(0));
        map.remove(new CollidingKey(1, Keys.COLLIDING_HASH));
        map.remove(strings.get(2));
        Map<Object, Object> alone = phase.factory().get();
        alone.put(strings.get(1), 1);
        assertEquals(trieFigures(phase.shape().apply(alone)), trieFigures(phase.shape().apply(map)),
                "the shape of a map of the one key left");
    }

    @ParameterizedTest
    @MethodSource("canonicalLayouts")
    void removalsLeaveTheShapeOfTheKeysLeft(Phase phase) {
        SplittableRandom random = new SplittableRandom(11);
        for (int round = 0; round < 40; round++) {
            // 24 trie hashes for 120 keys: shared low bits, shared high bits, and full collisions of about five keys
            List<Object> keys = new ArrayList<>();
            for (int value = 0; value < 120; value++) {
                int trieHash = random.nextInt(4) << 27 | random.nextInt(3) << 5 | random.nextInt(2);
                keys.add(new CollidingKey(value, phase.hashCodeOf().applyAsInt(trieHash)));
            }
            Collections.shuffle(keys, new Random(random.nextLong()));
            Map<Object, Object> edited = phase.factory().get();
            keys.forEach(key -> edited.put(key, 1));
            int kept = random.nextInt(keys.size());
            keys.subList(kept, keys.size()).forEach(edited::remove);
            List<Object> left = new ArrayList<>(keys.subList(0, kept));
            Collections.shuffle(left, new Random(random.nextLong()));
            Map<Object, Object> built = phase.factory().get();
            left.forEach(key -> built.put(key, 1));
            assertEquals(trieFigures(phase.shape().apply(built)), trieFigures(phase.shape().apply(edited)),
                    "round " + round + ": the shape of " + kept
                            + " keys left by removals against the same keys put alone");
        }
    }

    @Test
    void pooledPhasesSetTheSlotsLiveAgainstTheSlotsTheirPoolHolds() {
        dev.hamtlab.phase2.Hamt<Integer, Integer> phase2 = new dev.hamtlab.phase2.Hamt<>();
        dev.hamtlab.phase3.Hamt<Integer, Integer> phase3 = new dev.hamtlab.phase3.Hamt<>();
        for (int key = 0; key < 32; key++) {
            phase2.put(key, key);
            phase3.put(key, key);
        }
        // the root's slice of 32 slots, in the one 64K-slot chunk
        assertEquals(List.of(32L, 65_536L), poolFigures(phase2.shape()));
        assertEquals(List.of(32L, 65_536L), poolFigures(phase3.shape()));

        // 32-slot chunks falling back to plain arrays: the chunk holds the slices of 1 to 7 slots
        // (28 slots), the slices of 8 to 32 are plain arrays, and the live one is the last of them
        dev.hamtlab.phase2.Hamt<Integer,
                Integer> small2 = new dev.hamtlab.phase2.Hamt<>(32, dev.hamtlab.phase2.Fallback.NEW_ARRAY);
        dev.hamtlab.phase3.Hamt<Integer,
                Integer> small3 = new dev.hamtlab.phase3.Hamt<>(32, dev.hamtlab.phase3.Fallback.NEW_ARRAY);
        for (int key = 0; key < 32; key++) {
            small2.put(key, key);
            small3.put(key, key);
        }
        assertEquals(List.of(32L, 32L + 32), poolFigures(small2.shape()));
        // phase 3's freelists keep the abandoned plain arrays of 8 to 31 slots too
        assertEquals(List.of(32L, 32L + 32 + (8 + 31) * 24 / 2), poolFigures(small3.shape()));
    }

    @Test
    void theFlatRootsPoolsSetTheSlotsLiveAgainstTheChunksTheyHold() {
        // four keys of one directory slot and four branches below it: one bitmap node of 8 content
        // slots and 4 hashes, in the one 64K-slot chunk of references and its 32K-slot chunk of hashes
        List<Phase> pools = canonicalLayouts()
                .filter(phase -> phase.name().equals("phase4-bumppool")
                        || phase.name().equals("phase4-recycling")).toList();
        assertEquals(2, pools.size());
        for (Phase pool : pools) {
            Map<Object, Object> map = pool.factory().get();
            for (int branch = 0; branch < 4; branch++) {
                map.put(new CollidingKey(branch, pool.hashCodeOf().applyAsInt(branch << 5 | 7)), branch);
            }
            assertEquals(List.of(12L, 65_536L + 32_768L), poolFigures(pool.shape().apply(map)), pool.name());
        }
    }

    private static List<Number> poolFigures(Map<String, Number> shape) {
        return List.of(shape.get("poolSlotsLive"), shape.get("poolSlotsHeld"));
    }

    private static List<Object> keys(int from, int to) {
        return Stream.iterate(from, k -> k + 1).limit(to - from).map(k -> (Object) k).toList();
    }

    private static void assertShape(Phase phase, List<Object> keys, long entries, long bitmapNodes, long collisionNodes,
            int maxLeafDepth, double meanLeafDepth, double meanChildren, double entriesPerNode, long[] leavesAtDepth) {
        Map<Object, Object> map = phase.factory().get();
        // An Integer hashes to itself: the key whose trie hash is k in this phase
        keys.forEach(key -> map.put(key instanceof Integer hash
                ? Integer.valueOf(phase.hashCodeOf().applyAsInt(hash)) : key, 1));
        Map<String, Number> expected = new LinkedHashMap<>();
        expected.put("entries", entries);
        expected.put("bitmapNodes", bitmapNodes);
        expected.put("collisionNodes", collisionNodes);
        expected.put("maxLeafDepth", maxLeafDepth);
        expected.put("meanLeafDepth", meanLeafDepth);
        expected.put("meanChildrenPerBitmapNode", meanChildren);
        expected.put("entriesPerNode", entriesPerNode);
        for (int depth = 1; depth <= leavesAtDepth.length; depth++) {
            expected.put("leavesAtDepth" + depth, leavesAtDepth[depth - 1]);
        }
        assertEquals(expected, trieFigures(phase.shape().apply(map)));
    }

    /** The shape's figures of the trie itself, without the pool's. */
    private static Map<String, Number> trieFigures(Map<String, Number> shape) {
        Map<String, Number> figures = new LinkedHashMap<>(shape);
        figures.remove("poolSlotsLive");
        figures.remove("poolSlotsHeld");
        return figures;
    }
}
