package dev.hamtlab.bench.report;

import static dev.hamtlab.bench.report.Format.MISSING;
import static dev.hamtlab.bench.report.Format.figure;

import dev.hamtlab.bench.Implementation;
import dev.hamtlab.bench.KeyPattern;
import dev.hamtlab.bench.Label;
import dev.hamtlab.bench.MapBenchmark;
import dev.hamtlab.bench.Operation;
import dev.hamtlab.bench.Size;
import dev.hamtlab.bench.TypeProfile;
import dev.hamtlab.bench.measure.PoolCounters;
import dev.hamtlab.bench.measure.TrieShapes;
import dev.hamtlab.bench.results.Launcher;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** What the phases are made of: each trie's shape at each size, and each phase's pool and allocation counters. */
final class ShapesSection {
    private final Run run;

    ShapesSection(Run run) {
        this.run = run;
    }

    /** Each phase's trie at each size: what a lookup walks through. */
    String trieShapes() {
        StringBuilder text = new StringBuilder("## Trie shape\n\n");
        if (run.shapes.isEmpty()) {
            return text.append("None measured for this run; `").append(Launcher.name()).append(" shapes ")
                    .append(run.folder).append("` adds them.\n\n").toString();
        }
        text.append("Each phase's own `shape()` of the trie the lookups read, for each key pattern. A leaf's depth counts")
                .append(" the nodes on its path, the root's own leaves at 1; pool slots are those live slices hold, and those the pool keeps reachable (every array a slice lies in).\n\n")
                .append("| Implementation | Keys | Scale | Entries | Bitmap nodes | Collision nodes | Deepest leaf | Mean depth |")
                .append(" Children per bitmap node | Entries per node | Leaves at depth 1, 2, ... | Pool slots live | Pool slots held |\n")
                .append("|---|---|---|---:|---:|---:|---:|---:|---:|---:|---|---:|---:|\n");
        for (Implementation implementation : run.implementations) {
            for (KeyPattern pattern : run.keys) {
                for (Size size : run.sizes) {
                    run.shapes.stream()
                            .filter(s -> s.implementation().equals(implementation.cliName())
                                    && s.size().equals(size.cliName())
                                    && TrieShapes.keysOf(s) == pattern)
                            .findFirst()
                            .ifPresent(s -> text.append(shapeRow(implementation, pattern, size, s.figures())));
                }
            }
        }
        return text.append("\n").toString();
    }

    private static String shapeRow(Implementation implementation, KeyPattern pattern, Size size,
            Map<String, Number> figures) {
        int deepest = figures.get("maxLeafDepth").intValue();
        String byDepth = IntStream.rangeClosed(1, Math.max(deepest, 1))
                .mapToObj(depth -> figure(figures.get("leavesAtDepth" + depth)))
                .collect(Collectors.joining(" / "));
        return "| " + implementation.displayName() + " | " + pattern.displayName() + " | " + size.cliName()
                + " | " + figure(figures.get("entries")) + " | " + figure(figures.get("bitmapNodes"))
                + " | " + figure(figures.get("collisionNodes")) + " | " + deepest
                + " | " + figure(figures.get("meanLeafDepth")) + " | "
                + figure(figures.get("meanChildrenPerBitmapNode"))
                + " | " + figure(figures.get("entriesPerNode")) + " | " + byDepth
                + " | " + figure(figures.get("poolSlotsLive")) + " | " + figure(figures.get("poolSlotsHeld")) + " |\n";
    }

    /** Per operation, a table of each phase's counters by size. */
    String poolCounters() {
        StringBuilder text = new StringBuilder("## Pool and allocation counters\n\n");
        if (run.counters.isEmpty()) {
            return text.append("None: the runner's JVM ran without -D")
                    .append(PoolCounters.PROPERTY).append("=true.\n\n")
                    .toString();
        }
        text.append("Each phase's own `stats()`, from the operation done once more by the runner on a fresh map with")
                .append(" counting on (never in the timed forks). Insert counts from the new map on; the other operations")
                .append(" show the change over the operation on the filled map, so gauges such as liveSlots show their")
                .append(" change; churn is one call, ").append(MapBenchmark.CHURN_STEPS).append(" steps.\n\n");
        for (Operation operation : run.operations) {
            for (KeyPattern pattern : run.keys) {
                for (Implementation implementation : run.implementations) {
                    List<PoolCounters.Counted> found = run.counters.stream()
                            .filter(c -> c.operation().equals(operation.cliName())
                                    && c.implementation().equals(implementation.cliName())
                                    && c.keyPattern() == pattern)
                            .toList();
                    if (!found.isEmpty()) {
                        text.append(countersTable(operation,
                                new Label(implementation, false, TypeProfile.MONOMORPHIC, pattern),
                                found));
                    }
                }
            }
        }
        return text.toString();
    }

    private String countersTable(Operation operation, Label label, List<PoolCounters.Counted> found) {
        List<String> names = found.stream().flatMap(c -> c.counters().keySet().stream()).distinct().toList();
        StringBuilder text = new StringBuilder()
                .append("### ").append(operation.cliName()).append(": ")
                .append(label.displayName()).append(" counters\n\n")
                .append("| Scale | ").append(String.join(" | ", names)).append(" |\n")
                .append("|-------|").append("------:|".repeat(names.size())).append("\n");
        for (Size size : run.sizes) {
            Optional<PoolCounters.Counted> counted = found.stream()
                    .filter(c -> c.size().equals(size.cliName())).findFirst();
            text.append("| ").append(size.cliName());
            for (String name : names) {
                text.append(" | ").append(counted.map(c -> c.counters().get(name))
                        .map(value -> String.format(Locale.ROOT, "%,d", value)).orElse(MISSING));
            }
            text.append(" |\n");
        }
        return text.append("\n").toString();
    }
}
