package dev.hamtlab.contract;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The null policy of every phase: null keys and null values are rejected. Each use of a null
 * throws NullPointerException with "null" in its message, and leaves the map as it was.
 */
final class NullPolicyCheck {
    private static final int ENTRY_COUNT = 10;
    private static final Integer PRESENT_KEY = 3;
    private static final Integer ABSENT_KEY = 99;

    /** One way of handing a map a null. */
    enum NullUse {
        PUT_NULL_KEY("put(null, v)", map -> map.put(null, 1)),
        PUT_NULL_VALUE_FOR_NEW_KEY("put(new key, null)", map -> map.put(ABSENT_KEY, null)),
        PUT_NULL_VALUE_FOR_PRESENT_KEY("put(present key, null)", map -> map.put(PRESENT_KEY, null)),
        GET_NULL("get(null)", map -> map.get(null)),
        CONTAINS_KEY_NULL("containsKey(null)", map -> map.containsKey(null)),
        REMOVE_NULL("remove(null)", map -> map.remove(null)),
        CONTAINS_VALUE_NULL("containsValue(null)", map -> map.containsValue(null));

        private final String call;
        private final Consumer<Map<Object, Object>> use;

        NullUse(String call, Consumer<Map<Object, Object>> use) {
            this.call = call;
            this.use = use;
        }

        @Override
        public String toString() {
            return call;
        }
    }

    private NullPolicyCheck() {
    }

    static void rejects(Subject subject, NullUse nullUse) {
        Map<Object, Object> expected = new HashMap<>();
        for (int key = 0; key < ENTRY_COUNT; key++) {
            expected.put(key, key * 10);
        }
        Map<Object, Object> map = Samples.mapOf(subject, expected);
        NullPointerException thrown = assertThrows(NullPointerException.class, () -> nullUse.use.accept(map),
                () -> nullUse + " must throw NullPointerException");
        assertNotNull(thrown.getMessage(), () -> nullUse + " throws with a message");
        assertTrue(thrown.getMessage().contains("null"), () -> nullUse + " names the null: " + thrown.getMessage());
        MapAssertions.assertSameContents(expected, map);
        subject.verifyInvariants(map);
    }
}
