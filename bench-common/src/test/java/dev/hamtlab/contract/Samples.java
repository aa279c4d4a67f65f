package dev.hamtlab.contract;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntUnaryOperator;

/** Fixed sample contents for the checks that need a filled map rather than a random history. */
final class Samples {
    private static final long SEED = 7;
    /** Values repeat, so values() is a true multiset. */
    private static final int VALUE_RANGE = 50;

    private Samples() {
    }

    /** {@code count} entries over keys of {@code keySpace}, in a HashMap that serves as the oracle. */
    static Map<Object, Object> entries(KeySpace keySpace, int count) {
        return entries(keySpace, count, IntUnaryOperator.identity());
    }

    /** The same, with keys whose trie hashes in the subject that {@code hashCodeOf} serves are the key space's. */
    static Map<Object, Object> entries(KeySpace keySpace, int count, IntUnaryOperator hashCodeOf) {
        List<Object> keys = keySpace.keys(count, SEED, hashCodeOf);
        Map<Object, Object> entries = new HashMap<>();
        for (int i = 0; i < count; i++) {
            entries.put(keys.get(i), i % VALUE_RANGE);
        }
        return entries;
    }

    /** A new map of {@code subject} holding {@code entries}, put one by one. */
    static Map<Object, Object> mapOf(Subject subject, Map<Object, Object> entries) {
        Map<Object, Object> map = subject.newMap();
        entries.forEach(map::put);
        return map;
    }
}
