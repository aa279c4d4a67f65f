package dev.hamtlab.bench.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hamtlab.bench.Implementation;
import dev.hamtlab.bench.KeyPattern;
import dev.hamtlab.bench.Size;
import java.util.List;
import java.util.Map;
import java.util.Set;
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

    @ParameterizedTest
    @EnumSource(Implementation.class)
    void itsBytesByClassAddUpToItsOwnMostFirst(Implementation implementation) {
        Footprint.Measured measured = Footprint.measure(implementation, KeyPattern.RANDOM, Size.ONE_K);
        List<Long> bytes = List.copyOf(measured.classBytes().values());
        assertEquals(measured.mapBytes(), bytes.stream().mapToLong(Long::longValue).sum(), measured.toString());
        for (int i = 1; i < bytes.size(); i++) {
            assertTrue(bytes.get(i - 1) >= bytes.get(i), measured.toString());
        }
    }

    @Test
    void hashMapsBytesByClassAreItsNodesItsTableAndItselfWithoutTheKeys() {
        for (KeyPattern keys : List.of(KeyPattern.RANDOM, KeyPattern.STRING)) {
            Map<String, Long> classBytes = Footprint.measure(Implementation.HASHMAP, keys, Size.TEN_K).classBytes();
            // 10,000 nodes of 32 bytes and a table of 16,384 4-byte slots behind a 16-byte header
            assertEquals(Map.of("HashMap$Node", 320_000L, "HashMap$Node[]", 16 + 16_384 * 4L),
                    Map.of("HashMap$Node", classBytes.get("HashMap$Node"),
                            "HashMap$Node[]", classBytes.get("HashMap$Node[]")), classBytes.toString());
            assertEquals(Set.of("HashMap$Node", "HashMap$Node[]", "HashMap"), classBytes.keySet(), keys.cliName());
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
