package dev.hamtlab.contract;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The whole Map contract, run against every phase in {@link Phases#ALL}. */
final class MapContractTest {

    static List<Subject> phases() {
        return Phases.ALL;
    }

    static Stream<Arguments> sequences() {
        return Phases.ALL.stream().flatMap(phase -> Arrays.stream(KeySpace.values()).flatMap(keySpace ->
                RandomOperations.SEEDS.stream().map(seed -> Arguments.of(phase, keySpace, seed))));
    }

    static Stream<Arguments> keySpaces() {
        return Phases.ALL.stream().flatMap(phase ->
                Arrays.stream(KeySpace.values()).map(keySpace -> Arguments.of(phase, keySpace)));
    }

    static Stream<Arguments> nullUses() {
        return Phases.ALL.stream().flatMap(phase ->
                Arrays.stream(NullPolicyCheck.NullUse.values()).map(nullUse -> Arguments.of(phase, nullUse)));
    }

    @ParameterizedTest(name = "{0}, {1}, seed {2}")
    @MethodSource("sequences")
    void randomOperationsMatchHashMap(Subject phase, KeySpace keySpace, long seed) {
        RandomOperations.run(phase, keySpace, seed, RandomOperations.SEQUENCE_LENGTH);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("phases")
    void constantHashKeysAreInsertedFoundAndRemoved(Subject phase) {
        ConstantHashCheck.run(phase, ConstantHashCheck.KEY_COUNT);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("phases")
    void aFloodOfCollidingStringsIsInsertedFoundAndRemoved(Subject phase) {
        FloodCheck.collidingStrings(phase);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("phases")
    void collidingComparableKeysCostLogarithmicComparisons(Subject phase) {
        FloodCheck.operationsCostLogarithmicComparisons(phase);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("phases")
    void growsToAMillionAndShrinksToEmpty(Subject phase) {
        GrowthCheck.run(phase);
    }

    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("nullUses")
    void rejectsNull(Subject phase, NullPolicyCheck.NullUse nullUse) {
        NullPolicyCheck.rejects(phase, nullUse);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("phases")
    void viewsMatchHashMap(Subject phase) {
        ViewChecks.viewsMatchHashMap(phase);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("phases")
    void equalsAndHashCodeMatchHashMap(Subject phase) {
        ViewChecks.equalsAndHashCodeMatchHashMap(phase);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("phases")
    void toStringShowsEveryEntry(Subject phase) {
        ViewChecks.toStringShowsEveryEntry(phase);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("phases")
    void entrySetContainsAndRemove(Subject phase) {
        ViewChecks.entrySetContainsAndRemove(phase);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("phases")
    void setValueWritesThrough(Subject phase) {
        ViewChecks.setValueWritesThrough(phase);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("phases")
    void keySetRemoveAllAndRetainAll(Subject phase) {
        ViewChecks.keySetRemoveAllAndRetainAll(phase);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("phases")
    void removeIfAndValueRemovalMatchHashMap(Subject phase) {
        ViewChecks.removeIfAndValueRemovalMatchHashMap(phase);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("phases")
    void removingThroughAViewCostsWhatMapRemoveCosts(Subject phase) {
        ViewChecks.removingThroughAViewCostsWhatMapRemoveCosts(phase);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("phases")
    void iteratorsFailFast(Subject phase) {
        IteratorChecks.failsFastOnModification(phase);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("phases")
    void iteratorRemoveNeedsNext(Subject phase) {
        IteratorChecks.removeNeedsNext(phase);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("phases")
    void iteratorNextPastTheEndThrows(Subject phase) {
        IteratorChecks.nextPastTheEndThrows(phase);
    }

    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("keySpaces")
    void iterationVisitsEachEntryOnce(Subject phase, KeySpace keySpace) {
        IteratorChecks.visitsEachEntryOnce(phase, keySpace);
    }

    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("keySpaces")
    void removingEverythingThroughIteratorsEmptiesTheMap(Subject phase, KeySpace keySpace) {
        IteratorChecks.removingEverythingEmptiesTheMap(phase, keySpace);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("phases")
    void clearThenReuse(Subject phase) {
        ClearCheck.clearThenReuse(phase);
    }
}
