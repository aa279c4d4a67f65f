package dev.hamtlab.bench.report;

import dev.hamtlab.bench.Cell;
import dev.hamtlab.bench.Label;
import dev.hamtlab.bench.Operation;
import dev.hamtlab.bench.Size;
import dev.hamtlab.bench.results.ResultsFolder;
import dev.hamtlab.bench.BadInput;
import dev.hamtlab.bench.results.Environment;
import dev.hamtlab.bench.stats.Comparison;
import dev.hamtlab.bench.stats.ForkStatistics;
import dev.hamtlab.bench.stats.MultipleComparisons;
import dev.hamtlab.bench.stats.RatioChange;
import dev.hamtlab.bench.stats.Verdict;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The ratio table of two results folders' common cells, B against A, for runs made apart (before
 * and after a change, say): each cell judged by the instrument's own statistics, the p-values
 * corrected together by Benjamini-Hochberg, as a report's findings are.
 */
public final class Compare {
    /** One (operation, size, label) of a run; its string seeds the cell's bootstrap. */
    private record Cell(Operation operation, Size size, Label label) {
    }

    private Compare() {
    }

    /**
     * The markdown: each folder and its environment, the table, and how many cells only one of
     * them has. Refuses two folders with no cell in common.
     */
    public static String table(Path a, Path b) throws IOException, BadInput {
        Map<Cell, double[]> before = cells(a);
        Map<Cell, double[]> after = cells(b);
        List<Cell> common = before.keySet().stream().filter(after::containsKey)
                .sorted(Comparator.comparing(Cell::operation).thenComparing(Cell::size))
                .toList();
        if (common.isEmpty()) {
            throw new BadInput("'" + a + "' and '" + b + "' have no cell (operation, size, label) in common");
        }
        Map<Cell, Comparison> compared = new LinkedHashMap<>();
        for (Cell cell : common) {
            if (before.get(cell).length >= Verdict.MIN_FORKS && after.get(cell).length >= Verdict.MIN_FORKS) {
                compared.put(cell,
                        ForkStatistics.compare(before.get(cell), after.get(cell), cell.toString().hashCode()));
            }
        }
        double[] adjusted = MultipleComparisons.benjaminiHochberg(
                compared.values().stream().mapToDouble(Comparison::pValue).toArray());
        Map<Cell, Verdict> verdicts = new HashMap<>();
        int i = 0;
        for (Map.Entry<Cell, Comparison> entry : compared.entrySet()) {
            verdicts.put(entry.getKey(), Verdict.of(entry.getValue(), adjusted[i++]));
        }

        StringBuilder text = new StringBuilder()
                .append(origin("A", a)).append(origin("B", b))
                .append("\nTimes from two runs on a shared machine compare only as far as the machines and their loads")
                .append(" were alike. B vs A = A median / B median - 1, with its 95% bootstrap interval; verdicts")
                .append(" after the Benjamini-Hochberg correction over these rows, *too few forks* below ")
                .append(Verdict.MIN_FORKS).append(" a side.\n\n")
                .append("| Operation | Label | Scale | A ns/op | B ns/op | B vs A | 95% interval | Verdict |\n")
                .append("|-----------|-------|-------|------:|------:|------:|------:|------|\n");
        for (Cell cell : common) {
            double was = ForkStatistics.median(before.get(cell));
            double is = ForkStatistics.median(after.get(cell));
            text.append("| ").append(cell.operation().cliName())
                    .append(" | ").append(cell.label().displayName())
                    .append(" | ").append(cell.size().cliName())
                    .append(" | ").append(Format.nanos(was))
                    .append(" | ").append(Format.nanos(is))
                    .append(" | ").append(Format.percent(was / is - 1))
                    .append(" | ").append(Optional.ofNullable(compared.get(cell))
                            .map(Format::interval).orElse(Format.MISSING))
                    .append(" | ").append(verdicts.getOrDefault(cell, Verdict.TOO_FEW_FORKS).label())
                    .append(" |\n");
        }
        long onlyA = before.keySet().stream().filter(c -> !after.containsKey(c)).count();
        long onlyB = after.keySet().stream().filter(c -> !before.containsKey(c)).count();
        return text.append("\nLeft out, cells only in A: ").append(onlyA).append("; only in B: ").append(onlyB)
                .append(".\n\n").append(replication(Run.read(a).comparisons, Run.read(b).comparisons, before, after))
                .toString();
    }

    /**
     * Whether each report's findings replicate in the other: every comparison both judged, family by
     * family, with its verdict and interval in each, and how far it moved from A to B. A finding
     * replicates when both runs give it the same verdict, *faster* or *slower*; a *same* in both is
     * agreement, not a finding.
     */
    private static String replication(Comparisons a, Comparisons b, Map<Cell, double[]> cellsA,
            Map<Cell, double[]> cellsB) {
        StringBuilder text = new StringBuilder("## Replication: the comparisons both reports judged\n\n")
                .append("Each report's own verdicts, family by family, as its report gives them. *B / A* is the")
                .append(" comparison's ratio in B over its ratio in A, minus 1, with its 95% bootstrap interval (the four")
                .append(" cells' forks resampled each on its own): how far the after map moved against the before map")
                .append(" between the runs, read from ratios measured inside each run, never from times of two runs.\n\n")
                .append("| Family | Shared | Replicated findings | Same in both | Different verdicts |\n|---|---:|---:|---:|---:|\n");
        StringBuilder rows = new StringBuilder("| Family | Operation | Scale | Comparison | A | B | Reads | B / A |\n")
                .append("|---|---|---|---|---|---|---|---|\n");
        for (Family family : Family.values()) {
            int shared = 0;
            int replicated = 0;
            int same = 0;
            for (Comparisons.Judged inA : a.of(family)) {
                Optional<Comparisons.Judged> inB = b.judged(inA.pair());
                if (inB.isEmpty()) {
                    continue;
                }
                shared++;
                boolean agree = inA.verdict() == inB.get().verdict();
                replicated += agree && inA.verdict() != Verdict.SAME ? 1 : 0;
                same += agree && inA.verdict() == Verdict.SAME ? 1 : 0;
                Comparisons.Pair pair = inA.pair();
                rows.append("| ").append(family.title()).append(" | ").append(pair.operation().cliName()).append(" | ")
                        .append(pair.size().cliName()).append(" | ").append(pair.after().displayName()).append(" vs ")
                        .append(pair.before().displayName()).append(" | ").append(finding(inA)).append(" | ")
                        .append(finding(inB.get())).append(" | ")
                        .append(!agree ? "different" : inA.verdict() == Verdict.SAME ? "same in both" : "replicates")
                        .append(" | ").append(change(pair, cellsA, cellsB)).append(" |\n");
            }
            if (shared > 0) {
                text.append("| ").append(family.title()).append(" | ").append(shared).append(" | ").append(replicated)
                        .append(" | ").append(same).append(" | ").append(shared - replicated - same).append(" |\n");
            }
        }
        return text.append("\n").append(rows).toString();
    }

    /** "+1.2% [-3.0%, +5.1%]": the pair's ratio in B over its ratio in A, or the missing mark without two forks a cell. */
    private static String change(Comparisons.Pair pair, Map<Cell, double[]> cellsA, Map<Cell, double[]> cellsB) {
        double[][] cells = {cellsA.get(new Cell(pair.operation(), pair.size(), pair.before())),
                cellsA.get(new Cell(pair.operation(), pair.size(), pair.after())),
                cellsB.get(new Cell(pair.operation(), pair.size(), pair.before())),
                cellsB.get(new Cell(pair.operation(), pair.size(), pair.after()))};
        if (Arrays.stream(cells).anyMatch(cell -> cell == null || cell.length < 2)) {
            return Format.MISSING;
        }
        RatioChange moved = ForkStatistics.changeOfRatio(cells[0], cells[1], cells[2], cells[3],
                pair.toString().hashCode());
        return Format.percent(moved.change() - 1) + " [" + Format.percent(moved.low() - 1) + ", "
                + Format.percent(moved.high() - 1) + "]";
    }

    /** "+12.3% faster [+8.0%, +15.1%]". */
    private static String finding(Comparisons.Judged judged) {
        return Format.percent(judged.comparison().improvement()) + " " + judged.verdict().label() + " "
                + Format.interval(judged.comparison());
    }

    /** "- A: `folder`, measured by `command` on its machine", or without the environment when the folder has none. */
    private static String origin(String name, Path folder) throws IOException {
        return "- " + name + ": `" + folder + "`" + Environment.read(folder)
                .map(f -> ", measured by `" + f.command() + "` on " + f.summary())
                .orElse(", no " + ResultsFolder.ENVIRONMENT_JSON) + "\n";
    }

    /** The fork means of each cell of a folder, cells in the order their forks are found. */
    private static Map<Cell, double[]> cells(Path folder) throws IOException {
        Map<Cell, List<Double>> found = new LinkedHashMap<>();
        for (Forks.Fork fork : Forks.read(folder)) {
            found.computeIfAbsent(new Cell(fork.operation(), fork.size(), fork.label()), c -> new ArrayList<>())
                    .add(fork.nanos());
        }
        Map<Cell, double[]> cells = new LinkedHashMap<>();
        found.forEach((cell, nanos) -> cells.put(cell, nanos.stream().mapToDouble(Double::doubleValue).toArray()));
        return cells;
    }
}
