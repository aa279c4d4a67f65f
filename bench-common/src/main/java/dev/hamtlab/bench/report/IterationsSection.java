package dev.hamtlab.bench.report;

import dev.hamtlab.bench.Operation;
import dev.hamtlab.bench.Size;
import dev.hamtlab.bench.measure.CallTime;
import dev.hamtlab.bench.stats.Warmup;
import java.util.List;
import java.util.Locale;

/**
 * The report's account of what each fork's iterations held: how many were warm-up by the
 * {@link Warmup} rule, how many forks never settled, and the fewest calls a measured iteration held,
 * against the {@link CallTime#CALLS_PER_ITERATION} the runner sized them for. Only for runs whose
 * forks recorded their warm-up among their iterations.
 */
final class IterationsSection {
    private final List<Forks.Fork> forks;
    private final List<Operation> operations;
    private final List<Size> sizes;

    IterationsSection(List<Forks.Fork> forks, List<Operation> operations, List<Size> sizes) {
        this.forks = forks;
        this.operations = operations;
        this.sizes = sizes;
    }

    String section() {
        if (forks.stream().allMatch(f -> f.iterations() == Forks.Iterations.FIXED)) {
            return "";
        }
        StringBuilder text = new StringBuilder("## Iterations and warm-up\n\n")
                .append("Every iteration of a fork is recorded; the leading ones are warm-up while each is more than ")
                .append(Format.unsignedPercent(Warmup.TOLERANCE))
                .append(" slower than the median of those after it, and at")
                .append(" least ").append(Warmup.FEWEST_MEASURED)
                .append(" are measured. A fork still warming up when only those")
                .append(" were left is *unsettled*: counted here, measured like the rest. Each map's iterations were sized")
                .append(" to at least ").append(CallTime.CALLS_PER_ITERATION)
                .append(" of its calls (runs before 2026-12-07:")
                .append(" of its cell's slowest map's) and ")
                .append(CallTime.SHORTEST_ITERATION_MILLIS / 1_000)
                .append(" s; *fewest calls* is what the slowest measured")
                .append(" iteration of any of the cell's forks really held.\n\n")
                .append("| Operation | Scale | Forks | Warm-up iterations (median, most) | Unsettled forks | Fewest calls in an iteration |\n")
                .append("|---|---|---:|---|---:|---:|\n");
        for (Operation operation : operations) {
            for (Size size : sizes) {
                List<Forks.Iterations> cell = forks.stream()
                        .filter(f -> f.operation() == operation && f.size().equals(size)
                                && f.iterations() != Forks.Iterations.FIXED)
                        .map(Forks.Fork::iterations).toList();
                if (cell.isEmpty()) {
                    continue;
                }
                int[] warmups = cell.stream().mapToInt(Forks.Iterations::warmup).sorted().toArray();
                double fewestCalls = cell.stream().mapToDouble(Forks.Iterations::fewestCalls).min().orElseThrow();
                text.append("| ").append(operation.cliName()).append(" | ").append(size.cliName()).append(" | ")
                        .append(cell.size()).append(" | ").append(warmups[(warmups.length - 1) / 2]).append(", ")
                        .append(warmups[warmups.length - 1]).append(" | ")
                        .append(cell.stream().filter(i -> !i.settled()).count()).append(" | ")
                        .append(String.format(Locale.ROOT, "%.1f", fewestCalls))
                        .append(fewestCalls < CallTime.CALLS_PER_ITERATION ? " (below "
                                + CallTime.CALLS_PER_ITERATION + ")" : "")
                        .append(" |\n");
            }
        }
        return text.append("\n").toString();
    }
}
