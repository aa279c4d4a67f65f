package dev.hamtlab.bench.report;

import dev.hamtlab.bench.stats.ForkStatistics;
import dev.hamtlab.bench.stats.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The report's account of its families of comparisons: what each holds, how it is corrected and
 * what its forks let it declare at all; and, at the top of the report, the run's failure when an
 * A/A control reads different or could not have.
 */
final class FamiliesSection {
    private final Map<Family, List<Comparisons.Pair>> families;
    private final Comparisons comparisons;

    FamiliesSection(Map<Family, List<Comparisons.Pair>> families, Comparisons comparisons) {
        this.families = families;
        this.comparisons = comparisons;
    }

    /**
     * The run's failures, first thing in the report: every A/A control that reads different, and a
     * control family whose forks are too few for its correction to let any control read different.
     * Empty when there is none.
     */
    String failures() {
        StringBuilder text = new StringBuilder();
        List<Comparisons.Judged> controls = comparisons.of(Family.CONTROLS);
        List<String> different = controls.stream().filter(j -> j.verdict() != Verdict.SAME)
                .map(j -> cellName(j) + " (" + j.verdict().label() + ", "
                        + Format.interval(j.comparison()) + ")").toList();
        if (!different.isEmpty()) {
            text.append("> **This run failed its A/A control.** The same map under two labels read different at ")
                    .append(String.join("; ", different))
                    .append(". Every verdict of the run is suspect at those cells: the instrument disturbed one label more than")
                    .append(" the other (see the host section and the fork log).\n\n");
        }
        if (!controls.isEmpty()) {
            double threshold = Verdict.ALPHA / controls.size();
            int needed = ForkStatistics.fewestForksBelow(threshold);
            int fewest = controls.stream().mapToInt(FamiliesSection::fewestForks).min().orElseThrow();
            if (fewest < needed) {
                text.append("> **The A/A control could not fail here.** ").append(controls.size())
                        .append(" controls under Holm's correction need ").append(needed)
                        .append(" forks a side before one pair out of order can read different; this run has ")
                        .append(fewest).append(". Its *same* verdicts are not a test of the instrument.\n\n");
            }
        }
        return text.toString();
    }

    /** One row per family the run has: its comparisons, correction, forks and what it could declare. */
    String section() {
        StringBuilder text = new StringBuilder("## Families of comparisons\n\n")
                .append("Each family is corrected on its own, so that no family's verdicts depend on what else the run")
                .append(" measured. A verdict needs the family's adjusted p-value below ").append(Verdict.ALPHA)
                .append(" and the interval to exclude 0, so no effect smaller than a comparison's half-width is declared:")
                .append(" the median half-width is the family's typical smallest declarable effect. *Strictest threshold*")
                .append(" is what the family's strongest comparison must reach (")
                .append(Verdict.ALPHA).append(" / comparisons, for Holm and for Benjamini-Hochberg's first rank);")
                .append(" *forks it needs* is the fewest a side at which one pair of forks out of order still gets")
                .append(" below it (exact Mann-Whitney).\n\n")
                .append("| Family | What it compares | Correction | Comparisons | Forks a side | Strictest threshold |")
                .append(" Forks it needs | Median half-width | Smallest effect declared | Verdicts |\n")
                .append("|---|---|---|---:|---:|---:|---:|---:|---:|---|\n");
        List<String> unjudged = new ArrayList<>();
        for (Family family : Family.values()) {
            List<Comparisons.Judged> judged = comparisons.of(family);
            int listed = families.getOrDefault(family, List.of()).size();
            if (listed > 0 && judged.isEmpty()) {
                unjudged.add(family.title());
            }
            if (judged.isEmpty()) {
                continue;
            }
            text.append("| ").append(family.title()).append(" | ").append(family.description()).append(" | ")
                    .append(family.correctionName()).append(" | ").append(judged.size())
                    .append(judged.size() < listed ? " of " + listed : "").append(" | ");
            double threshold = Verdict.ALPHA / judged.size();
            int fewest = judged.stream().mapToInt(FamiliesSection::fewestForks).min().orElseThrow();
            int most = judged.stream().mapToInt(FamiliesSection::fewestForks).max().orElseThrow();
            double[] halfWidths = judged.stream().mapToDouble(j -> j.comparison().halfWidth()).sorted().toArray();
            double medianHalfWidth = (halfWidths[(halfWidths.length - 1) / 2] + halfWidths[halfWidths.length / 2]) / 2;
            String smallestDeclared = judged.stream()
                    .filter(j -> j.verdict() == Verdict.FASTER || j.verdict() == Verdict.SLOWER)
                    .mapToDouble(j -> Math.abs(j.comparison().improvement())).min()
                    .stream().mapToObj(Format::unsignedPercent).findFirst().orElse("none declared");
            text.append(fewest == most ? String.valueOf(fewest) : fewest + "–" + most).append(" | ")
                    .append(String.format(Locale.ROOT, "%.2g", threshold)).append(" | ")
                    .append(ForkStatistics.fewestForksBelow(threshold)).append(" | ")
                    .append(Format.unsignedPercent(medianHalfWidth)).append(" | ")
                    .append(smallestDeclared).append(" | ")
                    .append(judged.stream().collect(Collectors.groupingBy(j -> j.verdict().label(), TreeMap::new,
                            Collectors.counting())).entrySet().stream().map(e -> e.getValue() + " " + e.getKey())
                            .collect(Collectors.joining(", ")))
                    .append(" |\n");
        }
        if (!unjudged.isEmpty()) {
            text.append("\nNo comparison judged, too few forks a side: ")
                    .append(String.join(", ", unjudged)).append(".\n");
        }
        return text.append("\n").toString();
    }

    private static int fewestForks(Comparisons.Judged judged) {
        return Math.min(judged.comparison().beforeForks(), judged.comparison().afterForks());
    }

    private static String cellName(Comparisons.Judged judged) {
        return judged.pair().operation().cliName() + " " + judged.pair().size().cliName();
    }
}
