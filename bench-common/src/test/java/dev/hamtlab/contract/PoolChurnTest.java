package dev.hamtlab.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Supplier;
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
        Growth growth = Growth.of(map, map::stats);

        assertTrue(growth.last() > 1.8 * growth.halfway(), growth.toString());
        assertTrue(growth.last() > 20 * growth.live(), growth.toString());
    }

    @Test
    void phase3PoolStaysBoundedByWhatTheEntriesNeed() {
        dev.hamtlab.phase3.Hamt<Integer, Integer> map =
                new dev.hamtlab.phase3.Hamt<>(CHUNK_SLOTS, dev.hamtlab.phase3.Fallback.NEW_CHUNK);
        Growth growth = Growth.of(map, map::stats);

        assertTrue(growth.last() <= 1.1 * growth.halfway(), growth.toString());
        assertTrue(growth.last() < 3 * growth.live(), growth.toString());
        assertTrue(growth.stats().get("slicesReused") > 10 * ENTRIES, growth.toString());
        map.verifyInvariants();
    }

    /** The pool's slots after 5N and after 10N churn steps, and the slots the live slices hold at the end. */
    private record Growth(long halfway, long last, long live, Map<String, Long> stats) {
        static Growth of(Map<Integer, Integer> map, Supplier<Map<String, Long>> stats) {
            Churn churn = new Churn(map);
            churn.steps(5 * ENTRIES);
            long halfway = poolSlots(stats.get());
            churn.steps(5 * ENTRIES);
            Map<String, Long> last = stats.get();
            return new Growth(halfway, poolSlots(last), last.get("liveSlots"), last);
        }
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
