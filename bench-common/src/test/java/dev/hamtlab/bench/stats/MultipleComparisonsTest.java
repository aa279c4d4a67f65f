package dev.hamtlab.bench.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MultipleComparisonsTest {

    @Test
    void holmHandCheckedExample() {
        // sorted 0.005, 0.01, 0.03, 0.04: times 4, 3, 2, 1 = 0.02, 0.03, 0.06, 0.04 -> running max 0.02, 0.03, 0.06, 0.06
        assertArrayEquals(new double[] {0.03, 0.06, 0.06, 0.02},
                MultipleComparisons.holm(new double[] {0.01, 0.04, 0.03, 0.005}),
                1e-12);
    }

    @Test
    void holmIsStricterThanBenjaminiHochbergAndCapsAtOne() {
        double[] p = {0.01, 0.02, 0.03, 0.04, 0.5};
        double[] holm = MultipleComparisons.holm(p);
        double[] bh = MultipleComparisons.benjaminiHochberg(p);
        for (int i = 0; i < p.length; i++) {
            assertTrue(holm[i] >= bh[i] && holm[i] <= 1, i + ": holm " + holm[i] + ", bh " + bh[i]);
        }
        assertEquals(1.0, MultipleComparisons.holm(new double[] {0.6, 0.7})[0]);
        assertThrows(IllegalArgumentException.class, () -> MultipleComparisons.holm(new double[] {-0.1}));
    }
    private static final double TOLERANCE = 1e-12;

    @Test
    void handCheckedExample() {
        // Sorted: 0.005, 0.01, 0.03, 0.04 times m/rank = 0.02, 0.02, 0.04, 0.04 (already monotone).
        double[] adjusted = MultipleComparisons.benjaminiHochberg(new double[] {0.01, 0.04, 0.03, 0.005});
        assertArrayEquals(new double[] {0.02, 0.04, 0.04, 0.02}, adjusted, TOLERANCE);
    }

    @Test
    void stepUpTakesTheSmallestValueFromAbove() {
        // p * m / rank = 0.03, 0.03, 0.021: the larger p-value's 0.021 carries down to the smaller ones.
        double[] adjusted = MultipleComparisons.benjaminiHochberg(new double[] {0.02, 0.021, 0.01});
        assertArrayEquals(new double[] {0.021, 0.021, 0.021}, adjusted, TOLERANCE);
    }

    @Test
    void adjustedValuesKeepTheOrderOfThePValuesAndStayWithinPAndOne() {
        Random random = new Random(5);
        double[] pValues = new double[300];
        for (int i = 0; i < pValues.length; i++) {
            pValues[i] = i % 3 == 0 ? random.nextDouble() * 0.01 : random.nextDouble();
        }
        double[] adjusted = MultipleComparisons.benjaminiHochberg(pValues);

        Integer[] ascending = new Integer[pValues.length];
        Arrays.setAll(ascending, i -> i);
        Arrays.sort(ascending, Comparator.comparingDouble(i -> pValues[i]));
        for (int k = 0; k < ascending.length; k++) {
            int index = ascending[k];
            // p * m / m can round one ulp below p.
            assertTrue(adjusted[index] >= pValues[index] * (1 - 1e-15) && adjusted[index] <= 1);
            if (k > 0) {
                assertTrue(adjusted[ascending[k - 1]] <= adjusted[index], "monotone in p");
            }
        }
    }

    @Test
    void largePValuesStayAtMostOne() {
        double[] adjusted = MultipleComparisons.benjaminiHochberg(new double[] {0.9, 0.6, 1, 0.7});
        assertArrayEquals(new double[] {1, 1, 1, 1}, adjusted, TOLERANCE);
        adjusted = MultipleComparisons.benjaminiHochberg(new double[] {0.6, 0.55});
        assertArrayEquals(new double[] {0.6, 0.6}, adjusted, TOLERANCE);
    }

    @Test
    void singleAndEmptyFamilies() {
        assertEquals(0, MultipleComparisons.benjaminiHochberg(new double[0]).length);
        assertArrayEquals(new double[] {0.03}, MultipleComparisons.benjaminiHochberg(new double[] {0.03}));
    }

    @Test
    void rejectsWhatIsNotAPValue() {
        for (double bad : new double[] {-0.1, 1.1, Double.NaN}) {
            assertThrows(IllegalArgumentException.class,
                    () -> MultipleComparisons.benjaminiHochberg(new double[] {0.5, bad}));
        }
    }
}
