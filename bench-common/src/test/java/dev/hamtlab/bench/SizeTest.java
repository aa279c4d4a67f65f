package dev.hamtlab.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SizeTest {

    @ParameterizedTest
    @CsvSource({"1K, 1000, 1K", "10K, 10000, 10K", "4K, 4000, 4K", "2M, 2000000, 2M", "1500, 1500, 1500",
            "1000, 1000, 1K", "2^10, 1024, 2^10", "1024, 1024, 2^10", "2^22, 4194304, 2^22",
                    "1, 1, 1", "512, 512, 512"})
    void parsesEveryWayOfWritingACountAndLabelsItOneWay(String text, int count, String label) {
        Size size = Size.parse(text).orElseThrow();
        assertEquals(count, size.count());
        assertEquals(label, size.cliName());
        assertEquals(Optional.of(size), Size.parse(size.cliName()), "a label parses back to its size");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "0", "-1", "10k", "5M", "2^23", "2^99", "4194305", "99999999999", "1.5K", "K", "2^"})
    void rejectsWhatIsNotACountFrom1To2To22(String text) {
        assertEquals(Optional.empty(), Size.parse(text));
    }

    @Test
    void aSweepIsEveryPowerOfTwoBetweenItsEnds() {
        assertEquals(Optional.of(List.of(new Size(1024), new Size(2048), new Size(4096))),
                Size.parseItem("2^10..2^12"));
        assertEquals(Optional.of(List.of(new Size(1 << 20))), Size.parseItem("2^20..2^20"));
        assertEquals(Optional.empty(), Size.parseItem("2^12..2^10"));
        assertEquals(Optional.empty(), Size.parseItem("2^10..2^23"));
        assertEquals(Optional.empty(), Size.parseItem("1K..2^12"));
    }

    @Test
    void sortedIsAscendingAndEachOnce() {
        assertEquals(List.of(Size.ONE_K, Size.TEN_K, Size.ONE_M),
                Size.sorted(List.of(Size.ONE_M, Size.ONE_K, Size.TEN_K, Size.ONE_K)));
    }

    @Test
    void aSizeOutsideTheRangeCannotBeMade() {
        assertThrows(IllegalArgumentException.class, () -> new Size(0));
        assertThrows(IllegalArgumentException.class, () -> new Size(Size.MAX + 1));
    }
}
