package dev.hamtlab.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hamtlab.phase4.bumppool.Hamt;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * phase4-bumppool's pool: its slices lie in chunks, a removal, a gathered subtree or a grown
 * directory leaves none pinning a removed key, clear() empties it, and verifyInvariants catches a
 * slice handed to two nodes. The contract kit runs the rest, with 64-slot chunks too.
 */
class BumpPoolTest {

    @Test
    void aSliceGivenToTwoNodesIsCaught() throws ReflectiveOperationException {
        Hamt<Integer, Integer> map = new Hamt<>();
        // 1,000 keys: 32 directory slots, most holding a bitmap node of about 31 entries
        for (int key = 0; key < 1_000; key++) {
            map.put(key, key);
        }
        map.verifyInvariants();
        List<Object> nodes = new ArrayList<>();
        Object[] slots = (Object[]) Internals.get(Internals.get(map, "directory"), "slots");
        for (int s = 0; s < slots.length; s += 2) {
            if (slots[s] != null && slots[s].getClass().getSimpleName().equals("BitmapNode")) {
                nodes.add(slots[s]);
            }
        }
        Object first = nodes.get(0);
        Object second = nodes.get(1);
        // the second node made the first's twin, on the first's slices: sound alone, but sharing every slot
        for (String field : List.of("dataMap", "nodeMap", "slab", "offset", "end", "hashSlab", "hashOffset")) {
            Internals.set(second, field, Internals.get(first, field));
        }
        IllegalStateException caught = assertThrows(IllegalStateException.class, map::verifyInvariants);
        assertTrue(caught.getMessage().contains("shares slot"), caught.getMessage());
    }

    /** Every key put and removed in random order through tiny chunks: the pool's live slots always what the nodes hold. */
    @Test
    void liveSlotsAreWhatTheNodesHold() {
        Hamt<Integer, Integer> map = new Hamt<>(64);
        Map<Integer, Integer> oracle = new HashMap<>();
        SplittableRandom random = new SplittableRandom(11);
        for (int op = 0; op < 20_000; op++) {
            int key = random.nextInt(3_000);
            if (random.nextInt(3) == 0) {
                assertEquals(oracle.remove(key), map.remove(key));
            } else {
                assertEquals(oracle.put(key, op), map.put(key, op));
            }
            if (op % 1_000 == 0) {
                map.verifyInvariants();
                Map<String, Number> shape = map.shape();
                assertTrue(shape.get("poolSlotsLive").longValue() <= shape.get("poolSlotsHeld").longValue(), shape::toString);
            }
        }
        assertEquals(oracle, map);
        map.clear();
        map.verifyInvariants();
        assertEquals(0L, map.shape().get("poolSlotsLive"));
        map.put(1, 1);
        assertEquals(1, map.get(1));
    }

    @Test
    void aChunkSmallerThanAFullNodeIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Hamt<Integer, Integer>(63));
    }
}
