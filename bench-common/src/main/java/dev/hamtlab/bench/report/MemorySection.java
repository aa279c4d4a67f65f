package dev.hamtlab.bench.report;

import static dev.hamtlab.bench.report.Format.MISSING;
import static dev.hamtlab.bench.report.Format.unsignedPercent;
import static dev.hamtlab.bench.report.Format.figure;

import dev.hamtlab.bench.Choice;
import dev.hamtlab.bench.Implementation;
import dev.hamtlab.bench.KeyPattern;
import dev.hamtlab.bench.Label;
import dev.hamtlab.bench.Operation;
import dev.hamtlab.bench.Platform;
import dev.hamtlab.bench.Size;
import dev.hamtlab.bench.measure.Footprint;
import dev.hamtlab.bench.measure.TrieShapes;
import dev.hamtlab.bench.results.Launcher;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Memory: the bytes each operation allocates and the collections it causes, each map's bytes per
 * entry, and the pooled phases' slots live against held.
 */
final class MemorySection {
    /** A class of fewer bytes an entry than this is summed into "others" in the bytes by class. */
    private static final double LEAST_CLASS_BYTES = 0.1;

    private final Run run;

    MemorySection(Run run) {
        this.run = run;
    }

    /** Per operation: median bytes per op and collections per fork, for every label and size. */
    String allocation() {
        StringBuilder text = new StringBuilder("## Allocation per operation\n\n")
                .append("Bytes allocated per op (JMH's gc profiler, gc.alloc.rate.norm) and collections during a fork's")
                .append(" measured iterations (gc.count), medians over the forks. Remove rebuilds its map before every call,")
                .append(" outside the time but inside the bytes: its B/op is shown minus insert's, the bytes of that rebuild;")
                .append(" its collections count the full collection that settles each rebuilt map, one a call, outside the")
                .append(" time too, so they say little of the removal itself.\n\n");
        for (Operation operation : run.operations) {
            text.append("### ").append(operation.cliName()).append(" allocation\n\n| Implementation |");
            run.sizes.forEach(size -> text.append(" ").append(size.cliName()).append(" B/op | ")
                    .append(size.cliName()).append(" GCs |"));
            text.append("\n|----------------|").append("------:|------:|".repeat(run.sizes.size())).append("\n");
            for (Label label : run.labels()) {
                text.append("| ").append(label.displayName()).append(" |");
                for (Size size : run.sizes) {
                    text.append(" ").append(run.bytesPerOp(operation, label, size))
                            .append(" | ").append(Run.medianOf(run.comparisons.cell(operation, size,
                                    label), Forks.Fork::gcCount)
                                    .map(c -> String.format(Locale.ROOT, "%,.0f", c)).orElse(MISSING))
                            .append(" |");
                }
                text.append("\n");
            }
            text.append("\n");
        }
        return text.toString();
    }

    /**
     * Bytes per entry of every implementation, keys and values excluded, and for the pooled phases
     * the pool's slots live against held, from their shapes.
     */
    String footprint() {
        StringBuilder text = new StringBuilder("## Memory: bytes per entry\n\n");
        if (run.footprints.isEmpty()) {
            return text.append("None measured for this run; `").append(Launcher.name()).append(" footprint ")
                    .append(run.folder).append("` adds them.\n\n").toString();
        }
        List<Platform> measuredOn = run.footprints.stream().map(Footprint.Measured::platformOrG1)
                .distinct().sorted().toList();
        text.append("The retained size of each map's own objects after inserting the N keys, divided by N: JOL's walk")
                .append(" of the map's object graph (").append(measuredOn.stream().map(p -> (measuredOn.size() > 1
                        ? p.displayName() + ": " : "")
                                + run.footprints.stream().filter(f -> f.platformOrG1() == p).findFirst()
                        .orElseThrow().layout()).collect(Collectors.joining("; "))).append("), less the keys,")
                .append(" which are their own values")
                .append(run.implementations.stream().anyMatch(Implementation::intKeys)
                        ? " (the int-to-int maps hold their keys and values inline as ints: nothing is subtracted, and their"
                                + " figure is the whole cost of an entry)"
                        : "")
                .append(". A persistent map is its final version; a transient is measured as")
                .append(" the persistent map it gives back. The pooled phases' figure includes every pool array the")
                .append(" map keeps reachable, used or not.\n\n| Implementation | Keys |");
        run.sizes.forEach(size -> text.append(" ").append(size.cliName()).append(" |"));
        text.append("\n|---|---|").append("---:|".repeat(run.sizes.size())).append("\n");
        for (Platform platform : measuredOn) {
            for (KeyPattern pattern : run.keys) {
                for (Implementation implementation : run.implementations) {
                    List<String> cells = run.sizes.stream().map(size -> footprint(implementation, pattern, size,
                            platform).map(f -> String.format(Locale.ROOT, "%.1f", f.bytesPerEntry()))
                            .orElse(MISSING)).toList();
                    if (cells.stream().anyMatch(c -> !c.equals(MISSING))) {
                        text.append("| ").append(implementation.displayName())
                                .append(platform == Platform.G1 ? "" : " (" + platform.displayName() + ")")
                                .append(" | ").append(pattern.displayName()).append(" | ")
                                .append(String.join(" | ", cells))
                                .append(" |\n");
                    }
                }
            }
        }
        return text.append("\n").append(bytesByClass(measuredOn)).append(poolHeldAgainstLive()).toString();
    }

    private Optional<Footprint.Measured> footprint(Implementation implementation, KeyPattern pattern, Size size,
            Platform platform) {
        return run.footprints.stream().filter(f -> f.implementation().equals(implementation.cliName())
                && f.keys().equals(pattern.cliName()) && f.size().equals(size.cliName())
                && f.platformOrG1() == platform).findFirst();
    }

    /**
     * Where each map's bytes go: its own bytes per entry by class, for the footprints that recorded
     * their classes (earlier files did not); the classes of less than {@value #LEAST_CLASS_BYTES}
     * bytes an entry are summed as "others", shown when the sum would not read 0.0.
     */
    private String bytesByClass(List<Platform> measuredOn) {
        StringBuilder rows = new StringBuilder();
        for (Platform platform : measuredOn) {
            for (KeyPattern pattern : run.keys) {
                for (Implementation implementation : run.implementations) {
                    for (Size size : run.sizes) {
                        footprint(implementation, pattern, size, platform).filter(f -> f.classBytes() != null)
                                .ifPresent(f -> rows.append("| ").append(implementation.displayName())
                                        .append(platform == Platform.G1 ? "" : " (" + platform.displayName() + ")")
                                        .append(" | ").append(pattern.displayName()).append(" | ")
                                        .append(size.cliName()).append(" | ")
                                        .append(String.format(Locale.ROOT, "%.1f", f.bytesPerEntry())).append(" | ")
                                        .append(byClass(f)).append(" |\n"));
                    }
                }
            }
        }
        if (rows.isEmpty()) {
            return "";
        }
        return "Where the bytes go: each map's own bytes per entry by class, from JOL's class histogram of the same"
                + " walk (the keys' classes less the keys), most first.\n\n"
                + "| Implementation | Keys | Scale | Bytes per entry | By class, bytes per entry |\n"
                + "|---|---|---|---:|---|\n" + rows + "\n";
    }

    /** For example "`Bucket` 11.7, `Object[]` 8.4, others 0.1". */
    private static String byClass(Footprint.Measured footprint) {
        List<String> parts = new ArrayList<>();
        double others = 0;
        for (Map.Entry<String, Long> entry : footprint.classBytes().entrySet()) {
            double perEntry = (double) entry.getValue() / footprint.entries();
            if (perEntry >= LEAST_CLASS_BYTES) {
                parts.add("`" + entry.getKey() + "` " + String.format(Locale.ROOT, "%.1f", perEntry));
            } else {
                others += perEntry;
            }
        }
        if (others >= LEAST_CLASS_BYTES / 2) {
            parts.add("others " + String.format(Locale.ROOT, "%.1f", others));
        }
        return String.join(", ", parts);
    }

    /** The pooled phases' slots live against held, from their shapes: what the pool keeps that no node uses. */
    private String poolHeldAgainstLive() {
        List<TrieShapes.Measured> pooled = run.shapes.stream().filter(s -> s.figures().containsKey("poolSlotsHeld"))
                .sorted(Comparator.comparing((TrieShapes.Measured s) -> Choice.named(Implementation.values(),
                        s.implementation()))
                        .thenComparing(TrieShapes::keysOf).thenComparing(s -> Size.named(s.size())))
                .toList();
        if (pooled.isEmpty()) {
            return "";
        }
        StringBuilder text = new StringBuilder("Pool slots live against held (from the trie shapes below): the live share")
                .append(" is the part of the pool's arrays that nodes use; the rest is carved and abandoned, on a freelist,")
                .append(" or not yet carved.\n\n| Phase | Keys | Scale | Slots live | Slots held | Live share |\n")
                .append("|---|---|---|---:|---:|---:|\n");
        for (TrieShapes.Measured shape : pooled) {
            double live = shape.figures().get("poolSlotsLive").doubleValue();
            double held = shape.figures().get("poolSlotsHeld").doubleValue();
            text.append("| ").append(Choice.named(Implementation.values(), shape.implementation()).displayName())
                    .append(" | ").append(TrieShapes.keysOf(shape).displayName()).append(" | ").append(shape.size())
                    .append(" | ").append(String.format(Locale.ROOT, "%,.0f", live))
                    .append(" | ").append(String.format(Locale.ROOT, "%,.0f", held))
                    .append(" | ").append(unsignedPercent(live / held)).append(" |\n");
        }
        return text.append("\n").toString();
    }
}
