package dev.hamtlab.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.LongStream;

/**
 * A random sequence of map operations, replayed on a {@link HashMap} as the oracle: each
 * operation's result and the size are compared after every operation, the whole contents and the
 * map's invariants every {@value #FULL_CHECK_INTERVAL} operations and at the end. A failure names
 * the subject, key space, seed and operation, so it replays exactly.
 */
final class RandomOperations {
    /** The seeds the contract runs for every subject and key space. */
    static final List<Long> SEEDS = LongStream.rangeClosed(1, 8).boxed().toList();
    static final int SEQUENCE_LENGTH = 20_000;

    private static final int FULL_CHECK_INTERVAL = 200;
    /** Few distinct values, so containsValue and values().remove find duplicates. */
    private static final int VALUE_RANGE = 64;
    private static final int MAX_PUT_ALL = 4;
    /** Iteration removes about this many entries each time it runs. */
    private static final int ITERATOR_REMOVALS = 2;

    /** What a step does, with how often it is picked, per mille. */
    private enum Operation {
        PUT(359), GET(150), REMOVE(150), CONTAINS_KEY(100), KEY_SET_REMOVE(60), SET_VALUE(60), PUT_ALL(50),
        VALUES_REMOVE(30), ITERATE_AND_REMOVE(30), CONTAINS_VALUE(10), CLEAR(1);

        private static final Operation[] BY_PER_MILLE = byPerMille();

        private final int perMille;

        Operation(int perMille) {
            this.perMille = perMille;
        }

        static Operation pick(SplittableRandom random) {
            return BY_PER_MILLE[random.nextInt(BY_PER_MILLE.length)];
        }

        private static Operation[] byPerMille() {
            Operation[] table = new Operation[1000];
            int next = 0;
            for (Operation operation : values()) {
                for (int i = 0; i < operation.perMille; i++) {
                    table[next++] = operation;
                }
            }
            if (next != table.length) {
                throw new IllegalStateException("operation weights add up to " + next + " per mille");
            }
            return table;
        }
    }

    private final Subject subject;
    private final KeySpace keySpace;
    private final long seed;
    private final SplittableRandom random;
    private final List<Object> keys;
    private final Map<Object, Object> map;
    private final Map<Object, Object> oracle = new HashMap<>();
    private Operation operation;
    private Object argument;

    private RandomOperations(Subject subject, KeySpace keySpace, long seed) {
        this.subject = subject;
        this.keySpace = keySpace;
        this.seed = seed;
        this.random = new SplittableRandom(seed);
        this.keys = keySpace.keys(keyCount(seed), seed, subject.hashCodeOf());
        this.map = subject.newMap();
    }

    /** Runs {@code length} random operations on a new map of {@code subject}. */
    static void run(Subject subject, KeySpace keySpace, long seed, int length) {
        new RandomOperations(subject, keySpace, seed).run(length);
    }

    /** 16 to 512 keys, by seed: few enough that hits, updates and removes are common. */
    private static int keyCount(long seed) {
        return 16 << (int) (seed % 6);
    }

    private void run(int length) {
        int step = 0;
        try {
            for (step = 1; step <= length; step++) {
                apply(Operation.pick(random));
                assertEquals(oracle.size(), map.size(), "size after the operation");
                if (step % FULL_CHECK_INTERVAL == 0) {
                    checkEverything();
                }
            }
            checkEverything();
        } catch (AssertionError | RuntimeException failure) {
            String where = step > length ? "the final check"
                    : "operation " + step + " of " + length + ", " + operation + " " + argument;
            throw new AssertionError(subject + ", " + keySpace + " (" + keys.size() + " keys), seed " + seed + ", "
                    + where + ": " + (failure instanceof AssertionError ? failure.getMessage() : failure), failure);
        }
    }

    private void apply(Operation next) {
        operation = next;
        argument = null;
        switch (next) {
            case PUT -> {
                Object key = key();
                Object value = value();
                assertEquals(oracle.put(key, value), map.put(key, value), "put returned");
            }
            case GET -> {
                Object key = key();
                assertEquals(oracle.get(key), map.get(key), "get returned");
            }
            case REMOVE -> {
                Object key = key();
                assertEquals(oracle.remove(key), map.remove(key), "remove returned");
            }
            case CONTAINS_KEY -> {
                Object key = key();
                assertEquals(oracle.containsKey(key), map.containsKey(key), "containsKey returned");
            }
            case KEY_SET_REMOVE -> {
                Object key = key();
                assertEquals(oracle.keySet().remove(key), map.keySet().remove(key), "keySet().remove returned");
            }
            case SET_VALUE -> setValue();
            case PUT_ALL -> putAll();
            case VALUES_REMOVE -> valuesRemove();
            case ITERATE_AND_REMOVE -> iterateAndRemove();
            case CONTAINS_VALUE -> {
                Object value = value();
                argument = value;
                assertEquals(oracle.containsValue(value), map.containsValue(value), "containsValue returned");
            }
            case CLEAR -> {
                map.clear();
                oracle.clear();
            }
        }
    }

    private void setValue() {
        if (oracle.isEmpty()) {
            return;
        }
        Iterator<Map.Entry<Object, Object>> entries = map.entrySet().iterator();
        for (int skip = random.nextInt(oracle.size()); skip > 0; skip--) {
            entries.next();
        }
        Map.Entry<Object, Object> entry = entries.next();
        Object key = entry.getKey();
        Object value = value();
        argument = key + "=" + value;
        assertEquals(oracle.put(key, value), entry.setValue(value), "setValue returned");
        assertEquals(value, entry.getValue(), "getValue after setValue");
        assertEquals(value, map.get(key), "get after setValue");
    }

    private void putAll() {
        Map<Object, Object> batch = new HashMap<>();
        for (int n = 1 + random.nextInt(MAX_PUT_ALL); n > 0; n--) {
            batch.put(key(), value());
        }
        argument = batch;
        map.putAll(batch);
        oracle.putAll(batch);
    }

    /** values().remove removes some one entry with the value; find which, and do the same to the oracle. */
    private void valuesRemove() {
        Object value = value();
        argument = value;
        boolean removed = map.values().remove(value);
        assertEquals(oracle.containsValue(value), removed, "values().remove returned");
        Object gone = null;
        for (Map.Entry<Object, Object> entry : oracle.entrySet()) {
            if (!map.containsKey(entry.getKey())) {
                assertNull(gone, "values().remove removed a second key, " + entry.getKey());
                assertEquals(value, entry.getValue(), "value of the key values().remove removed");
                gone = entry.getKey();
            }
        }
        oracle.remove(gone);
    }

    /** Iterates the entries or the keys, checking each against the oracle and removing a few. */
    private void iterateAndRemove() {
        boolean byKeys = random.nextBoolean();
        argument = byKeys ? "keySet" : "entrySet";
        int sizeBefore = oracle.size();
        int visited = 0;
        Iterator<?> iterator = (byKeys ? map.keySet() : map.entrySet()).iterator();
        while (iterator.hasNext()) {
            Object element = iterator.next();
            visited++;
            Object key = byKeys ? element : ((Map.Entry<?, ?>) element).getKey();
            assertTrue(oracle.containsKey(key), () -> "iteration visited " + key + ", which is not in the map");
            if (!byKeys) {
                assertEquals(oracle.get(key), ((Map.Entry<?, ?>) element).getValue(), "value of a visited entry");
            }
            if (random.nextInt(Math.max(sizeBefore, ITERATOR_REMOVALS)) < ITERATOR_REMOVALS) {
                iterator.remove();
                oracle.remove(key);
            }
        }
        assertEquals(sizeBefore, visited, "entries iteration visited");
    }

    private void checkEverything() {
        MapAssertions.assertSameContents(oracle, map);
        subject.verifyInvariants(map);
    }

    private Object key() {
        Object key = keys.get(random.nextInt(keys.size()));
        argument = key;
        return key;
    }

    private Integer value() {
        return random.nextInt(VALUE_RANGE);
    }
}
