package dev.hamtlab.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hamtlab.phase4.Hamt;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Phase 4's directory, its flat root: 2^k slots for the hash's low k bits, grown by absorbing a level when
 * the map holds more than 16 entries a slot, never shrunk by removals; every key found after each
 * growth, and the shape after a growth the shape of the same keys put into a grown map.
 */
class FlatRootTest {

    @Test
    void theDirectoryAbsorbsALevelPast16EntriesASlot() {
        Hamt<Integer, Integer> map = new Hamt<>();
        Map<Integer, Integer> oracle = new HashMap<>();
        SplittableRandom random = new SplittableRandom(3);
        int[] growths = {16 * 32, 16 * 1024};
        for (int grown = 0; grown < growths.length; grown++) {
            while (map.size() < growths[grown]) {
                int key = random.nextInt();
                assertEquals(oracle.put(key, key), map.put(key, key));
            }
            assertEquals(32L << (5 * grown), map.shape().get("directorySlots"), "slots at " + map.size() + " entries");
            int key = random.nextInt();
            while (oracle.containsKey(key)) {
                key = random.nextInt();
            }
            oracle.put(key, key);
            map.put(key, key);
            assertEquals(32L << (5 * grown + 5), map.shape().get("directorySlots"),
                    "slots at " + map.size() + " entries");
            map.verifyInvariants();
            assertEquals(oracle, map);
        }
    }

    @Test
    void aGrownDirectoryHoldsWhatItsLevelHeld() {
        // 1,025 keys of 256 trie hashes, about four a hash, sharing low bits and high bits: buckets,
        // bitmap nodes and collision nodes all move into the grown directory
        Hamt<Object, Object> map = new Hamt<>();
        Map<Object, Object> oracle = new HashMap<>();
        SplittableRandom random = new SplittableRandom(5);
        for (int value = 0; value <= 32 * 32; value++) {
            int trieHash = random.nextInt(8) << 20 | random.nextInt(16) << 3 | random.nextInt(2);
            CollidingKey key = new CollidingKey(value, Spread.inverse(trieHash));
            map.put(key, value);
            oracle.put(key, value);
        }
        Map<String, Number> shape = map.shape();
        assertEquals(1024L, shape.get("directorySlots"));
        assertEquals(true,
                shape.get("collisionNodes").longValue() > 0 && shape.get("buckets").longValue() > 0, shape::toString);
        map.verifyInvariants();
        assertEquals(oracle, map);
        oracle.keySet().forEach(key -> assertEquals(oracle.get(key), map.get(key), key::toString));
    }

    @Test
    void removalsNeverShrinkTheDirectory() {
        Hamt<Integer, Integer> map = new Hamt<>();
        for (int key = 0; key <= 32 * 32; key++) {
            map.put(key, key);
        }
        for (int key = 0; key <= 32 * 32; key++) {
            map.remove(key);
        }
        assertEquals(1024L, map.shape().get("directorySlots"));
        map.verifyInvariants();
        map.clear();
        assertEquals(32L, map.shape().get("directorySlots"));
    }
}
