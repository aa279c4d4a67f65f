package dev.hamtlab.contract;

import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The whole Map contract, run against every phase in {@link Phases#ALL}. */
final class MapContractTest {

    static Stream<Arguments> sequences() {
        return Phases.ALL.stream().flatMap(phase -> Arrays.stream(KeySpace.values()).flatMap(keySpace ->
                RandomOperations.SEEDS.stream().map(seed -> Arguments.of(phase, keySpace, seed))));
    }

    @ParameterizedTest(name = "{0}, {1}, seed {2}")
    @MethodSource("sequences")
    void randomOperationsMatchHashMap(Subject phase, KeySpace keySpace, long seed) {
        RandomOperations.run(phase, keySpace, seed, RandomOperations.SEQUENCE_LENGTH);
    }
}
