package dev.hamtlab.bench.report;

import static dev.hamtlab.bench.report.Format.unsignedPercent;

import dev.hamtlab.bench.Cell;
import dev.hamtlab.bench.Implementation;
import dev.hamtlab.bench.KeyPattern;
import dev.hamtlab.bench.Label;
import dev.hamtlab.bench.Operation;
import dev.hamtlab.bench.TypeProfile;
import dev.hamtlab.bench.profile.Profiles;
import dev.hamtlab.bench.profile.Profiling;
import dev.hamtlab.bench.results.ResultsFolder;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Where the time goes and what inlining buys: the profiled cells' shares of CPU samples with their
 * flame graphs, and each map with polluted type profiles against itself monomorphic.
 */
final class ProfilesSection {
    private final Run run;
    private final ComparisonTables tables;

    ProfilesSection(Run run, ComparisonTables tables) {
        this.run = run;
        this.tables = tables;
    }

    /** The profiled cells: where their CPU samples went, and links to their flame graphs. */
    String whereTheTimeGoes() {
        if (run.profiled.isEmpty()) {
            return "";
        }
        List<Profiles.Profiler> used = run.profiled.stream().map(Profiling.Profiled::profilerUsed)
                .distinct().sorted().toList();
        StringBuilder text = new StringBuilder("## Where the time goes: flame graphs\n\n")
                .append("One profiled fork a cell, run apart from the timed forks (the profiler slows it, so its time")
                .append(" is no measurement). ")
                .append(used.stream().map(p -> "Profiler: " + p.description() + ".").collect(Collectors.joining(" ")))
                .append(used.contains(Profiles.Profiler.JFR)
                        ? " Where JFR stood in, the G1 and JIT parts are empty: it sees Java"
                        + " frames only." : "")
                .append(" The shares are of every thread's CPU samples over the measured iterations, on both cores:")
                .append(" the benchmark thread's own work, the part of it spent in G1's post-write barrier slow path")
                .append(" (enqueueing and refining dirty cards itself), and the other threads'.\n\n| Cell | Profiler | CPU samples |");
        for (Profiles.Part part : Profiles.Part.values()) {
            text.append(" ").append(part.label()).append(" |");
        }
        text.append(" Flame graphs |\n|---|---|---:|")
                .append("---:|".repeat(Profiles.Part.values().length)).append("---|\n");
        for (Profiling.Profiled p
                : run.profiled.stream().sorted(Comparator.comparing((Profiling.Profiled p) -> p.cell().operation())
                .thenComparing(p -> p.cell().size()).thenComparing(p -> p.cell().label().platform())
                .thenComparing(p -> p.cell().label().implementation())).toList()) {
            Cell cell = p.cell();
            String link = ResultsFolder.PROFILES + "/" + cell.fileStem();
            text.append("| ").append(cell.displayName()).append(" | ").append(p.profilerUsed().name().toLowerCase())
                    .append(" | ").append(String.format(Locale.ROOT, "%,d", p.breakdown().samples())).append(" |");
            for (Profiles.Part part : Profiles.Part.values()) {
                text.append(" ").append(unsignedPercent(p.breakdown().share(part))).append(" |");
            }
            text.append(" [CPU](").append(link).append("-cpu.html), [allocation](").append(link)
                    .append("-alloc.html) |\n");
        }
        return text.append("\n").toString();
    }

    /** Each implementation with polluted type profiles against itself monomorphic: what inlining buys. */
    String profileComparisons() {
        if (!(run.profiles.contains(TypeProfile.POLLUTED) && run.profiles.contains(TypeProfile.MONOMORPHIC))) {
            return "";
        }
        StringBuilder text = new StringBuilder("## Type profile: polluted against monomorphic\n\n")
                .append("A polluted fork first puts, gets and removes String and Long keys in maps of the same class,")
                .append(" so that the map's hashCode and equals calls are megamorphic, as in an application;")
                .append(" a negative improvement is what the monomorphic best case flatters.\n\n");
        for (Operation operation : run.operations) {
            for (KeyPattern pattern : run.keys) {
                for (Implementation implementation : run.implementations) {
                    text.append(tables.table(operation,
                            new Label(implementation, false, TypeProfile.MONOMORPHIC, pattern, run.main),
                            new Label(implementation, false, TypeProfile.POLLUTED, pattern, run.main)));
                }
            }
        }
        return text.toString();
    }
}
