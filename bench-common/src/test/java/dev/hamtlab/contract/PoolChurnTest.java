package dev.hamtlab.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Steady churn (remove a random present key, insert a new one, N entries live): phase 2's bump
 * pool grows with every operation, phase 3's freelists keep its pool within a small constant factor
 * of what the N entries' slices need. Small chunks make the pool's growth visible in chunk counts.
 */
class PoolChurnTest {
    private static final int ENTRIES = 10_000;
    private static final int CHUNK_SLOTS = 1_024;
    private static final long SEED = 42;

    @Test
    void phase2PoolGrowsWithTheOperations() {
        dev.hamtlab.phase2.Hamt<Integer, Integer> map =
                new dev.hamtlab.phase2.Hamt<>(CHUNK_SLOTS, dev.hamtlab.phase2.Fallback.NEW_CHUNK);
        Churn churn = new Churn(map);
        churn.steps(5 * ENTRIES);
        long halfway = poolSlots(map.stats());
        churn.steps(5 * ENTRIES);
        Map<String, Long> stats = map.stats();
        long live = stats.get("liveSlots");

        assertTrue(poolSlots(stats) > 1.8 * halfway, "pool " + poolSlots(stats) + " slots after 10N, " + halfway + " after 5N");
        assertTrue(poolSlots(stats) > 20 * live, "pool " + poolSlots(stats) + " slots for " + live + " live");
    }

    @Test
    void phase3PoolStaysBoundedByWhatTheEntriesNeed() {
        dev.hamtlab.phase3.Hamt<Integer, Integer> map =
                new dev.hamtlab.phase3.Hamt<>(CHUNK_SLOTS, dev.hamtlab.phase3.Fallback.NEW_CHUNK);
        Churn churn = new Churn(map);
        churn.steps(5 * ENTRIES);
        long halfway = poolSlots(map.stats());
        churn.steps(5 * ENTRIES);
        Map<String, Long> stats = map.stats();
        long live = stats.get("liveSlots");

        assertTrue(poolSlots(stats) <= 1.1 * halfway, "pool " + poolSlots(stats) + " slots after 10N, " + halfway + " after 5N");
        assertTrue(poolSlots(stats) < 3 * live, "pool " + poolSlots(stats) + " slots for " + live + " live");
        assertTrue(stats.get("slicesReused") > 10 * ENTRIES, stats.toString());
        map.verifyInvariants();
    }

    private static long poolSlots(Map<String, Long> stats) {
        return stats.get("chunksAllocated") * CHUNK_SLOTS;
    }

    /** N random entries, then steps that each remove a random present key and insert a new one. */
    private static final class Churn {
        private final Map<Integer, Integer> map;
        private final SplittableRandom random = new SplittableRandom(SEED);
        private final List<Integer> present = new ArrayList<>();
        private final Set<Integer> used = new HashSet<>();

        Churn(Map<Integer, Integer> map) {
            this.map = map;
            while (present.size() < ENTRIES) {
                insertNewKey();
            }
        }

        void steps(int count) {
            for (int i = 0; i < count; i++) {
                int victim = random.nextInt(present.size());
                Integer key = present.get(victim);
                present.set(victim, present.get(present.size() - 1));
                present.remove(present.size() - 1);
                assertEquals(key, map.remove(key));
                insertNewKey();
            }
            assertEquals(ENTRIES, map.size());
        }

        private void insertNewKey() {
            int key = random.nextInt();
            while (!used.add(key)) {
                key = random.nextInt();
            }
            map.put(key, key);
            present.add(key);
        }
    }
}
