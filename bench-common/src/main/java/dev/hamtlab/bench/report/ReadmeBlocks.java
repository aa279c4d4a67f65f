package dev.hamtlab.bench.report;

import static dev.hamtlab.bench.report.Format.MISSING;
import static dev.hamtlab.bench.report.Format.nanos;
import static dev.hamtlab.bench.report.Format.interval;
import static dev.hamtlab.bench.report.Format.keysAndProfile;
import static dev.hamtlab.bench.report.Format.legend;

import dev.hamtlab.bench.Implementation;
import dev.hamtlab.bench.KeyPattern;
import dev.hamtlab.bench.Label;
import dev.hamtlab.bench.Operation;
import dev.hamtlab.bench.Size;
import dev.hamtlab.bench.results.ResultsFolder;
import dev.hamtlab.bench.stats.Comparison;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * What {@code ./bench publish} writes into the READMEs and docs/ from a run: where the numbers come
 * from, its headline charts and one short table; for a run with peers, every map at the largest
 * size; for a flood run, every map by size and each phase against HashMap; for a run on several
 * platforms, its platform tables; a module's phases alone.
 */
final class ReadmeBlocks {
    private final Run run;
    private final ComparisonTables tables;

    ReadmeBlocks(Run run) {
        this.run = run;
        this.tables = new ComparisonTables(run);
    }

    /**
     * A README's view of a run of the phases: where it comes from, its headline charts (their paths
     * start with {@code prefix}, the results folder seen from the README) and one short table, each
     * phase against the one before and the newest against HashMap. {@code brief}, for the top README:
     * the time by size of insert and query-hit, and the table at the largest size alone.
     */
    String headline(List<RunCharts.Drawn> charts, String prefix, boolean brief) {
        StringBuilder text = new StringBuilder(origin()).append("The full tables, the allocation, the")
                .append(" flame graphs and every fork are in its [report](").append(prefix)
                .append(ResultsFolder.REPORT).append(").\n\n");
        charts.stream().filter(c -> brief ? c.brief() : c.headline(true))
                .forEach(c -> text.append(c.markdown(prefix)).append("\n\n"));
        Label like = new Label(Implementation.HASHMAP, false, run.profiles.get(0), run.keys.get(0), run.main);
        List<Label[]> rows = new ArrayList<>();
        for (Implementation phase : run.implementations) {
            phase.beforeAmong(run.implementations).filter(b -> phase.isPhase())
                    .ifPresent(before -> rows.add(new Label[] {like.with(before), like.with(phase)}));
        }
        run.implementations.stream().filter(Implementation::isPhase).reduce((a, b) -> b)
                .filter(newest -> run.implementations.contains(Implementation.HASHMAP))
                .ifPresent(newest -> rows.add(new Label[] {like, like.with(newest)}));
        List<Size> sizes = brief ? List.of(largestMeasured()) : run.sizes;
        text.append("Each phase against the one before (and the newest against HashMap), ").append(keysAndProfile(like))
                .append(" keys").append(brief ? " at " + sizes.get(0).cliName() : "")
                .append(": the improvement, its verdict and 95% interval.\n\n| Comparison | Scale |");
        run.operations.forEach(o -> text.append(" ").append(o.cliName()).append(" |"));
        text.append("\n|---|---|").append("---:|".repeat(run.operations.size())).append("\n");
        for (Label[] row : rows) {
            for (Size size : sizes) {
                text.append("| ").append(row[1].displayName()).append(" vs ").append(row[0].displayName()).append(" | ")
                        .append(size.cliName()).append(" |");
                for (Operation operation : run.operations) {
                    text.append(" ").append(tables.judgedCell(new Comparisons.Pair(operation, size,
                            row[0], row[1]))).append(" |");
                }
                text.append("\n");
            }
        }
        return text.append("\n").append(legend()).append("\n").toString();
    }

    /** Whether the run has peers besides HashMap: then its tables place the phases among them. */
    boolean hasPeers() {
        return run.implementations.stream().filter(i -> !i.isPhase()).count() >= 2;
    }

    /**
     * The README's view of a run with peers: where it comes from, its charts of time and bytes by size (paths from
     * {@code prefix}) and one table of every map's ns per op at the largest size measured, for each
     * operation and key pattern, with its bytes per entry; the full tables stay in its report.
     */
    String peersHeadline(List<RunCharts.Drawn> charts, String prefix) {
        StringBuilder text = new StringBuilder(origin()).append("The full tables (each phase against each peer, with")
                .append(" intervals and verdicts), the allocation and every fork are in its [report](").append(prefix)
                .append(ResultsFolder.REPORT).append(").\n\n");
        charts.stream().filter(c -> c.headline(false)).forEach(c -> text.append(c.markdown(prefix)).append("\n\n"));
        Size largest = largestMeasured();
        text.append("Every map at ").append(largest.cliName())
                .append(" keys: median ns per op (lower is faster), and bytes")
                .append(" per entry.\n\n| Implementation | Driven |");
        for (Operation operation : run.operations) {
            for (KeyPattern pattern : run.keys) {
                text.append(" ").append(operation.cliName())
                        .append(run.keys.size() > 1 ? ", " + pattern.displayName() : "").append(" |");
            }
        }
        text.append(" bytes per entry |\n|---|---|")
                .append("---:|".repeat(run.operations.size() * run.keys.size() + 1)).append("\n");
        for (Implementation implementation : run.implementations) {
            text.append("| ").append(implementation.displayName()).append(" | ")
                    .append(implementation.driven().cliName()).append(" |");
            for (Operation operation : run.operations) {
                for (KeyPattern pattern : run.keys) {
                    text.append(" ").append(run.comparisons.median(operation, largest,
                            new Label(implementation, false, run.profiles.get(0), pattern, run.main))
                                    .map(Format::nanos).orElse(MISSING))
                            .append(" |");
                }
            }
            text.append(" ").append(run.footprints.stream().filter(f -> f.platformOrG1() == run.main
                            && f.implementation().equals(implementation.cliName())
                            && f.keys().equals(run.keys.get(0).cliName())
                            && f.size().equals(largest.cliName()))
                    .findFirst().map(f -> String.format(Locale.ROOT, "%.1f", f.bytesPerEntry()))
                    .orElse(MISSING)).append(" |\n");
        }
        return text.append("\n").toString();
    }

    /** The largest size with forks, or the largest planned when none has any. */
    private Size largestMeasured() {
        return run.sizes.stream().filter(size -> run.forks.stream().anyMatch(f -> f.size().equals(size)))
                .reduce((smaller, larger) -> larger).orElse(run.sizes.get(run.sizes.size() - 1));
    }

    /** Whether the run measured other platforms than its main one: then it is published as a platforms run. */
    boolean hasPlatforms() {
        return run.platforms.size() > 1;
    }

    /** docs/platforms.md's view of a run on several platforms: where it comes from, then its platform tables. */
    String platformsHeadline(String prefix) {
        return origin() + "Its own tables, the allocation, the flame graphs and every fork are in its"
                + " [report](" + prefix + ResultsFolder.REPORT + ").\n\n" + new PlatformsSection(run, tables).body();
    }

    /** Whether the run was made by the preset of that name. */
    boolean madeBy(String preset) {
        return run.facts.map(f -> preset.equals(f.preset())).orElse(false);
    }

    /** A module's tables from a run of its pools under several collectors: each comparison, then each platform's. */
    String poolsSummary(String module) {
        return origin() + legend() + "\n\n" + tables.comparisons(inModule(module)) + "\n"
                + new PlatformsSection(run, tables).body();
    }

    /** Whether the run measured colliding keys alone: a flood run, published in its own block. */
    boolean isFlood() {
        return run.keys.equals(List.of(KeyPattern.COLLIDING));
    }

    /**
     * The README's view of a flood run: where it comes from, then for each operation every map's ns
     * per op by size and each phase against HashMap, whose bins of colliding keys turn into trees.
     */
    String floodHeadline(String prefix) {
        StringBuilder text = new StringBuilder(origin())
                .append("The full tables, the allocation and every fork are in its")
                .append(" [report](").append(prefix).append(ResultsFolder.REPORT).append(").\n\n");
        Label hashMap = new Label(Implementation.HASHMAP, false, run.profiles.get(0), KeyPattern.COLLIDING, run.main);
        for (Operation operation : run.operations) {
            text.append(tables.bySize(operation, hashMap, i -> true))
                    .append(tables.againstEach(operation, hashMap, i -> true,
                            List.of(Implementation.HASHMAP), "HashMap"));
        }
        return text.toString();
    }

    /**
     * The tables of a module's phases alone: the goals set for them that the run can read, then each
     * against the implementation before it and against every peer.
     */
    String moduleSummary(String module) {
        return origin() + legend() + "\n\n" + new GoalsSection(run).markdown(inModule(module))
                + tables.comparisons(inModule(module));
    }

    private static Predicate<Implementation> inModule(String module) {
        return implementation -> implementation.module().equals(Optional.of(module));
    }

    /** Where the numbers come from: the command, the preset, the folder and the machine. */
    String origin() {
        String path = "`results/" + run.folder.getFileName() + "`";
        return run.facts.map(f -> "Measured by `" + f.command() + "` (preset " + f.preset() + ": " + f.presetSettings()
                        + ") on " + f.summary() + "; results and report in " + path + ". ")
                .orElse("Results and report in " + path + ". ");
    }
}
