package dev.hamtlab.contract;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * verifyInvariants catches the pool's own bugs, each made here on purpose in a sound map, as a
 * broken allocator would make it: a slice handed to two nodes, a slice freed twice, a write into a
 * freed slice, a node recycled while still in the trie or recycled twice.
 */
class PoolInvariantsTest {

    /** The pooled phases, with every fallback: those whose nodes keep their children in a slice of a slab. */
    static Stream<Subject> pooledPhases() {
        return Phases.ALL.stream().filter(PoolInvariantsTest::keepsSlices);
    }

    private static boolean keepsSlices(Subject subject) {
        try {
            Internals.field(root(subject.newMap()), "slab");
            return true;
        } catch (ReflectiveOperationException e) {
            return false;
        }
    }

    @Test
    void everyPooledPhaseIsChecked() {
        List<String> pooled = pooledPhases().map(Subject::name).toList();
        assertTrue(pooled.containsAll(List.of("phase2", "phase3", "phase4-cachedhash",
                "phase4-spread", "phase4-hotpath",
                "phase4-twobitmaps"))
                        && pooled.stream().noneMatch(name -> name.contains("unpooled") || name.startsWith("phase1")),
                pooled.toString());
    }

    @ParameterizedTest
    @MethodSource("pooledPhases")
    void aSliceGivenToTwoNodesIsCaught(Subject phase) throws ReflectiveOperationException {
        Map<Object, Object> map = phase.newMap();
        // 1,000 keys leave most of the root's 32 branches holding a node, whatever the phase's hash
        for (int key = 0; key < 1_000; key++) {
            map.put(key, key);
        }
        phase.verifyInvariants(map);
        List<Object> subnodes = new ArrayList<>();
        for (int i = 0; i < arity(root(map)); i++) {
            Object child = child(root(map), i);
            if (child.getClass().getSimpleName().equals("BitmapNode")) {
                subnodes.add(child);
            }
        }
        // the largest slice first: the second node's slice, laid over it, then lies inside its slab
        subnodes.sort(Comparator.comparingInt(node -> -arity(node)));
        Object first = subnodes.get(0);
        Object second = subnodes.get(1);
        Internals.set(second, "slab", Internals.get(first, "slab"));
        Internals.set(second, "offset", Internals.get(first, "offset"));
        assertCaught(() -> phase.verifyInvariants(map), "shares slot");
    }

    @Test
    void aSliceFreedTwiceIsCaught() throws ReflectiveOperationException {
        dev.hamtlab.phase3.Hamt<Integer, Integer> map = withFreeSlices();
        Object freelist = freelistOfOneSlot(map);
        int last = (int) Internals.call(freelist, "size") - 1;
        Internals.call(freelist, "push", Internals.call(freelist, "slab", last),
                Internals.call(freelist, "offset", last));
        assertCaught(map::verifyInvariants, "shares slot");
    }

    @Test
    void aWriteIntoAFreedSliceIsCaught() throws ReflectiveOperationException {
        dev.hamtlab.phase3.Hamt<Integer, Integer> map = withFreeSlices();
        Object freelist = freelistOfOneSlot(map);
        Object[] slab = (Object[]) Internals.call(freelist, "slab", 0);
        slab[(int) Internals.call(freelist, "offset", 0)] = "stale";
        assertCaught(map::verifyInvariants, "holds stale");
    }

    @Test
    void aNodeRecycledWhileInTheTrieIsCaught() throws ReflectiveOperationException {
        dev.hamtlab.phase3.Hamt<Integer, Integer> map = new dev.hamtlab.phase3.Hamt<>();
        map.put(0, 0);
        map.put(32, 32);
        Internals.call(allocator(map), "recycle", child(root(map), 0));
        assertCaught(map::verifyInvariants, "a recycled node is reachable");
    }

    @Test
    void aNodeRecycledTwiceIsCaught() throws ReflectiveOperationException {
        dev.hamtlab.phase3.Hamt<Integer, Integer> map = new dev.hamtlab.phase3.Hamt<>();
        map.put(0, 0);
        map.put(32, 32);
        Object node = child(root(map), 0);
        map.remove(32);
        map.verifyInvariants();
        Internals.call(allocator(map), "recycle", node);
        assertCaught(map::verifyInvariants, "waits twice");
    }

    /** A phase 3 map whose freelists hold slices: the root grew from 1 to 32 slots, then lost two keys. */
    private static dev.hamtlab.phase3.Hamt<Integer, Integer> withFreeSlices() {
        dev.hamtlab.phase3.Hamt<Integer, Integer> map = new dev.hamtlab.phase3.Hamt<>();
        for (int key = 0; key < 32; key++) {
            map.put(key, key);
        }
        map.remove(5);
        map.remove(6);
        map.verifyInvariants();
        return map;
    }

    private static Object freelistOfOneSlot(Object map) throws ReflectiveOperationException {
        Object freelist = ((Object[]) Internals.get(allocator(map), "freeSlices"))[1];
        assertTrue((int) Internals.call(freelist, "size") > 0, "the slice of one slot was freed when the root grew");
        return freelist;
    }

    private static Object allocator(Object map) throws ReflectiveOperationException {
        return Internals.get(map, "allocator");
    }

    private static Object root(Object map) throws ReflectiveOperationException {
        return Internals.get(map, "root");
    }

    private static int arity(Object node) {
        try {
            return (int) Internals.call(node, "arity");
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Object child(Object node, int i) throws ReflectiveOperationException {
        return Internals.call(node, "child", i);
    }

    private static void assertCaught(Executable verifyInvariants, String invariant) {
        String message = assertThrows(IllegalStateException.class, verifyInvariants).getMessage();
        assertTrue(message.startsWith("broken invariant") && message.contains(invariant), message);
    }
}
