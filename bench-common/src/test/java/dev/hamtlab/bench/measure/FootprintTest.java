package dev.hamtlab.bench.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hamtlab.bench.Implementation;
import dev.hamtlab.bench.KeyPattern;
import dev.hamtlab.bench.Size;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The footprint counts the map's own objects and leaves the keys and values out. */
class FootprintTest {

    @ParameterizedTest
    @EnumSource(Implementation.class)
    void isDeterministicAndLeavesTheKeysOut(Implementation implementation) {
        Footprint.Measured integers = Footprint.measure(implementation, KeyPattern.RANDOM, Size.ONE_K);
        Footprint.Measured again = Footprint.measure(implementation, KeyPattern.RANDOM, Size.ONE_K);
        assertEquals(integers, again, "deterministic");
        assertEquals(1_000, integers.entries());
        if (implementation.intKeys()) {
            // Keys and values are inline ints, the map's own bytes.
            assertTrue(integers.mapBytes() > 0 && integers.mapBytes() == integers.withKeysBytes(), integers.toString());
        } else {
            assertTrue(integers.mapBytes() > 0 && integers.mapBytes() < integers.withKeysBytes(), integers.toString());
        }
    }

    @Test
    void hashMapsBytesAreTheSameWithStringAndIntegerKeys() {
        // One node per entry and a table sized by the count: the keys' own bytes are all that differ.
        Footprint.Measured integers = Footprint.measure(Implementation.HASHMAP, KeyPattern.RANDOM, Size.TEN_K);
        Footprint.Measured strings = Footprint.measure(Implementation.HASHMAP, KeyPattern.STRING, Size.TEN_K);
        assertEquals(integers.mapBytes(), strings.mapBytes());
        assertTrue(strings.withKeysBytes() > integers.withKeysBytes());
    }

    @Test
    void hashMapHasANodeAndATableSlotPerEntry() {
        // 10K entries: 10,000 nodes of 32 bytes and a table of 16,384 4-byte slots, with compressed references.
        Footprint.Measured measured = Footprint.measure(Implementation.HASHMAP, KeyPattern.RANDOM, Size.TEN_K);
        double perEntry = measured.bytesPerEntry();
        assertTrue(perEntry > 32 + 16_384 * 4 / 10_000.0 && perEntry < 32 + 16_384 * 4 / 10_000.0 + 0.1,
                measured + " " + perEntry + " " + Footprint.layout());
    }
}
