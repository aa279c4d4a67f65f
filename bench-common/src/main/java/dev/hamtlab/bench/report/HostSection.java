package dev.hamtlab.bench.report;

import dev.hamtlab.bench.Cell;
import dev.hamtlab.bench.measure.HostCanary;
import dev.hamtlab.bench.measure.HostCanary.WorkingSet;
import dev.hamtlab.bench.stats.ForkStatistics;
import dev.hamtlab.bench.stats.Verdict;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.DoubleSummaryStatistics;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.commons.math3.stat.correlation.SpearmansCorrelation;

/**
 * The report's section on the shared host: each cell's forks beside the canary and the steal time
 * the runner logged around them, which forks the {@link HostMarking} rule marks, and which verdicts
 * change when the marked forks are left out. Every other table of the report keeps every fork.
 */
final class HostSection {
    /** Fewer forks than this and a rank correlation says nothing. */
    private static final int MIN_FORKS_FOR_RHO = 3;
    /** Fewer watched forks than this and the run-wide correlation's normal approximation does not hold. */
    private static final int MIN_FORKS_ACROSS_THE_RUN = 10;

    private final List<Forks.Fork> forks;
    private final Comparisons comparisons;
    private final Map<Family, List<Comparisons.Pair>> families;
    private final HostMarking marking;

    /** The section of a run whose forks were judged by {@code comparisons}, over these families. */
    HostSection(List<Forks.Fork> forks, Comparisons comparisons, Map<Family, List<Comparisons.Pair>> families) {
        this.forks = forks;
        this.comparisons = comparisons;
        this.families = families;
        this.marking = new HostMarking(forks);
    }

    String markdown() {
        StringBuilder text = new StringBuilder("## The host during the run\n\n");
        List<Forks.Fork> watched = forks.stream().filter(f -> f.host().watched()).toList();
        if (watched.isEmpty()) {
            return text.append("The host was not watched: this run's fork log has no canary or steal time (it was made")
                    .append(" before the runner watched the host).\n\n").toString();
        }
        text.append("Just before and just after each fork, the runner chased pointers through a random cycle at ")
                .append(Stream.of(WorkingSet.values()).map(WorkingSet::displayName).collect(Collectors.joining(", ")))
                .append(" (the core's L2, the shared last-level cache, DRAM; ").append(HostCanary.BUDGET.toMillis())
                .append(" ms each), and read the steal time of /proc/stat: other tenants share this host's cache and memory,")
                .append(" and the load average does not see them. The run's median canary: ")
                .append(Stream.of(WorkingSet.values()).map(s -> Format.nanos(marking.median(s)) + " ns per load at "
                        + s.displayName()).collect(Collectors.joining(", ")))
                .append(". ").append(marking.rule()).append(" Marked forks stay in every other table.\n\n")
                .append(acrossTheRun(watched)).append(cells(watched)).append(changedVerdicts());
        return text.toString();
    }

    /** Across all watched forks, whether a fork slow for its cell had a slow canary. */
    private String acrossTheRun(List<Forks.Fork> watched) {
        if (watched.size() < MIN_FORKS_ACROSS_THE_RUN) {
            return "";
        }
        Map<Cell, Double> medians = new TreeMap<>(cellOrder());
        byCell(watched).forEach((cell, found) -> medians.put(cell, ForkStatistics.median(nanos(found))));
        double[] relative = watched.stream().mapToDouble(f -> f.nanos() / medians.get(cellOf(f))).toArray();
        return String.format(Locale.ROOT,
                "Across the run's %d watched forks, the Spearman rank correlation between a fork's"
                + " mean relative to its cell's median and its canary (the mean of before and after) is %s at %s and %s at %s;"
                + " with no link at all, |ρ| stays below %.2f 95%% of the time.\n\n",
                watched.size(), rho(relative, canaries(watched, WorkingSet.LLC)), WorkingSet.LLC.displayName(),
                rho(relative, canaries(watched, WorkingSet.DRAM)), WorkingSet.DRAM.displayName(),
                1.96 / Math.sqrt(Math.max(watched.size() - 1, 1)));
    }

    /** Per cell: its forks, how many are marked, its slowest fork's canary, and the rank correlations. */
    private String cells(List<Forks.Fork> watched) {
        StringBuilder text = new StringBuilder("Per cell, ρ is the Spearman rank correlation between its fork means and")
                .append(" their canaries (positive: the slower forks had the slower canary; a hint, not a test: with 6")
                .append(" forks, only |ρ| above 0.89 is unlikely by chance). The slowest fork's canary is at ")
                .append(WorkingSet.DRAM.displayName()).append(", against the run's median.\n\n")
                .append("| Operation | Scale | Label | Forks watched | Marked | Median ns/op |")
                .append(" Slowest fork ns/op | Its ").append(WorkingSet.DRAM.displayName()).append(" canary | ρ ")
                .append(WorkingSet.LLC.displayName()).append(" | ρ ")
                .append(WorkingSet.DRAM.displayName())
                .append(" | Steal |\n|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        byCell(watched).forEach((cell, found) -> {
            long all = comparisons.cell(cell.operation(), cell.size(), cell.label()).count();
            Forks.Fork slowest = found.stream().max(Comparator.comparingDouble(Forks.Fork::nanos)).orElseThrow();
            DoubleSummaryStatistics steal = found.stream().mapToDouble(f -> f.host().stealFraction())
                    .filter(v -> !Double.isNaN(v)).summaryStatistics();
            text.append("| ").append(cell.operation().cliName()).append(" | ").append(cell.size().cliName())
                    .append(" | ").append(cell.label().displayName())
                    .append(" | ").append(found.size()).append(found.size() == all ? "" : " of " + all)
                    .append(" | ").append(found.stream().filter(marking::marked).count())
                    .append(" | ").append(Format.nanos(ForkStatistics.median(nanos(found))))
                    .append(" | ").append(Format.nanos(slowest.nanos()))
                    .append(" | ").append(times(slowest.host()
                            .canary(WorkingSet.DRAM) / marking.median(WorkingSet.DRAM)))
                    .append(" | ").append(rho(nanos(found), canaries(found, WorkingSet.LLC)))
                    .append(" | ").append(rho(nanos(found), canaries(found, WorkingSet.DRAM)))
                    .append(" | ").append(steal.getCount() == 0 ? Format.MISSING
                            : share(steal.getMin()) + " to " + share(steal.getMax()))
                    .append(" |\n");
        });
        return text.append("\n").toString();
    }

    /** The verdicts of the report's comparisons judged again over the unmarked forks alone, where they differ. */
    private String changedVerdicts() {
        List<Forks.Fork> unmarked = forks.stream().filter(f -> !marking.marked(f)).toList();
        int marked = forks.size() - unmarked.size();
        if (marked == 0) {
            return "No fork is marked: every verdict stands on forks of a quiet host.\n\n";
        }
        Set<Comparisons.Pair> pairs = new LinkedHashSet<>();
        families.values().forEach(pairs::addAll);
        Comparisons without = new Comparisons(unmarked, families);
        // Verdicts turned by the marked forks first, then those lost because a side kept too few forks.
        List<String> turned = new ArrayList<>();
        List<String> lost = new ArrayList<>();
        for (Comparisons.Pair pair : pairs) {
            Optional<Verdict> all = comparisons.verdict(pair);
            Optional<Verdict> unmarkedOnly = without.verdict(pair);
            if (comparisons.judged(pair).isPresent() && !all.equals(unmarkedOnly)) {
                (without.judged(pair).isPresent() ? turned : lost).add("| " + pair.operation().cliName() + " | "
                        + pair.size().cliName() + " | " + pair.after().displayName() + " vs "
                        + pair.before().displayName()
                        + " | " + judged(comparisons, pair) + " | " + judged(without, pair) + " |\n");
            }
        }
        List<String> rows = new ArrayList<>(turned);
        rows.addAll(lost);
        String judgedAgain = "Judged again without the " + marked + " marked fork" + (marked == 1 ? "" : "s")
                + " (the same comparisons, families and corrections; a side left with fewer than " + Verdict.MIN_FORKS
                + " forks gets no verdict)";
        return (rows.isEmpty() ? judgedAgain + ", no verdict changes.\n\n"
                : judgedAgain + ", these verdicts change:\n\n| Operation | Scale | Comparison | All forks | Without the marked |\n"
                        + "|---|---|---|---|---|\n" + String.join("", rows) + "\n")
                + controlsWithout(without);
    }

    /**
     * The A/A control's half-width with every fork and with the unmarked ones alone: what the run
     * would resolve had the host been quiet, as far as the canary can tell.
     */
    private String controlsWithout(Comparisons without) {
        List<Comparisons.Judged> controls = comparisons.of(Family.CONTROLS);
        if (controls.isEmpty()) {
            return "";
        }
        StringBuilder text = new StringBuilder("The A/A control's half-width, with every fork and without the marked ones:\n\n")
                .append("| Operation | Scale | All forks | Without the marked |\n|---|---|---:|---:|\n");
        for (Comparisons.Judged all : controls) {
            Comparisons.Pair pair = all.pair();
            text.append("| ").append(pair.operation().cliName()).append(" | ")
                    .append(pair.size().cliName()).append(" | ")
                    .append(Format.unsignedPercent(all.comparison().halfWidth())).append(" | ")
                    .append(without.judged(pair).map(j -> Format.unsignedPercent(j.comparison().halfWidth()) + " ("
                            + Math.min(j.comparison().beforeForks(), j.comparison().afterForks()) + " forks a side)")
                            .orElse(Verdict.TOO_FEW_FORKS.label()))
                    .append(" |\n");
        }
        return text.append("\n").toString();
    }

    /** "+12.3% faster", the verdict alone without forks enough, "no forks" when a side has none left. */
    private static String judged(Comparisons judged, Comparisons.Pair pair) {
        return judged.judged(pair).map(j -> Format.percent(j.comparison().improvement()) + " " + j.verdict().label())
                .orElse(judged.verdict(pair).map(Verdict::label).orElse("no forks"));
    }

    private Map<Cell, List<Forks.Fork>> byCell(List<Forks.Fork> watched) {
        return watched.stream().collect(Collectors.groupingBy(HostSection::cellOf, () -> new TreeMap<>(cellOrder()),
                Collectors.toList()));
    }

    private static Cell cellOf(Forks.Fork fork) {
        return new Cell(fork.operation(), fork.size(), fork.label());
    }

    private static Comparator<Cell> cellOrder() {
        return Comparator.comparing(Cell::operation).thenComparing(Cell::size).thenComparing(c -> c.label().platform())
                .thenComparing(c -> c.label().implementation()).thenComparing(c -> c.label().fileStem());
    }

    private static double[] nanos(List<Forks.Fork> forks) {
        return forks.stream().mapToDouble(Forks.Fork::nanos).toArray();
    }

    private static double[] canaries(List<Forks.Fork> forks, WorkingSet set) {
        return forks.stream().mapToDouble(f -> f.host().canary(set)).toArray();
    }

    /** Spearman's ρ over the pairs where both figures are known; a dash with too few of them. */
    private static String rho(double[] x, double[] y) {
        List<Integer> known = new ArrayList<>();
        for (int i = 0; i < x.length; i++) {
            if (!Double.isNaN(x[i]) && !Double.isNaN(y[i])) {
                known.add(i);
            }
        }
        if (known.size() < MIN_FORKS_FOR_RHO) {
            return Format.MISSING;
        }
        ToDoubleFunction<Integer> xs = i -> x[i];
        ToDoubleFunction<Integer> ys = i -> y[i];
        double rho = new SpearmansCorrelation().correlation(known.stream().mapToDouble(xs).toArray(),
                known.stream().mapToDouble(ys).toArray());
        return Double.isNaN(rho) ? Format.MISSING : String.format(Locale.ROOT, "%+.2f", rho);
    }

    private static String times(double ratio) {
        return Double.isNaN(ratio) ? Format.MISSING : String.format(Locale.ROOT, "%.2f×", ratio);
    }

    private static String share(double fraction) {
        return String.format(Locale.ROOT, "%.1f%%", fraction * 100);
    }
}
