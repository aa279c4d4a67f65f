package dev.hamtlab.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The inverse spread undoes the spread both ways; ShapeTest's phase 4 rows check it against phase 4 itself. */
class SpreadTest {
    @Test
    void theInverseUndoesTheSpreadBothWays() {
        SplittableRandom random = new SplittableRandom(9);
        for (int i = 0; i < 1_000_000; i++) {
            int value = random.nextInt();
            assertEquals(value, Spread.of(Spread.inverse(value)));
            assertEquals(value, Spread.inverse(Spread.of(value)));
        }
    }
}
