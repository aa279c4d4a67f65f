package dev.hamtlab.bench.report;

import dev.hamtlab.bench.Label;
import dev.hamtlab.bench.Operation;
import dev.hamtlab.bench.Size;
import dev.hamtlab.bench.stats.Comparison;
import dev.hamtlab.bench.stats.ForkStatistics;
import dev.hamtlab.bench.stats.Verdict;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The cells of a run, each the fork means of one (operation, size, label), and the comparisons
 * between them, judged at once: each pair with forks enough on both sides gets its ratio of
 * medians, bootstrap interval and exact Mann-Whitney p-value, and the p-values of each
 * {@link Family} are corrected together, apart from every other family, before any verdict is given.
 */
final class Comparisons {
    /** Two cells compared: {@code after} against {@code before}, at one operation and size. */
    record Pair(Operation operation, Size size, Label before, Label after) {
    }

    /** A pair, its statistics, its family, its p-value adjusted within the family and its verdict. */
    record Judged(Pair pair, Comparison comparison, Family family, double adjustedP, Verdict verdict) {
    }

    private final List<Forks.Fork> forks;
    private final Map<Pair, Judged> judged = new LinkedHashMap<>();

    /** Judges every family's pairs; a pair listed in two families is judged in the first. */
    Comparisons(List<Forks.Fork> forks, Map<Family, List<Pair>> families) {
        this.forks = forks;
        families.forEach(this::judge);
    }

    private void judge(Family family, List<Pair> pairs) {
        Map<Pair, Comparison> compared = new LinkedHashMap<>();
        for (Pair pair : pairs) {
            double[] before = nanos(pair.operation(), pair.size(), pair.before());
            double[] after = nanos(pair.operation(), pair.size(), pair.after());
            if (!judged.containsKey(pair) && before.length >= Verdict.MIN_FORKS && after.length >= Verdict.MIN_FORKS) {
                // A seed of the pair's own: a rebuilt report draws the same resamples.
                compared.put(pair, ForkStatistics.compare(before, after, pair.toString().hashCode()));
            }
        }
        double[] adjusted = family.adjust(compared.values().stream().mapToDouble(Comparison::pValue).toArray());
        int i = 0;
        for (Map.Entry<Pair, Comparison> entry : compared.entrySet()) {
            judged.put(entry.getKey(), new Judged(entry.getKey(), entry.getValue(), family, adjusted[i],
                    Verdict.of(entry.getValue(), adjusted[i])));
            i++;
        }
    }

    /** The judged comparisons of one family, in the order they were listed. */
    List<Judged> of(Family family) {
        return judged.values().stream().filter(j -> j.family() == family).toList();
    }

    /** The pair's statistics and verdict, when both sides have forks enough for one. */
    Optional<Judged> judged(Pair pair) {
        return Optional.ofNullable(judged.get(pair));
    }

    /** A pair's verdict; too few forks when a side has some but not enough; empty when a side has none. */
    Optional<Verdict> verdict(Pair pair) {
        Judged found = judged.get(pair);
        if (found != null) {
            return Optional.of(found.verdict());
        }
        boolean measured = cell(pair.operation(), pair.size(), pair.before()).findAny().isPresent()
                && cell(pair.operation(), pair.size(), pair.after()).findAny().isPresent();
        return measured ? Optional.of(Verdict.TOO_FEW_FORKS) : Optional.empty();
    }

    /** The forks of a cell. */
    Stream<Forks.Fork> cell(Operation operation, Size size, Label label) {
        return forks.stream()
                .filter(f -> f.operation() == operation && f.size().equals(size) && f.label().equals(label));
    }

    /** The fork means of a cell, in ns per op. */
    double[] nanos(Operation operation, Size size, Label label) {
        return cell(operation, size, label).mapToDouble(Forks.Fork::nanos).toArray();
    }

    /** The median of a cell's fork means; empty when it has no fork. */
    Optional<Double> median(Operation operation, Size size, Label label) {
        double[] nanos = nanos(operation, size, label);
        return nanos.length == 0 ? Optional.empty() : Optional.of(ForkStatistics.median(nanos));
    }
}
