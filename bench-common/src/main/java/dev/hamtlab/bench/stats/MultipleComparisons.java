package dev.hamtlab.bench.stats;

import java.util.Arrays;
import java.util.Comparator;

/** Adjusts the p-values of a family of comparisons, such as all the cells of one report. */
public final class MultipleComparisons {

    private MultipleComparisons() {
    }

    /**
     * Benjamini-Hochberg adjusted p-values, in the input order: a comparison is a discovery at
     * false discovery rate q when its adjusted p-value is below q.
     *
     * <p>Why BH and not Holm: a report holds hundreds of comparisons, and with 6 forks a side the
     * smallest Mann-Whitney p-value is about 0.002-0.004, so Holm (0.05/m for the first) could
     * never declare anything at the quick preset. BH controls the false discovery rate, the share
     * of wrong verdicts among those declared, which is the error a reader of a table of many
     * verdicts cares about.
     *
     * @throws IllegalArgumentException if a p-value is not within [0, 1]
     */
    public static double[] benjaminiHochberg(double[] pValues) {
        int m = pValues.length;
        for (int i = 0; i < m; i++) {
            if (!(pValues[i] >= 0 && pValues[i] <= 1)) {
                throw new IllegalArgumentException("pValues[" + i + "] is " + pValues[i] + ", not within [0, 1]");
            }
        }
        Integer[] ascending = new Integer[m];
        Arrays.setAll(ascending, i -> i);
        Arrays.sort(ascending, Comparator.comparingDouble(i -> pValues[i]));

        // Step up from the largest: adjusted p of rank k is the smallest p(j) * m / j over j >= k.
        // No cap at 1 is needed: the largest p-value is its own adjusted value and bounds the rest.
        double[] adjusted = new double[m];
        double smallestSoFar = 1;
        for (int rank = m; rank >= 1; rank--) {
            int index = ascending[rank - 1];
            smallestSoFar = Math.min(smallestSoFar, pValues[index] * m / rank);
            adjusted[index] = smallestSoFar;
        }
        return adjusted;
    }
}
