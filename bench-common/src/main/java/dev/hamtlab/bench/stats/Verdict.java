package dev.hamtlab.bench.stats;

/** What a report says of one comparison, after adjusting its p-value for the whole family. */
public enum Verdict {
    FASTER("faster"),
    SLOWER("slower"),
    SAME("same"),
    TOO_FEW_FORKS("too few forks");

    /** The false discovery rate the adjusted p-values are held to. */
    public static final double ALPHA = 0.05;
    /**
     * Fewer forks a side than this and no verdict is given: below 5 a side, the exact test cannot
     * get below 5% unless the two sides are wholly separated (4 against 4 with one pair out of
     * order: 4 / 70 = 0.057), even before any correction.
     */
    public static final int MIN_FORKS = 5;

    private final String label;

    Verdict(String label) {
        this.label = label;
    }

    /** The word a report prints. */
    public String label() {
        return label;
    }

    /**
     * FASTER or SLOWER only when the adjusted p-value is below {@link #ALPHA} and the bootstrap
     * interval lies wholly on one side of 1: both must agree, so that a reader never sees "faster"
     * next to an interval that includes 1.
     *
     * @param adjustedP the comparison's p-value adjusted over its family, for example by
     *     {@link MultipleComparisons#benjaminiHochberg}
     */
    public static Verdict of(Comparison comparison, double adjustedP) {
        if (comparison.beforeForks() < MIN_FORKS || comparison.afterForks() < MIN_FORKS) {
            return TOO_FEW_FORKS;
        }
        if (adjustedP < ALPHA && comparison.low() > 1) {
            return FASTER;
        }
        if (adjustedP < ALPHA && comparison.high() < 1) {
            return SLOWER;
        }
        return SAME;
    }
}
