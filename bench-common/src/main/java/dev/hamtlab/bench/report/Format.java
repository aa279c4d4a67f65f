package dev.hamtlab.bench.report;

import dev.hamtlab.bench.Label;
import dev.hamtlab.bench.TypeProfile;
import dev.hamtlab.bench.stats.Comparison;
import dev.hamtlab.bench.stats.Verdict;
import java.util.Locale;

/** How the report writes its figures: times, percentages, intervals, counts, and the legend that says what they mean. */
public final class Format {
    /** What a table shows for a figure it has no forks for. */
    static final String MISSING = "–";

    private Format() {
    }

    /** A time in ns, as the tables show it: "1,234.5". */
    public static String nanos(double nanos) {
        return String.format(Locale.ROOT, "%,.1f", nanos);
    }

    /** A signed percentage with one decimal, "+12.3%". */
    static String percent(double fraction) {
        return String.format(Locale.ROOT, "%+.1f%%", fraction * 100);
    }

    static String unsignedPercent(double fraction) {
        return String.format(Locale.ROOT, "%.1f%%", fraction * 100);
    }

    /** The comparison's 95% interval as improvements, "[+9.8%, +14.1%]". */
    static String interval(Comparison comparison) {
        return "[" + percent(comparison.low() - 1) + ", " + percent(comparison.high() - 1) + "]";
    }

    static String opsPerSecond(double nanos) {
        return String.format(Locale.ROOT, "%,.0f", 1e9 / nanos);
    }

    /** A whole number with thousands separators, a fraction with two decimals, a dash when absent. */
    static String figure(Number value) {
        if (value == null) {
            return MISSING;
        }
        double number = value.doubleValue();
        return number == Math.rint(number) && !value.toString().contains(".")
                ? String.format(Locale.ROOT, "%,d", (long) number)
                : String.format(Locale.ROOT, "%,.2f", number);
    }

    /** For example "Integer random" or "String random, polluted". */
    static String keysAndProfile(Label like) {
        return like.keys().displayName()
                + (like.profile() == TypeProfile.MONOMORPHIC ? "" : ", " + like.profile().cliName());
    }

    static String legend() {
        return "Each cell is the median of its forks' mean ns per op (the fork is the unit of repetition);"
                + " ops/s = 10^9 / ns/op; improvement = after ops/s / before ops/s - 1, with its 95% bootstrap interval"
                + " (forks resampled); verdict *faster* or *slower* when an exact Mann-Whitney test on the fork means"
                + " stays significant at 5% after the correction of its family (Benjamini-Hochberg within the phase"
                + " steps, the peers, the platforms and the type profiles, each apart; Holm within the A/A controls)"
                + " and the interval excludes 0, *same* otherwise, *too few forks* below "
                + Verdict.MIN_FORKS + " a side.";
    }
}
