package dev.hamtlab.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.hamtlab.bench.Keys;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Phase 4 keeps each key's hash in its leaf: every operation calls the hashCode of the key it is
 * given once, and never a stored key's, not when a leaf moves down a level, not in a collision node.
 */
final class HashCodeCallsTest {
    private static final int KEYS = 20_000;
    private static final int COLLIDING = 500;

    static Stream<Subject> phasesThatCacheTheHash() {
        return Phases.ALL.stream().filter(subject -> subject.name().startsWith("phase4"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("phasesThatCacheTheHash")
    void everyOperationHashesTheKeyItIsGivenOnce(Subject phase) {
        CountedKey.Calls calls = new CountedKey.Calls();
        Map<Object, Object> map = phase.newMap();
        int[] hashes = new SplittableRandom(5).ints().distinct().limit(KEYS).toArray();
        for (int i = 0; i < KEYS + COLLIDING; i++) {
            int hash = i < KEYS ? hashes[i] : Keys.COLLIDING_HASH;
            calls.reset();
            assertNull(map.put(new CountedKey(i, hash, calls), i));
            assertEquals(1, calls.hashCodes, "hashCode calls of a put of new key " + i);
        }
        phase.verifyInvariants(map);
        for (int i = 0; i < KEYS + COLLIDING; i++) {
            int hash = i < KEYS ? hashes[i] : Keys.COLLIDING_HASH;
            CountedKey key = new CountedKey(i, hash, calls);
            calls.reset();
            assertEquals(i, map.put(key, -i));
            assertEquals(1, calls.hashCodes, "hashCode calls of an update of key " + i);
            calls.reset();
            assertEquals(-i, map.get(key));
            assertEquals(1, calls.hashCodes, "hashCode calls of a get of key " + i);
            calls.reset();
            assertEquals(-i, map.remove(key));
            assertEquals(1, calls.hashCodes, "hashCode calls of a remove of key " + i);
        }
        assertEquals(0, map.size());
    }
}
