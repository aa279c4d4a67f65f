package dev.hamtlab.contract;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The contract can fail: each deliberately broken map in {@link BrokenMaps} is run through the
 * checks its bug should trip, and every one of those checks must report it, while the correct
 * map the broken ones derive from passes the very same checks.
 */
final class KitCanFailTest {
    /** Long enough to meet each bug many times; the contract itself runs far more. */
    private static final int SHORT_SEQUENCE = 2_000;

    static Stream<Arguments> bugsAndTheChecksThatCatchThem() {
        Stream<Arguments> bugs = Stream.of(
                caught(BrokenMaps.LOSES_FULL_COLLISIONS, "random operations on fully colliding keys",
                        map -> RandomOperations.run(map, KeySpace.FULL_COLLISIONS, 1, SHORT_SEQUENCE)),
                caught(BrokenMaps.LOSES_FULL_COLLISIONS, "random operations with a quarter of keys colliding",
                        map -> RandomOperations.run(map, KeySpace.QUARTER_FULL_COLLISIONS, 1, SHORT_SEQUENCE)),
                caught(BrokenMaps.LOSES_FULL_COLLISIONS, "the constant hashCode check",
                        map -> ConstantHashCheck.run(map, ConstantHashCheck.KEY_COUNT)),
                caught(BrokenMaps.LOSES_FULL_COLLISIONS, "iteration over fully colliding keys",
                        map -> IteratorChecks.visitsEachEntryOnce(map, KeySpace.FULL_COLLISIONS)),
                caught(BrokenMaps.SKIPS_AN_ENTRY, "random operations",
                        map -> RandomOperations.run(map, KeySpace.RANDOM_INTEGERS, 1, SHORT_SEQUENCE)),
                caught(BrokenMaps.SKIPS_AN_ENTRY, "iteration visiting each entry once",
                        map -> IteratorChecks.visitsEachEntryOnce(map, KeySpace.RANDOM_INTEGERS)),
                caught(BrokenMaps.SKIPS_AN_ENTRY, "removing everything through iterators",
                        map -> IteratorChecks.removingEverythingEmptiesTheMap(map, KeySpace.RANDOM_INTEGERS)),
                caught(BrokenMaps.SKIPS_AN_ENTRY, "views against HashMap's", ViewChecks::viewsMatchHashMap),
                caught(BrokenMaps.SKIPS_AN_ENTRY, "equals and hashCode against HashMap's",
                        ViewChecks::equalsAndHashCodeMatchHashMap),
                caught(BrokenMaps.SKIPS_AN_ENTRY, "toString", ViewChecks::toStringShowsEveryEntry),
                caught(BrokenMaps.REMOVE_KEEPS_SIZE, "random operations",
                        map -> RandomOperations.run(map, KeySpace.RANDOM_INTEGERS, 1, SHORT_SEQUENCE)),
                caught(BrokenMaps.REMOVE_KEEPS_SIZE, "the constant hashCode check",
                        map -> ConstantHashCheck.run(map, ConstantHashCheck.KEY_COUNT)),
                caught(BrokenMaps.REMOVE_KEEPS_SIZE, "growth to a million and back", GrowthCheck::run),
                caught(BrokenMaps.NOT_FAIL_FAST, "fail-fast iterators", IteratorChecks::failsFastOnModification),
                caught(BrokenMaps.SCANS_COLLISIONS, "logarithmic comparisons under a flood",
                        FloodCheck::operationsCostLogarithmicComparisons),
                caught(BrokenMaps.LOSES_FULL_COLLISIONS, "the flood of colliding Strings",
                        FloodCheck::collidingStrings),
                caught(BrokenMaps.LOSES_FULL_COLLISIONS, "random operations on mixed colliding keys",
                        map -> RandomOperations.run(map, KeySpace.MIXED_COLLISIONS, 1, SHORT_SEQUENCE)));
        Stream<Arguments> nulls = Arrays.stream(NullPolicyCheck.NullUse.values()).map(nullUse ->
                caught(BrokenMaps.ACCEPTS_NULLS, "the null policy, " + nullUse,
                        map -> NullPolicyCheck.rejects(map, nullUse)));
        return Stream.concat(bugs, nulls);
    }

    private static Arguments caught(Subject broken, String check, Consumer<Subject> run) {
        return Arguments.of(broken, check, run);
    }

    @ParameterizedTest(name = "{0} fails {1}")
    @MethodSource("bugsAndTheChecksThatCatchThem")
    void brokenMapFailsTheCheck(Subject broken, String check, Consumer<Subject> run) {
        assertThrows(AssertionError.class, () -> run.accept(broken), () -> check + " missed the bug of " + broken);
    }

    @ParameterizedTest(name = "the correct map passes {1}")
    @MethodSource("bugsAndTheChecksThatCatchThem")
    void correctMapPassesTheSameCheck(Subject broken, String check, Consumer<Subject> run) {
        run.accept(BrokenMaps.CORRECT);
    }

    @Test
    void randomOperationsFailureNamesItsSeedAndOperation() {
        AssertionError failure = assertThrows(AssertionError.class,
                () -> RandomOperations.run(BrokenMaps.REMOVE_KEEPS_SIZE, KeySpace.SAME_LOW_10_BITS, 5, SHORT_SEQUENCE));
        String message = failure.getMessage();
        assertTrue(message.contains(BrokenMaps.REMOVE_KEEPS_SIZE + ", SAME_LOW_10_BITS"), message);
        assertTrue(message.contains("seed 5,"), message);
        assertTrue(message.contains("operation "), message);
        assertTrue(message.contains("size"), message);
    }
}
