package dev.hamtlab.bench.report;

import static dev.hamtlab.bench.report.Format.MISSING;
import static dev.hamtlab.bench.report.Format.nanos;
import static dev.hamtlab.bench.report.Format.interval;
import static dev.hamtlab.bench.report.Format.keysAndProfile;

import dev.hamtlab.bench.Implementation;
import dev.hamtlab.bench.Label;
import dev.hamtlab.bench.Operation;
import dev.hamtlab.bench.Platform;
import dev.hamtlab.bench.Size;
import dev.hamtlab.bench.results.Environment;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The cells measured on more than one platform: each map's time and bytes per op on each, each
 * platform against its reference, and each phase against the phase before it on each platform.
 */
final class PlatformsSection {
    private final Run run;
    private final ComparisonTables tables;

    PlatformsSection(Run run, ComparisonTables tables) {
        this.run = run;
        this.tables = tables;
    }

    /**
     * The cells measured on more than one platform: each map's ns/op and B/op on each, each platform
     * against its reference, and each phase against the phase before it on each platform.
     */
    String markdown() {
        String body = body();
        return body.isEmpty() ? "" : "## Collectors and JDKs\n\n" + body;
    }

    /** The section without its heading, as docs/platforms.md publishes it; empty when the run has one platform. */
    String body() {
        StringBuilder text = new StringBuilder();
        Label like = new Label(Implementation.HASHMAP, false, run.profiles.get(0), run.keys.get(0), run.main);
        for (Operation operation : run.operations) {
            for (Size size : run.sizes) {
                List<Platform> measured = run.platforms.stream().filter(p -> run.implementations.stream()
                        .anyMatch(i -> run.hasForks(operation, size, like.with(i).on(p)))).toList();
                if (measured.size() < 2) {
                    continue;
                }
                List<Implementation> rows = run.implementations.stream()
                        .filter(i -> measured.stream()
                                .anyMatch(p -> p != run.main && run.hasForks(operation, size, like.with(i).on(p))))
                        .toList();
                text.append("### ").append(operation.cliName()).append(" ").append(size.cliName()).append(", ")
                        .append(keysAndProfile(like)).append(": on each platform\n\n| Implementation |");
                measured.forEach(p -> text.append(" ").append(p.displayName()).append(" ns/op | B/op |"));
                text.append("\n|---|").append("---:|---:|".repeat(measured.size())).append("\n");
                for (Implementation implementation : rows) {
                    text.append("| ").append(implementation.displayName()).append(" |");
                    for (Platform platform : measured) {
                        Label label = like.with(implementation).on(platform);
                        text.append(" ").append(run.comparisons.median(operation, size, label)
                                .map(Format::nanos).orElse(MISSING))
                                .append(" | ").append(run.bytesPerOp(operation, label, size)).append(" |");
                    }
                    text.append("\n");
                }
                text.append("\nEach platform against its reference (positive: faster on the platform), the verdict and the 95%")
                        .append(" interval:\n\n| Implementation |");
                List<Platform> others = measured.stream().filter(p -> p != run.main).toList();
                others.forEach(p -> text.append(" ").append(p.displayName()).append(" vs ")
                        .append(run.reference(p).displayName())
                        .append(" |"));
                text.append("\n|---|").append("---:|".repeat(others.size())).append("\n");
                for (Implementation implementation : rows) {
                    text.append("| ").append(implementation.displayName()).append(" |");
                    for (Platform platform : others) {
                        Label on = like.with(implementation).on(platform);
                        text.append(" ").append(tables.judgedCell(new Comparisons.Pair(operation, size,
                                on.on(run.reference(platform)), on)))
                                .append(" |");
                    }
                    text.append("\n");
                }
                List<Implementation> phases = rows.stream()
                        .filter(i -> i.isPhase() && i.beforeAmong(rows).isPresent()).toList();
                if (!phases.isEmpty()) {
                    text.append("\nEach phase against the phase before it, on each platform:\n\n| Phase |");
                    measured.forEach(p -> text.append(" on ").append(p.displayName()).append(" |"));
                    text.append("\n|---|").append("---:|".repeat(measured.size())).append("\n");
                }
                for (Implementation implementation : phases) {
                    Implementation before = implementation.beforeAmong(rows).orElseThrow();
                    text.append("| ").append(implementation.displayName()).append(" vs ")
                            .append(before.displayName()).append(" |");
                    for (Platform platform : measured) {
                        Label on = like.with(implementation).on(platform);
                        text.append(" ").append(tables.judgedCell(new Comparisons.Pair(operation, size,
                                on.with(before), on))).append(" |");
                    }
                    text.append("\n");
                }
                text.append("\n");
            }
        }
        if (text.length() == 0 && !lacksJdk25()) {
            return "";
        }
        return (text.length() == 0 ? ""
                : "The same maps on other platforms, their forks interleaved with G1's in the same"
                        + " rounds. " + platformsLegend()
                        + " B/op is JMH's gc.alloc.rate.norm, as in the allocation tables."
                        + "\n\n")
                + (lacksJdk25() ? Environment.noJdk25Line() + "\n\n" : "")
                + text;
    }

    /** What each platform of the run is, in one sentence each. */
    private String platformsLegend() {
        Map<String, List<String>> flags = run.facts.map(Environment.Facts::flagsByPlatform).orElse(Map.of());
        Size largest = run.sizes.get(run.sizes.size() - 1);
        return run.platforms.stream()
                .map(p -> p.displayName() + ": `" + String.join(" ", flags.getOrDefault(p.cliName(),
                p.forkJvmFlags(largest))) + "`"
                        + (p.onJdk25() ? run.facts.map(Environment.Facts::jdk25).map(j -> " on " + j).orElse("") : ""))
                .collect(Collectors.joining("; ",
                        "Flags of each platform's forks at " + largest.cliName() + " keys: ", "."))
                + " Epsilon never collects: its heap is sized so that each fork's allocation fits.";
    }

    private boolean lacksJdk25() {
        return run.facts.map(f -> Environment.NO_JDK25.equals(f.jdk25())).orElse(false);
    }
}
