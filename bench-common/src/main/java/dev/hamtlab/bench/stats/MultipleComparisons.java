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
     * <p>Why BH and not Holm for a family of findings: a family holds tens of comparisons, and with
     * 6 forks a side the smallest exact Mann-Whitney p-value is 2 / 924 = 0.0022, so Holm (0.05/m
     * for the first) could hardly declare anything. BH controls the false discovery rate, the share
     * of wrong verdicts among those declared, which is the error a reader of a table of many
     * verdicts cares about.
     *
     * @throws IllegalArgumentException if a p-value is not within [0, 1]
     */
    public static double[] benjaminiHochberg(double[] pValues) {
        int m = pValues.length;
        Integer[] ascending = ascending(pValues);

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

    /**
     * Holm adjusted p-values, in the input order: the chance that any comparison of the family is
     * called different when none is stays below q for those whose adjusted p-value is below q.
     * For controls, such as the A/A cells of a report, where a single false alarm means a broken
     * instrument, not one wrong verdict among many.
     *
     * @throws IllegalArgumentException if a p-value is not within [0, 1]
     */
    public static double[] holm(double[] pValues) {
        int m = pValues.length;
        Integer[] ascending = ascending(pValues);
        // Step down from the smallest: adjusted p of rank k is the largest p(j) * (m - j + 1) over j <= k.
        double[] adjusted = new double[m];
        double largestSoFar = 0;
        for (int rank = 1; rank <= m; rank++) {
            int index = ascending[rank - 1];
            largestSoFar = Math.max(largestSoFar, Math.min(1, pValues[index] * (m - rank + 1)));
            adjusted[index] = largestSoFar;
        }
        return adjusted;
    }

    /** The indexes of the p-values, smallest p first, once every p-value is checked. */
    private static Integer[] ascending(double[] pValues) {
        for (int i = 0; i < pValues.length; i++) {
            if (!(pValues[i] >= 0 && pValues[i] <= 1)) {
                throw new IllegalArgumentException("pValues[" + i + "] is " + pValues[i] + ", not within [0, 1]");
            }
        }
        Integer[] ascending = new Integer[pValues.length];
        Arrays.setAll(ascending, i -> i);
        Arrays.sort(ascending, Comparator.comparingDouble(i -> pValues[i]));
        return ascending;
    }
}
