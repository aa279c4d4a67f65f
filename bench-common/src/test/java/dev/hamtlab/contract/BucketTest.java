package dev.hamtlab.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hamtlab.phase4.specialised.Hamt;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * phase4-specialised keeps every subtree of two or three entries in a bucket, whatever branches its
 * keys take, and turns a bucket into a bitmap node at the fourth: shapes built by hand from keys
 * chosen for their trie hashes (through the inverse of the spread), so each figure is known.
 */
class BucketTest {

    @Test
    void twoKeysThatShareTheRootsBranchMeetInABucket() {
        // 0 and 32 share branch 0 at the root
        assertShape(mapOfTrieHashes(0, 32), 1, 0, 1, new long[] {0, 2});
    }

    @Test
    void keysThatShareManyLevelsMeetInABucketWithNoChainAboveIt() {
        // 0 and 2^25 share their low 25 bits, five levels: still one bucket below the root
        assertShape(mapOfTrieHashes(0, 1 << 25, 1), 1, 0, 1, new long[] {1, 2});
    }

    @Test
    void theFourthKeyTurnsABucketIntoANode() {
        // 0, 32, 64 and 96 share branch 0 at the root and take branches 0 to 3 one level down
        assertShape(mapOfTrieHashes(0, 32, 64, 96), 2, 0, 0, new long[] {0, 4});
        // 0, 1024, 2048 and 3072 share two levels: a chain of one node down to where they part
        assertShape(mapOfTrieHashes(0, 1024, 2048, 3072), 3, 0, 0, new long[] {0, 0, 4});
        // 0, 32, 1056 and 64 share branch 0 at the root; one level down only 32 and 1056 share a branch
        assertShape(mapOfTrieHashes(0, 32, 1056, 64), 2, 0, 1, new long[] {0, 2, 2});
    }

    @Test
    void upToThreeKeysOfOneHashShareABucketAndTheFourthMakesACollisionNode() {
        int hashCode = Spread.inverse(7);
        Hamt<Object, Object> map = new Hamt<>();
        for (int value = 1; value <= 3; value++) {
            map.put(new CollidingKey(value, hashCode), value);
        }
        assertShape(map, 1, 0, 1, new long[] {0, 3});
        map.put(new CollidingKey(4, hashCode), 4);
        // a chain of bitmap nodes from the root to shift 30, then the collision node at depth 8
        assertShape(map, 7, 1, 0, new long[] {0, 0, 0, 0, 0, 0, 0, 4});
        map.remove(new CollidingKey(2, hashCode));
        assertShape(map, 1, 0, 1, new long[] {0, 3});
        map.remove(new CollidingKey(1, hashCode));
        map.remove(new CollidingKey(3, hashCode));
        assertShape(map, 1, 0, 0, new long[] {1});
        map.verifyInvariants();
    }

    private static Hamt<Object, Object> mapOfTrieHashes(int... trieHashes) {
        Hamt<Object, Object> map = new Hamt<>();
        for (int hash : trieHashes) {
            map.put(Spread.inverse(hash), hash);
        }
        map.verifyInvariants();
        return map;
    }

    private static void assertShape(Hamt<?, ?> map, long bitmapNodes, long collisionNodes,
            long buckets, long[] entriesAtDepth) {
        Map<String, Number> shape = map.shape();
        List<Long> atDepth = IntStream.rangeClosed(1, entriesAtDepth.length)
                .mapToObj(depth -> shape.get("leavesAtDepth" + depth).longValue()).toList();
        assertEquals(List.of(bitmapNodes, collisionNodes, buckets, Arrays.stream(entriesAtDepth).boxed().toList()),
                List.of(shape.get("bitmapNodes"), shape.get("collisionNodes"), shape.get("buckets"),
                        atDepth), shape.toString());
        assertEquals((long) map.size(), shape.get("entries"));
    }
}
