package dev.hamtlab.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The pools of phase 4's layout, phase 2's bump pool (phase4-bumppool) and phase 3's
 * freelists (phase4-recycling): live slots always what the nodes hold, clear() empties the pool,
 * and verifyInvariants catches a pool's own bugs made here on purpose: a slice handed to two nodes,
 * a write into a freed slice, a recycled node still in the trie. The contract kit runs the rest,
 * with 64-slot chunks too.
 */
class FlatRootPoolsTest {

    static Stream<Subject> flatRootPools() {
        return Phases.ALL.stream()
                .filter(s -> s.name().equals("phase4-bumppool") || s.name().equals("phase4-recycling"));
    }

    @Test
    void bothPoolsAreChecked() {
        assertEquals(2, flatRootPools().count());
    }

    @ParameterizedTest
    @MethodSource("flatRootPools")
    void aSliceGivenToTwoNodesIsCaught(Subject pool) throws ReflectiveOperationException {
        Map<Object, Object> map = thousandKeys(pool);
        List<Object> nodes = directoryNodes(map);
        Object first = nodes.get(0);
        Object second = nodes.get(1);
        // the second node made the first's twin, on the first's slices: sound alone, but sharing every slot
        for (String field : List.of("dataMap", "nodeMap", "slab", "offset", "end", "hashSlab", "hashOffset")) {
            Internals.set(second, field, Internals.get(first, field));
        }
        assertCaught(() -> pool.verifyInvariants(map), "shares slot");
    }

    /** Keys put and removed at random through 64-slot chunks: the slots live are never more than those held. */
    @ParameterizedTest
    @MethodSource("flatRootPools")
    void liveSlotsStayWithinTheHeldAndClearEmptiesThePool(Subject pool) throws ReflectiveOperationException {
        Map<Object, Object> map = (Map<Object, Object>) pool.newMap().getClass()
                .getConstructor(int.class).newInstance(64);
        Map<Object, Object> oracle = new HashMap<>();
        SplittableRandom random = new SplittableRandom(11);
        for (int op = 0; op < 20_000; op++) {
            int key = random.nextInt(3_000);
            if (random.nextInt(3) == 0) {
                assertEquals(oracle.remove(key), map.remove(key));
            } else {
                assertEquals(oracle.put(key, op), map.put(key, op));
            }
            if (op % 1_000 == 0) {
                pool.verifyInvariants(map);
                Map<String, Number> shape = shape(map);
                assertTrue(shape.get("poolSlotsLive").longValue() <= shape.get("poolSlotsHeld")
                        .longValue(), shape::toString);
            }
        }
        assertEquals(oracle, map);
        map.clear();
        pool.verifyInvariants(map);
        assertEquals(0L, shape(map).get("poolSlotsLive"));
        map.put(1, 1);
        assertEquals(1, map.get(1));
    }

    @ParameterizedTest
    @MethodSource("flatRootPools")
    void aChunkSmallerThanAFullNodeIsRefused(Subject pool) {
        assertThrows(ReflectiveOperationException.class,
                () -> pool.newMap().getClass().getConstructor(int.class).newInstance(63));
    }

    @Test
    void aWriteIntoAFreedSliceIsCaught() throws ReflectiveOperationException {
        Map<Object, Object> map = withFreeSlices();
        Object freelist = firstNonEmpty((Object[]) Internals.get(allocator(map), "freeSlices"));
        Object[] slab = (Object[]) Internals.call(freelist, "slab", 0);
        slab[(int) Internals.call(freelist, "offset", 0)] = "stale";
        assertCaught(() -> dev.hamtlab.phase4.recycling.Hamt.class.getMethod("verifyInvariants")
                .invoke(map), "holds stale");
    }

    @Test
    void aRecycledNodeStillInTheTrieIsCaught() throws ReflectiveOperationException {
        Map<Object, Object> map = withFreeSlices();
        @SuppressWarnings("unchecked")
        java.util.ArrayDeque<Object> freeNodes = (java.util.ArrayDeque<Object>) Internals.get(allocator(map),
                "freeNodes");
        freeNodes.push(directoryNodes(map).get(0));
        assertCaught(() -> dev.hamtlab.phase4.recycling.Hamt.class.getMethod("verifyInvariants").invoke(map),
                "recycled node is reachable");
    }

    /** A recycling map whose removals left slices on the freelists and nodes on the node freelist. */
    private static Map<Object, Object> withFreeSlices() throws ReflectiveOperationException {
        Map<Object, Object> map = new dev.hamtlab.phase4.recycling.Hamt<>();
        for (int key = 0; key < 1_000; key++) {
            map.put(key, key);
        }
        for (int key = 0; key < 1_000; key += 3) {
            map.remove(key);
        }
        dev.hamtlab.phase4.recycling.Hamt.class.getMethod("verifyInvariants").invoke(map);
        return map;
    }

    /** 1,000 keys: 32 directory slots, most holding a bitmap node of about 31 entries. */
    private static Map<Object, Object> thousandKeys(Subject pool) {
        Map<Object, Object> map = pool.newMap();
        for (int key = 0; key < 1_000; key++) {
            map.put(key, key);
        }
        pool.verifyInvariants(map);
        return map;
    }

    private static List<Object> directoryNodes(Map<Object, Object> map) throws ReflectiveOperationException {
        List<Object> nodes = new ArrayList<>();
        Object[] slots = (Object[]) Internals.get(Internals.get(map, "directory"), "slots");
        for (int s = 0; s < slots.length; s += 2) {
            if (slots[s] != null && slots[s].getClass().getSimpleName().equals("BitmapNode")) {
                nodes.add(slots[s]);
            }
        }
        return nodes;
    }

    private static Object allocator(Map<Object, Object> map) throws ReflectiveOperationException {
        return Internals.get(map, "allocator");
    }

    private static Object firstNonEmpty(Object[] freelists) throws ReflectiveOperationException {
        for (Object freelist : freelists) {
            if ((int) Internals.call(freelist, "size") > 0) {
                return freelist;
            }
        }
        throw new AssertionError("no freelist holds a slice");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Number> shape(Map<Object, Object> map) throws ReflectiveOperationException {
        return (Map<String, Number>) Internals.call(map, "shape");
    }

    private static void assertCaught(Executable broken, String message) {
        Throwable caught = assertThrows(Throwable.class, broken);
        Throwable cause = caught.getCause() != null ? caught.getCause() : caught;
        assertTrue(cause instanceof IllegalStateException && cause.getMessage().contains(message), cause.toString());
    }
}
