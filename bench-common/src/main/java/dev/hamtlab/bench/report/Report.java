package dev.hamtlab.bench.report;

import dev.hamtlab.bench.Cell;
import dev.hamtlab.bench.Choice;
import dev.hamtlab.bench.Implementation;
import dev.hamtlab.bench.KeyPattern;
import dev.hamtlab.bench.Label;
import dev.hamtlab.bench.MapBenchmark;
import dev.hamtlab.bench.Operation;
import dev.hamtlab.bench.Platform;
import dev.hamtlab.bench.Size;
import dev.hamtlab.bench.TypeProfile;
import dev.hamtlab.bench.measure.Footprint;
import dev.hamtlab.bench.measure.PoolCounters;
import dev.hamtlab.bench.measure.TrieShapes;
import dev.hamtlab.bench.profile.Profiles;
import dev.hamtlab.bench.profile.Profiling;
import dev.hamtlab.bench.runner.Environment;
import dev.hamtlab.bench.runner.Preset;
import dev.hamtlab.bench.runner.RunOptions;
import dev.hamtlab.bench.stats.Comparison;
import dev.hamtlab.bench.stats.Verdict;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.apache.commons.math3.stat.descriptive.rank.Median;

/**
 * Writes report.md, summary.md and forks.md of a results folder from its raw JMH JSON, its fork log
 * and its environment.json alone, so cached results rebuild the report without rerunning anything.
 *
 * <p>Each cell (operation, size, label) is the median of its fork means. Every comparison the
 * report shows is one family, judged at once by {@link Comparisons}.
 */
public final class Report {
    /** The folder of a results folder that holds the raw files: JMH's JSON, counters, shapes, footprints. */
    public static final String RAW_FOLDER = "raw";
    public static final String REPORT_FILE = "report.md";
    public static final String SUMMARY_FILE = "summary.md";
    /**
     * One line per fork, written by the runner as each fork ends: raw file, start time, load average
     * and the host watched around it (see {@link dev.hamtlab.bench.measure.HostWatch}).
     */
    public static final String FORK_LOG = "forks.tsv";
    public static final String FORKS_FILE = "forks.md";

    /** What a table shows for a figure it has no forks for. */
    static final String MISSING = "–";

    private final Path folder;
    private final Optional<Environment.Facts> facts;
    private final List<Forks.Fork> forks;
    private final List<PoolCounters.Counted> counters;
    private final List<TrieShapes.Measured> shapes;
    private final List<Footprint.Measured> footprints;
    private final List<Profiling.Profiled> profiled;
    private final List<Operation> operations;
    private final List<Implementation> implementations;
    private final List<Size> sizes;
    private final List<TypeProfile> profiles;
    private final List<KeyPattern> keys;
    /** Every platform planned or measured, the main plan's first: the one every table but the platforms' reads. */
    private final List<Platform> platforms;
    private final Platform main;
    private final Optional<Label> control;
    private final Map<Family, List<Comparisons.Pair>> families;
    private final Comparisons comparisons;

    private Report(Path folder, Optional<Environment.Facts> facts, List<Forks.Fork> forks,
            List<PoolCounters.Counted> counters, List<TrieShapes.Measured> shapes, List<Footprint.Measured> footprints,
            List<Profiling.Profiled> profiled) {
        this.folder = folder;
        this.profiled = profiled;
        this.facts = facts;
        this.forks = forks;
        this.counters = counters;
        this.shapes = shapes;
        this.footprints = footprints;
        // What the run planned (from its environment) and what it produced: planned cells without
        // a fork show as missing, whatever the raw folder holds still shows.
        this.operations = union(Operation.class, facts.map(Environment.Facts::operations), f -> f.operation());
        this.implementations = union(Implementation.class, facts.map(Environment.Facts::implementations),
                f -> f.label().implementation());
        Set<Size> allSizes = new TreeSet<>();
        facts.map(Environment.Facts::sizes).orElse(List.of()).forEach(label -> Size.parse(label).ifPresent(allSizes::add));
        forks.forEach(f -> allSizes.add(f.size()));
        this.sizes = List.copyOf(allSizes);
        // Runs made before the type profiles existed have none recorded: theirs was monomorphic.
        List<TypeProfile> found = union(TypeProfile.class, facts.map(Environment.Facts::profiles), f -> f.label().profile());
        this.profiles = found.isEmpty() ? List.of(TypeProfile.MONOMORPHIC) : found;
        // And runs made before the key patterns existed: theirs were random.
        List<KeyPattern> patterns = union(KeyPattern.class, facts.map(Environment.Facts::keys).filter(Objects::nonNull),
                f -> f.label().keys());
        this.keys = patterns.isEmpty() ? List.of(KeyPattern.RANDOM) : patterns;
        // The planned platforms come main plan's first; a folder without its environment has its forks' alone.
        Set<Platform> allPlatforms = new LinkedHashSet<>();
        facts.map(Environment.Facts::flagsByPlatform).ifPresent(flags -> flags.keySet()
                .forEach(name -> Choice.find(Platform.values(), name).ifPresent(allPlatforms::add)));
        forks.stream().map(f -> f.label().platform()).sorted().forEach(allPlatforms::add);
        this.platforms = allPlatforms.isEmpty() ? List.of(Platform.G1) : List.copyOf(allPlatforms);
        this.main = platforms.get(0);
        this.control = forks.stream().map(Forks.Fork::label).filter(Label::control).findFirst()
                .or(() -> facts.map(Environment.Facts::control)
                        .flatMap(name -> Choice.find(Implementation.values(), name))
                        .map(implementation -> new Label(implementation, true, profiles.get(0), keys.get(0), main)));
        this.families = families();
        this.comparisons = new Comparisons(forks, families);
    }

    /** Its comparisons, judged family by family. */
    Comparisons comparisons() {
        return comparisons;
    }

    /** The report of a results folder, read from its files. */
    public static Report read(Path folder) throws IOException {
        Path raw = folder.resolve(RAW_FOLDER);
        return new Report(folder, Environment.read(folder), Forks.read(folder), readCounters(raw), readShapes(raw),
                readFootprints(raw), Profiling.read(folder));
    }

    /** The sizes the run planned or measured. */
    public List<Size> sizes() {
        return sizes;
    }

    /** The key patterns the run planned or measured. */
    public List<KeyPattern> keys() {
        return keys;
    }

    /** The implementations the run planned or measured. */
    public List<Implementation> implementations() {
        return implementations;
    }

    /** The name of one fork's JMH JSON in raw/. */
    public static String rawFileName(Operation operation, Label label, Size size, int fork) {
        return String.format(Locale.ROOT, "%s_%s_%s_f%02d.json", operation.cliName(), label.fileStem(), size.cliName(), fork);
    }

    /** The name of a phase's counters file in raw/. */
    public static String countersFileName(Operation operation, Implementation implementation, KeyPattern keys, Size size) {
        return PoolCounters.FILE_PREFIX + operation.cliName() + "_" + new Label(implementation, false,
                TypeProfile.MONOMORPHIC, keys).fileStem() + "_" + size.cliName() + ".json";
    }

    /** Writes the folder's report.md, with its charts, summary.md and forks.md. */
    public static void write(Path folder) throws IOException {
        Report report = read(folder);
        Files.writeString(folder.resolve(REPORT_FILE), report.full(report.drawCharts()));
        Files.writeString(folder.resolve(SUMMARY_FILE), report.summary());
        Files.writeString(folder.resolve(FORKS_FILE), report.forkTable());
    }

    /** The command that rebuilds the folder's report. */
    public static String rebuildCommand(Path folder) {
        return RunOptions.launcher() + " report " + folder;
    }

    /** A time in ns, as the tables show it: "1,234.5". */
    public static String nanos(double nanos) {
        return String.format(Locale.ROOT, "%,.1f", nanos);
    }

    /**
     * The comparisons the report judges, by family: each phase against the implementation before
     * it and against every peer, under each key pattern and profile; each map on each other platform;
     * each implementation polluted against monomorphic; the A/A controls.
     */
    private Map<Family, List<Comparisons.Pair>> families() {
        Map<Family, List<Comparisons.Pair>> families = new EnumMap<>(Family.class);
        for (Family family : Family.values()) {
            families.put(family, new ArrayList<>());
        }
        for (Size size : sizes) {
            for (Operation operation : operations) {
                for (KeyPattern pattern : keys) {
                    for (TypeProfile profile : profiles) {
                        for (Implementation after : implementations) {
                            if (after.isPhase()) {
                                Label label = new Label(after, false, profile, pattern, main);
                                Stream.of(label.before(), label.phaseBefore()).flatMap(Optional::stream)
                                        .filter(b -> implementations.contains(b.implementation()))
                                        .forEach(before -> families.get(before.implementation().isPhase() ? Family.PHASE_STEPS
                                                : Family.PEERS).add(new Comparisons.Pair(operation, size, before, label)));
                                for (Implementation peer : implementations) {
                                    if (!peer.isPhase()) {
                                        families.get(Family.PEERS).add(new Comparisons.Pair(operation, size, label.with(peer), label));
                                    }
                                }
                            }
                        }
                    }
                    if (pattern == keys.get(0)) {
                        addPlatformPairs(families, operation, size, new Label(Implementation.HASHMAP, false, profiles.get(0),
                                pattern, main));
                    }
                    if (profiles.contains(TypeProfile.POLLUTED) && profiles.contains(TypeProfile.MONOMORPHIC)) {
                        for (Implementation implementation : implementations) {
                            families.get(Family.TYPE_PROFILES).add(new Comparisons.Pair(operation, size,
                                    new Label(implementation, false, TypeProfile.MONOMORPHIC, pattern, main),
                                    new Label(implementation, false, TypeProfile.POLLUTED, pattern, main)));
                        }
                    }
                }
                control.ifPresent(c -> families.get(Family.CONTROLS).add(new Comparisons.Pair(operation, size, primaryOf(c), c)));
            }
        }
        return families;
    }

    /**
     * On each platform but the main one, where the cell has forks: each implementation against itself
     * on the platform's reference, and each phase against the phase before it on the same platform.
     */
    private void addPlatformPairs(Map<Family, List<Comparisons.Pair>> families, Operation operation, Size size, Label like) {
        for (Platform platform : platforms) {
            if (platform == main) {
                continue;
            }
            for (Implementation implementation : implementations) {
                Label on = like.with(implementation).on(platform);
                if (!hasForks(operation, size, on)) {
                    continue;
                }
                families.get(Family.PLATFORMS).add(new Comparisons.Pair(operation, size, on.on(reference(platform)), on));
                implementation.beforeAmong(implementations).map(on::with).filter(b -> hasForks(operation, size, b))
                        .ifPresent(before -> families.get(Family.PLATFORM_STEPS).add(new Comparisons.Pair(operation, size, before, on)));
            }
        }
    }

    /** The platform's reference if the run has it, else the main platform. */
    private Platform reference(Platform platform) {
        return platforms.contains(platform.reference()) ? platform.reference() : main;
    }

    private boolean hasForks(Operation operation, Size size, Label label) {
        return forks.stream().anyMatch(f -> f.operation() == operation && f.size().equals(size) && f.label().equals(label));
    }

    private static Label primaryOf(Label control) {
        return control.with(control.implementation());
    }

    /** How many comparisons of each phase with the phase before it have each verdict, for the summary line. */
    private Map<String, Long> phaseVerdicts() {
        return families.get(Family.PHASE_STEPS).stream()
                .flatMap(p -> comparisons.verdict(p).stream())
                .collect(Collectors.groupingBy(Verdict::label, TreeMap::new, Collectors.counting()));
    }

    /** Draws the run's charts into its charts/ folder: the main platform, the first key pattern and profile. */
    List<RunCharts.Drawn> drawCharts() throws IOException {
        return RunCharts.draw(folder, operations, sizes, implementations,
                new Label(Implementation.HASHMAP, false, profiles.get(0), keys.get(0), main), comparisons, footprints);
    }

    private String full(List<RunCharts.Drawn> charts) {
        FamiliesSection familiesSection = new FamiliesSection(families, comparisons);
        return "# hamtlab benchmark report: " + folder.getFileName() + "\n\n"
                + familiesSection.failures()
                + howItWasMade() + "\n"
                + resolution()
                + familiesSection.section()
                + new IterationsSection(forks, operations, sizes).section()
                + (charts.isEmpty() ? "" : "## Charts\n\n" + charts.stream().map(c -> c.markdown("") + "\n\n")
                        .collect(Collectors.joining()))
                + theMaps()
                + comparisons(implementation -> true)
                + profileComparisons()
                + onEachPlatform()
                + whereTheTimeGoes()
                + allocation()
                + footprint()
                + trieShapes()
                + poolCounters()
                + new HostSection(forks, comparisons, families).markdown()
                + allResults();
    }

    String summary() {
        return new FamiliesSection(families, comparisons).failures() + origin() + legend() + "\n\n" + resolution() + comparisons(implementation -> true);
    }

    /**
     * The README's view of a run: where it comes from, its headline charts (their paths start with
     * {@code prefix}, the results folder seen from the README) and one short table, each phase
     * against the one before and the newest against HashMap; the full tables stay in its report.
     */
    String headline(List<RunCharts.Drawn> charts, String prefix) {
        StringBuilder text = new StringBuilder(origin()).append("The full tables, the platforms, the allocation, the")
                .append(" flame graphs and every fork are in its [report](").append(prefix).append(REPORT_FILE).append(").\n\n");
        charts.stream().filter(c -> c.headline(true)).forEach(c -> text.append(c.markdown(prefix)).append("\n\n"));
        Label like = new Label(Implementation.HASHMAP, false, profiles.get(0), keys.get(0), main);
        List<Label[]> rows = new ArrayList<>();
        for (Implementation phase : implementations) {
            phase.beforeAmong(implementations).filter(b -> phase.isPhase())
                    .ifPresent(before -> rows.add(new Label[] {like.with(before), like.with(phase)}));
        }
        implementations.stream().filter(Implementation::isPhase).reduce((a, b) -> b)
                .filter(newest -> implementations.contains(Implementation.HASHMAP))
                .ifPresent(newest -> rows.add(new Label[] {like, like.with(newest)}));
        text.append("Each phase against the one before (and the newest against HashMap), ").append(keysAndProfile(like))
                .append(" keys: the improvement, its verdict and 95% interval.\n\n| Comparison | Scale |");
        operations.forEach(o -> text.append(" ").append(o.cliName()).append(" |"));
        text.append("\n|---|---|").append("---:|".repeat(operations.size())).append("\n");
        for (Label[] row : rows) {
            for (Size size : sizes) {
                text.append("| ").append(row[1].displayName()).append(" vs ").append(row[0].displayName()).append(" | ")
                        .append(size.cliName()).append(" |");
                for (Operation operation : operations) {
                    text.append(" ").append(judgedCell(new Comparisons.Pair(operation, size, row[0], row[1]))).append(" |");
                }
                text.append("\n");
            }
        }
        return text.append("\n").append(legend()).append("\n").toString();
    }

    /** Whether the run has peers besides HashMap: then its tables place the phases among them. */
    boolean hasPeers() {
        return implementations.stream().filter(i -> !i.isPhase()).count() >= 2;
    }

    /**
     * The README's view of a run with peers: where it comes from, its charts of time and bytes by size (paths from
     * {@code prefix}) and one table of every map's ns per op at the largest size measured, for each
     * operation and key pattern, with its bytes per entry; the full tables stay in its report.
     */
    String peersHeadline(List<RunCharts.Drawn> charts, String prefix) {
        StringBuilder text = new StringBuilder(origin()).append("The full tables (each phase against each peer, with")
                .append(" intervals and verdicts), the allocation and every fork are in its [report](").append(prefix)
                .append(REPORT_FILE).append(").\n\n");
        charts.stream().filter(c -> c.headline(false)).forEach(c -> text.append(c.markdown(prefix)).append("\n\n"));
        Size largest = sizes.stream().filter(size -> forks.stream().anyMatch(f -> f.size().equals(size)))
                .reduce((smaller, larger) -> larger).orElse(sizes.get(sizes.size() - 1));
        text.append("Every map at ").append(largest.cliName()).append(" keys: median ns per op (lower is faster), and bytes")
                .append(" per entry.\n\n| Implementation | Driven |");
        for (Operation operation : operations) {
            for (KeyPattern pattern : keys) {
                text.append(" ").append(operation.cliName()).append(keys.size() > 1 ? ", " + pattern.displayName() : "").append(" |");
            }
        }
        text.append(" bytes per entry |\n|---|---|").append("---:|".repeat(operations.size() * keys.size() + 1)).append("\n");
        for (Implementation implementation : implementations) {
            text.append("| ").append(implementation.displayName()).append(" | ").append(implementation.driven().cliName()).append(" |");
            for (Operation operation : operations) {
                for (KeyPattern pattern : keys) {
                    text.append(" ").append(comparisons.median(operation, largest,
                            new Label(implementation, false, profiles.get(0), pattern, main)).map(Report::nanos).orElse(MISSING))
                            .append(" |");
                }
            }
            text.append(" ").append(footprints.stream().filter(f -> f.platformOrG1() == main
                            && f.implementation().equals(implementation.cliName()) && f.keys().equals(keys.get(0).cliName())
                            && f.size().equals(largest.cliName()))
                    .findFirst().map(f -> String.format(Locale.ROOT, "%.1f", f.bytesPerEntry())).orElse(MISSING)).append(" |\n");
        }
        return text.append("\n").toString();
    }

    /** Whether the run measured colliding keys alone: a flood run, published in its own block. */
    boolean isFlood() {
        return keys.equals(List.of(KeyPattern.COLLIDING));
    }

    /**
     * The README's view of a flood run: where it comes from, then for each operation every map's ns
     * per op by size and each phase against HashMap, whose bins of colliding keys turn into trees.
     */
    String floodHeadline(String prefix) {
        StringBuilder text = new StringBuilder(origin()).append("The full tables, the allocation and every fork are in its")
                .append(" [report](").append(prefix).append(REPORT_FILE).append(").\n\n");
        Label hashMap = new Label(Implementation.HASHMAP, false, profiles.get(0), KeyPattern.COLLIDING, main);
        for (Operation operation : operations) {
            text.append(bySize(operation, hashMap, i -> true))
                    .append(againstEach(operation, hashMap, i -> true, List.of(Implementation.HASHMAP), "HashMap"));
        }
        return text.toString();
    }

    /** The tables of a module's phases alone: each against the implementation before it and against every peer. */
    String moduleSummary(String module) {
        return origin() + legend() + "\n\n" + comparisons(i -> i.module().equals(Optional.of(module)));
    }

    /** Where the numbers come from: the command, the preset, the folder and the machine. */
    private String origin() {
        String path = "`results/" + folder.getFileName() + "`";
        return facts.map(f -> "Measured by `" + f.command() + "` (preset " + f.preset() + ": " + f.presetSettings()
                        + ") on " + f.summary() + "; results and report in " + path + ". ")
                .orElse("Results and report in " + path + ". ");
    }

    private String howItWasMade() {
        StringBuilder text = new StringBuilder("## How this was made\n\n");
        facts.ifPresentOrElse(f -> text
                .append("- Command: `").append(f.command()).append("`, run in `").append(f.workingDirectory()).append("`\n")
                .append("- Preset: ").append(f.preset()).append(": ").append(f.presetSettings())
                .append("; forked JVMs' flags: ")
                .append(f.forkJvmFlags().isEmpty() ? "none (no fork)" : String.join(" ", f.forkJvmFlags())).append("\n")
                .append("- Forks: each round gives every label one fork, in an order shuffled by seed ").append(f.seed())
                .append("; the fork log, with each fork's collections, pause time and load average, is [")
                .append(FORKS_FILE).append("](").append(FORKS_FILE).append(")\n")
                .append("- Load average (1, 5, 15 min): ").append(f.loadAverageAtStart()).append(" at the start, ")
                .append(f.loadAverageAtEnd() == null ? "not recorded at the end (cut short?)" : f.loadAverageAtEnd() + " at the end")
                .append("\n")
                .append("- Environment: ").append(f.summary()).append("; all details in [")
                .append(Environment.MARKDOWN_FILE).append("](").append(Environment.MARKDOWN_FILE).append(")\n"),
                () -> text.append("- Environment: unknown, the folder has no ").append(Environment.JSON_FILE).append("\n"));
        text.append("- Generated from ").append(forks.size()).append(" forks in ").append(RAW_FOLDER)
                .append("/*.json (JMH's JSON); rebuild it with `").append(rebuildCommand(folder)).append("`\n");
        text.append("- ").append(legend()).append("\n");
        Map<String, Long> verdicts = phaseVerdicts();
        if (!verdicts.isEmpty()) {
            text.append("- Phase against phase: ").append(judgedCount(verdicts)).append(" comparisons; verdicts: ")
                    .append(verdicts.entrySet().stream().map(e -> e.getValue() + " " + e.getKey()).collect(Collectors.joining(", ")))
                    .append("\n");
        }
        if (facts.map(f -> f.preset().equals(Preset.SMOKE.cliName())).orElse(false)) {
            text.append("- Smoke preset: these runs only prove that the benchmarks work; their numbers mean nothing.\n");
        }
        long missing = missingCells();
        if (missing > 0) {
            text.append("- ").append(missing).append(" planned cells have no fork (failed or cut short): ")
                    .append(MISSING).append(" in the tables.\n");
        }
        return text.toString();
    }

    private static long judgedCount(Map<String, Long> verdicts) {
        return verdicts.values().stream().mapToLong(Long::longValue).sum();
    }

    /** How many (operation, size, label) cells the run planned that have no fork. */
    private long missingCells() {
        long missing = 0;
        for (Operation operation : operations) {
            for (Size size : sizes) {
                for (Label label : labels()) {
                    missing += comparisons.cell(operation, size, label).findAny().isEmpty() ? 1 : 0;
                }
            }
        }
        return missing;
    }

    private List<Label> labels() {
        Set<Label> labels = new LinkedHashSet<>();
        for (KeyPattern pattern : keys) {
            for (TypeProfile profile : profiles) {
                implementations.forEach(i -> labels.add(new Label(i, false, profile, pattern, main)));
            }
        }
        control.ifPresent(labels::add);
        return List.copyOf(labels);
    }

    /** The main platform's labels, then those of the cell's forks on other platforms. */
    private List<Label> labelsWithOtherPlatforms(Operation operation, Size size) {
        Set<Label> labels = new LinkedHashSet<>(labels());
        forks.stream().filter(f -> f.operation() == operation && f.size().equals(size) && f.label().platform() != main)
                .map(Forks.Fork::label).sorted(Comparator.comparing(Label::platform).thenComparing(Label::implementation))
                .forEach(labels::add);
        return List.copyOf(labels);
    }

    private static String legend() {
        return "Each cell is the median of its forks' mean ns per op (the fork is the unit of repetition);"
                + " ops/s = 10^9 / ns/op; improvement = after ops/s / before ops/s - 1, with its 95% bootstrap interval"
                + " (forks resampled); verdict *faster* or *slower* when an exact Mann-Whitney test on the fork means"
                + " stays significant at 5% after the correction of its family (Benjamini-Hochberg within the phase"
                + " steps, the peers, the platforms and the type profiles, each apart; Holm within the A/A controls)"
                + " and the interval excludes 0, *same* otherwise, *too few forks* below " + Verdict.MIN_FORKS + " a side.";
    }

    /**
     * What each implementation is, where it comes from and how the benchmarks drive it, and the
     * key patterns: what a reader needs to read a peer's row fairly.
     */
    private String theMaps() {
        if (implementations.stream().allMatch(Implementation::isPhase) || implementations.size() < 2) {
            return "";
        }
        Map<String, String> libraries = facts.map(Environment.Facts::libraries).orElse(Map.of());
        StringBuilder text = new StringBuilder("## The maps and the keys\n\n")
                .append("Every map goes through an adapter that forwards each call to one method of the map; put and")
                .append(" remove return nothing, so no adapter looks a key up twice (what the adapters and Object-typed keys")
                .append(" cost HashMap's lookups is measured in the README). A persistent")
                .append(" map pays for copying the path from the root on every change, which a mutable or transient one does")
                .append(" not: their insert rows compare ways of building a map as much as data structures.")
                .append(implementations.stream().anyMatch(Implementation::intKeys)
                        ? " The int-to-int maps (" + intMapNames() + ") go through no Object-keyed adapter: their own"
                                + " benchmark calls them with the same keys unboxed to ints, each through one final forwarding"
                                + " class the JIT inlines, and they store ints, not Integer objects."
                        : "")
                .append("\n\n| Implementation | Library | Driven |\n|---|---|---|\n");
        for (Implementation implementation : implementations) {
            text.append("| ").append(implementation.displayName())
                    .append(" | ").append(libraries.getOrDefault(implementation.cliName(), implementation.library()))
                    .append(" | ").append(implementation.driven().description()).append(" |\n");
        }
        text.append("\n| Keys | What they are |\n|---|---|\n");
        keys.forEach(pattern -> text.append("| ").append(pattern.displayName()).append(" | ").append(pattern.description())
                .append(" |\n"));
        return text.append("\n").toString();
    }

    /** The A/A control per operation and size: its interval's half-width is what this run can resolve. */
    private String resolution() {
        if (control.isEmpty()) {
            return "";
        }
        Label aa = control.get();
        StringBuilder text = new StringBuilder("## Resolution: the A/A control\n\n")
                .append(aa.implementation().displayName()).append(" is measured under two labels, interleaved with")
                .append(" every other fork; the two must read *same*, and the half-width of their interval is the")
                .append(" smallest difference this run resolves at that operation and size.\n\n")
                .append("| Operation | Scale | A/A improvement | 95% interval | Half-width | Verdict | Goal |\n")
                .append("|-----------|-------|------:|------:|------:|------|------|\n");
        Optional<Preset> preset = facts.flatMap(f -> Choice.find(Preset.values(), f.preset()));
        for (Operation operation : operations) {
            for (Size size : sizes) {
                Optional<Comparisons.Judged> found = comparisons.judged(new Comparisons.Pair(operation, size, primaryOf(aa), aa));
                Optional<Double> goal = preset.flatMap(p -> p.resolutionGoal(operation, size));
                text.append("| ").append(operation.cliName()).append(" | ").append(size.cliName())
                        .append(" | ").append(found.map(j -> percent(j.comparison().improvement())).orElse(MISSING))
                        .append(" | ").append(found.map(j -> interval(j.comparison())).orElse(MISSING))
                        .append(" | ").append(found.map(j -> unsignedPercent(j.comparison().halfWidth())).orElse(MISSING))
                        .append(" | ").append(found.map(j -> j.verdict().label()).orElse(MISSING))
                        .append(" | ").append(goal.map(g -> "≤ " + unsignedPercent(g) + found
                                .map(j -> j.comparison().halfWidth() <= g ? ": met" : ": not met").orElse(""))
                                .orElse("none set"))
                        .append(" |\n");
            }
        }
        return text.append("\n").toString();
    }

    /**
     * Per operation and profile: each phase against the implementation before it, then each phase
     * against each peer; only the phases that {@code shown} accepts.
     */
    private String comparisons(Predicate<Implementation> shown) {
        StringBuilder text = new StringBuilder();
        for (Operation operation : operations) {
            text.append("## ").append(operation.cliName()).append(": ").append(operation.description()).append("\n\n");
            for (KeyPattern pattern : keys) {
                for (TypeProfile profile : profiles) {
                    for (Implementation after : implementations) {
                        if (after.isPhase() && shown.test(after)) {
                            Label label = new Label(after, false, profile, pattern, main);
                            Stream.of(label.before(), label.phaseBefore()).flatMap(Optional::stream)
                                    .filter(b -> implementations.contains(b.implementation()))
                                    .forEach(before -> text.append(table(operation, before, label)));
                        }
                    }
                    // HashMap, the map the study started from, in the seed's form; every peer in the matrix below.
                    for (Implementation after : implementations) {
                        if (after.isPhase() && shown.test(after) && implementations.contains(Implementation.HASHMAP)) {
                            Label label = new Label(after, false, profile, pattern, main);
                            text.append(table(operation, label.with(Implementation.HASHMAP), label));
                        }
                    }
                    text.append(bySize(operation, new Label(Implementation.HASHMAP, false, profile, pattern, main), shown));
                    text.append(amongThePeers(operation, new Label(Implementation.HASHMAP, false, profile, pattern, main), shown));
                }
            }
        }
        return text.toString();
    }

    /**
     * Every implementation's median ns per op at every size, with the given label's profile and
     * keys: where each map leaves each cache level. Phases only where {@code shown} accepts them.
     */
    private String bySize(Operation operation, Label like, Predicate<Implementation> shown) {
        List<Implementation> rows = implementations.stream().filter(i -> !i.isPhase() || shown.test(i)).toList();
        if (rows.size() < 2 || sizes.size() < 2 && implementations.stream().filter(i -> !i.isPhase()).count() < 2) {
            return "";
        }
        StringBuilder text = new StringBuilder("### ").append(operation.cliName()).append(", ").append(keysAndProfile(like))
                .append(": ns per op by size\n\n| Implementation | Driven |");
        sizes.forEach(size -> text.append(" ").append(size.cliName()).append(" |"));
        text.append("\n|---|---|").append("---:|".repeat(sizes.size())).append("\n");
        for (Implementation implementation : rows) {
            text.append("| ").append(implementation.displayName()).append(" | ").append(implementation.driven().cliName()).append(" |");
            for (Size size : sizes) {
                text.append(" ").append(comparisons.median(operation, size, like.with(implementation)).map(Report::nanos)
                        .orElse(MISSING)).append(" |");
            }
            text.append("\n");
        }
        return text.append("\n").toString();
    }

    /**
     * Each phase against each peer at each size, as improvement and verdict: the phases' place
     * among the maps people use. Only when the run has peers besides HashMap.
     */
    private String amongThePeers(Operation operation, Label like, Predicate<Implementation> shown) {
        List<Implementation> peers = implementations.stream().filter(i -> !i.isPhase()).toList();
        return peers.size() < 2 ? "" : againstEach(operation, like, shown, peers, "each peer");
    }

    /** Each phase that {@code shown} accepts against each of {@code peers} at each size: improvement, verdict, interval. */
    private String againstEach(Operation operation, Label like, Predicate<Implementation> shown, List<Implementation> peers,
            String whom) {
        List<Implementation> phases = implementations.stream().filter(i -> i.isPhase() && shown.test(i)).toList();
        if (phases.isEmpty()) {
            return "";
        }
        StringBuilder text = new StringBuilder("### ").append(operation.cliName()).append(", ").append(keysAndProfile(like))
                .append(": each phase against ").append(whom).append("\n\nThe phase's improvement over the peer (positive: the phase is")
                .append(" faster), the verdict and the 95% interval.\n\n| Scale | Phase |");
        peers.forEach(peer -> text.append(" vs ").append(peer.displayName()).append(" |"));
        text.append("\n|---|---|").append("---:|".repeat(peers.size())).append("\n");
        for (Size size : sizes) {
            for (Implementation phase : phases) {
                Label after = like.with(phase);
                text.append("| ").append(size.cliName()).append(" | ").append(phase.displayName()).append(" |");
                for (Implementation peer : peers) {
                    Comparisons.Pair pair = new Comparisons.Pair(operation, size, like.with(peer), after);
                    Optional<Double> was = comparisons.median(operation, size, pair.before());
                    Optional<Double> is = comparisons.median(operation, size, after);
                    text.append(" ").append(was.isPresent() && is.isPresent()
                            ? percent(was.get() / is.get() - 1) + " " + comparisons.verdict(pair).map(Verdict::label).orElse("")
                                    + comparisons.judged(pair).map(j -> " " + interval(j.comparison())).orElse("")
                            : MISSING).append(" |");
                }
                text.append("\n");
            }
        }
        return text.append("\n").toString();
    }

    /** For example "Integer random" or "String random, polluted". */
    private static String keysAndProfile(Label like) {
        return like.keys().displayName() + (like.profile() == TypeProfile.MONOMORPHIC ? "" : ", " + like.profile().cliName());
    }

    private String table(Operation operation, Label before, Label after) {
        StringBuilder text = new StringBuilder()
                .append("### ").append(after.displayName()).append(" vs ").append(before.displayName()).append("\n\n")
                .append("| Scale | ").append(before.displayName()).append(" ops/s | ").append(after.displayName())
                .append(" ops/s | Improvement | 95% interval | Verdict | ns/op |\n")
                .append("|-------|------:|------:|------:|------:|------|------:|\n");
        for (Size size : sizes) {
            Optional<Double> was = comparisons.median(operation, size, before);
            Optional<Double> is = comparisons.median(operation, size, after);
            Comparisons.Pair pair = new Comparisons.Pair(operation, size, before, after);
            // The ratio of the two medians: the comparison's own, whether or not it has forks enough for a verdict.
            String improvement = was.isPresent() && is.isPresent() ? percent(was.get() / is.get() - 1) : MISSING;
            text.append("| ").append(size.cliName())
                    .append(" | ").append(was.map(Report::opsPerSecond).orElse(MISSING))
                    .append(" | ").append(is.map(Report::opsPerSecond).orElse(MISSING))
                    .append(" | ").append(improvement)
                    .append(" | ").append(comparisons.judged(pair).map(j -> interval(j.comparison())).orElse(MISSING))
                    .append(" | ").append(comparisons.verdict(pair).map(Verdict::label).orElse(MISSING))
                    .append(" | ").append(is.map(Report::nanos).orElse(MISSING))
                    .append(" |\n");
        }
        return text.append("\n").toString();
    }

    /**
     * The cells measured on more than one platform: each map's ns/op and B/op on each, each platform
     * against its reference, and each phase against the phase before it on each platform.
     */
    private String onEachPlatform() {
        StringBuilder text = new StringBuilder();
        Label like = new Label(Implementation.HASHMAP, false, profiles.get(0), keys.get(0), main);
        for (Operation operation : operations) {
            for (Size size : sizes) {
                List<Platform> measured = platforms.stream().filter(p -> implementations.stream()
                        .anyMatch(i -> hasForks(operation, size, like.with(i).on(p)))).toList();
                if (measured.size() < 2) {
                    continue;
                }
                List<Implementation> rows = implementations.stream()
                        .filter(i -> measured.stream().anyMatch(p -> p != main && hasForks(operation, size, like.with(i).on(p))))
                        .toList();
                text.append("### ").append(operation.cliName()).append(" ").append(size.cliName()).append(", ")
                        .append(keysAndProfile(like)).append(": on each platform\n\n| Implementation |");
                measured.forEach(p -> text.append(" ").append(p.displayName()).append(" ns/op | B/op |"));
                text.append("\n|---|").append("---:|---:|".repeat(measured.size())).append("\n");
                for (Implementation implementation : rows) {
                    text.append("| ").append(implementation.displayName()).append(" |");
                    for (Platform platform : measured) {
                        Label label = like.with(implementation).on(platform);
                        text.append(" ").append(comparisons.median(operation, size, label).map(Report::nanos).orElse(MISSING))
                                .append(" | ").append(bytesPerOp(operation, label, size)).append(" |");
                    }
                    text.append("\n");
                }
                text.append("\nEach platform against its reference (positive: faster on the platform), the verdict and the 95%")
                        .append(" interval:\n\n| Implementation |");
                List<Platform> others = measured.stream().filter(p -> p != main).toList();
                others.forEach(p -> text.append(" ").append(p.displayName()).append(" vs ").append(reference(p).displayName())
                        .append(" |"));
                text.append("\n|---|").append("---:|".repeat(others.size())).append("\n");
                for (Implementation implementation : rows) {
                    text.append("| ").append(implementation.displayName()).append(" |");
                    for (Platform platform : others) {
                        Label on = like.with(implementation).on(platform);
                        text.append(" ").append(judgedCell(new Comparisons.Pair(operation, size, on.on(reference(platform)), on)))
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
                    text.append("| ").append(implementation.displayName()).append(" vs ").append(before.displayName()).append(" |");
                    for (Platform platform : measured) {
                        Label on = like.with(implementation).on(platform);
                        text.append(" ").append(judgedCell(new Comparisons.Pair(operation, size, on.with(before), on))).append(" |");
                    }
                    text.append("\n");
                }
                text.append("\n");
            }
        }
        if (text.length() == 0 && !lacksJdk25()) {
            return "";
        }
        return "## Collectors and JDKs\n\n"
                + (text.length() == 0 ? "" : "The same maps on other platforms, their forks interleaved with G1's in the same"
                        + " rounds. " + platformsLegend() + " B/op is JMH's gc.alloc.rate.norm, as in the allocation tables."
                        + "\n\n")
                + (lacksJdk25() ? Environment.noJdk25Line() + "\n\n" : "")
                + text;
    }

    /** What each platform of the run is, in one sentence each. */
    private String platformsLegend() {
        Map<String, List<String>> flags = facts.map(Environment.Facts::flagsByPlatform).orElse(Map.of());
        Size largest = sizes.get(sizes.size() - 1);
        return platforms.stream().map(p -> p.displayName() + ": `" + String.join(" ", flags.getOrDefault(p.cliName(),
                p.forkJvmFlags(largest))) + "`" + (p.onJdk25() ? facts.map(Environment.Facts::jdk25).map(j -> " on " + j).orElse("") : ""))
                .collect(Collectors.joining("; ", "Flags of each platform's forks at " + largest.cliName() + " keys: ", "."))
                + " Epsilon never collects: its heap is sized so that each fork's allocation fits.";
    }

    /** Whether the run wanted a JDK 25 and found none. */
    private boolean lacksJdk25() {
        return facts.map(f -> Environment.NO_JDK25.equals(f.jdk25())).orElse(false);
    }

    /** "+12.3% faster [+9.8%, +14.1%]", or the ratio alone without a verdict, or a dash. */
    private String judgedCell(Comparisons.Pair pair) {
        Optional<Double> was = comparisons.median(pair.operation(), pair.size(), pair.before());
        Optional<Double> is = comparisons.median(pair.operation(), pair.size(), pair.after());
        return was.isPresent() && is.isPresent()
                ? percent(was.get() / is.get() - 1) + " " + comparisons.verdict(pair).map(Verdict::label).orElse("")
                        + comparisons.judged(pair).map(j -> " " + interval(j.comparison())).orElse("")
                : MISSING;
    }

    /** The profiled cells: where their CPU samples went, and links to their flame graphs. */
    private String whereTheTimeGoes() {
        if (profiled.isEmpty()) {
            return "";
        }
        List<Profiles.Profiler> used = profiled.stream().map(Profiling.Profiled::profilerUsed).distinct().sorted().toList();
        StringBuilder text = new StringBuilder("## Where the time goes: flame graphs\n\n")
                .append("One profiled fork a cell, run apart from the timed forks (the profiler slows it, so its time")
                .append(" is no measurement). ")
                .append(used.stream().map(p -> "Profiler: " + p.description() + ".").collect(Collectors.joining(" ")))
                .append(used.contains(Profiles.Profiler.JFR) ? " Where JFR stood in, the G1 and JIT parts are empty: it sees Java"
                        + " frames only." : "")
                .append(" The shares are of every thread's CPU samples over the measured iterations, on both cores:")
                .append(" the benchmark thread's own work, the part of it spent in G1's post-write barrier slow path")
                .append(" (enqueueing and refining dirty cards itself), and the other threads'.\n\n| Cell | Profiler | CPU samples |");
        for (Profiles.Part part : Profiles.Part.values()) {
            text.append(" ").append(part.label()).append(" |");
        }
        text.append(" Flame graphs |\n|---|---|---:|").append("---:|".repeat(Profiles.Part.values().length)).append("---|\n");
        for (Profiling.Profiled p : profiled.stream().sorted(Comparator.comparing((Profiling.Profiled p) -> p.cell().operation())
                .thenComparing(p -> p.cell().size()).thenComparing(p -> p.cell().label().platform())
                .thenComparing(p -> p.cell().label().implementation())).toList()) {
            Cell cell = p.cell();
            String link = Profiling.FOLDER + "/" + cell.fileStem();
            text.append("| ").append(cell.displayName()).append(" | ").append(p.profilerUsed().name().toLowerCase())
                    .append(" | ").append(String.format(Locale.ROOT, "%,d", p.breakdown().samples())).append(" |");
            for (Profiles.Part part : Profiles.Part.values()) {
                text.append(" ").append(unsignedPercent(p.breakdown().share(part))).append(" |");
            }
            text.append(" [CPU](").append(link).append("-cpu.html), [allocation](").append(link).append("-alloc.html) |\n");
        }
        return text.append("\n").toString();
    }

    /** Each implementation with polluted type profiles against itself monomorphic: what inlining buys. */
    private String profileComparisons() {
        if (!(profiles.contains(TypeProfile.POLLUTED) && profiles.contains(TypeProfile.MONOMORPHIC))) {
            return "";
        }
        StringBuilder text = new StringBuilder("## Type profile: polluted against monomorphic\n\n")
                .append("A polluted fork first puts, gets and removes String and Long keys in maps of the same class,")
                .append(" so that the map's hashCode and equals calls are megamorphic, as in an application;")
                .append(" a negative improvement is what the monomorphic best case flatters.\n\n");
        for (Operation operation : operations) {
            for (KeyPattern pattern : keys) {
                for (Implementation implementation : implementations) {
                    text.append(table(operation, new Label(implementation, false, TypeProfile.MONOMORPHIC, pattern, main),
                            new Label(implementation, false, TypeProfile.POLLUTED, pattern, main)));
                }
            }
        }
        return text.toString();
    }

    /** A signed percentage with one decimal, "+12.3%". */
    static String percent(double fraction) {
        return String.format(Locale.ROOT, "%+.1f%%", fraction * 100);
    }

    static String unsignedPercent(double fraction) {
        return String.format(Locale.ROOT, "%.1f%%", fraction * 100);
    }

    /** The comparison's 95% interval as improvements, "[+9.8%, +14.1%]". */
    static String interval(Comparison comparison) {
        return "[" + percent(comparison.low() - 1) + ", " + percent(comparison.high() - 1) + "]";
    }

    private static String opsPerSecond(double nanos) {
        return String.format(Locale.ROOT, "%,.0f", 1e9 / nanos);
    }

    /** Per operation: median bytes per op and collections per fork, for every label and size. */
    private String allocation() {
        StringBuilder text = new StringBuilder("## Allocation per operation\n\n")
                .append("Bytes allocated per op (JMH's gc profiler, gc.alloc.rate.norm) and collections during a fork's")
                .append(" measured iterations (gc.count), medians over the forks. Remove rebuilds its map before every call,")
                .append(" outside the time but inside the bytes: its B/op is shown minus insert's, the bytes of that rebuild;")
                .append(" its collections count the full collection that settles each rebuilt map, one a call, outside the")
                .append(" time too, so they say little of the removal itself.\n\n");
        for (Operation operation : operations) {
            text.append("### ").append(operation.cliName()).append(" allocation\n\n| Implementation |");
            sizes.forEach(size -> text.append(" ").append(size.cliName()).append(" B/op | ").append(size.cliName()).append(" GCs |"));
            text.append("\n|----------------|").append("------:|------:|".repeat(sizes.size())).append("\n");
            for (Label label : labels()) {
                text.append("| ").append(label.displayName()).append(" |");
                for (Size size : sizes) {
                    text.append(" ").append(bytesPerOp(operation, label, size))
                            .append(" | ").append(medianOf(comparisons.cell(operation, size, label), Forks.Fork::gcCount)
                                    .map(c -> String.format(Locale.ROOT, "%,.0f", c)).orElse(MISSING))
                            .append(" |");
                }
                text.append("\n");
            }
            text.append("\n");
        }
        return text.toString();
    }

    /** The bytes an operation allocates per op, without those of the rebuild before every call. */
    private String bytesPerOp(Operation operation, Label label, Size size) {
        Optional<Double> bytes = medianOf(comparisons.cell(operation, size, label), Forks.Fork::bytesPerOp);
        Optional<Operation> rebuild = operation.rebuild();
        if (rebuild.isPresent()) {
            Optional<Double> rebuilt = medianOf(comparisons.cell(rebuild.get(), size, primaryOf(label)), Forks.Fork::bytesPerOp);
            bytes = bytes.flatMap(b -> rebuilt.map(r -> b - r));
        }
        return bytes.map(b -> String.format(Locale.ROOT, "%,.1f", b)).orElse(MISSING);
    }

    /** The median of a figure over forks that have it (the gc profile may be missing). */
    private static Optional<Double> medianOf(Stream<Forks.Fork> forks, Function<Forks.Fork, Double> figure) {
        double[] values = forks.map(figure).filter(v -> !v.isNaN()).mapToDouble(Double::doubleValue).toArray();
        return values.length == 0 ? Optional.empty() : Optional.of(new Median().evaluate(values));
    }

    /**
     * Bytes per entry of every implementation, keys and values excluded, and for the pooled phases
     * the pool's slots live against held, from their shapes.
     */
    private String footprint() {
        StringBuilder text = new StringBuilder("## Memory: bytes per entry\n\n");
        if (footprints.isEmpty()) {
            return text.append("None measured for this run; `").append(RunOptions.launcher()).append(" footprint ")
                    .append(folder).append("` adds them.\n\n").toString();
        }
        List<Platform> measuredOn = footprints.stream().map(Footprint.Measured::platformOrG1).distinct().sorted().toList();
        text.append("The retained size of each map's own objects after inserting the N keys, divided by N: JOL's walk")
                .append(" of the map's object graph (").append(measuredOn.stream().map(p -> (measuredOn.size() > 1
                        ? p.displayName() + ": " : "") + footprints.stream().filter(f -> f.platformOrG1() == p).findFirst()
                        .orElseThrow().layout()).collect(Collectors.joining("; "))).append("), less the keys,")
                .append(" which are their own values")
                .append(implementations.stream().anyMatch(Implementation::intKeys)
                        ? " (the int-to-int maps hold their keys and values inline as ints: nothing is subtracted, and their"
                                + " figure is the whole cost of an entry)"
                        : "")
                .append(". A persistent map is its final version; a transient is measured as")
                .append(" the persistent map it gives back. The pooled phases' figure includes every pool array the")
                .append(" map keeps reachable, used or not.\n\n| Implementation | Keys |");
        sizes.forEach(size -> text.append(" ").append(size.cliName()).append(" |"));
        text.append("\n|---|---|").append("---:|".repeat(sizes.size())).append("\n");
        for (Platform platform : measuredOn) {
            for (KeyPattern pattern : keys) {
                for (Implementation implementation : implementations) {
                    List<String> cells = sizes.stream().map(size -> footprints.stream()
                            .filter(f -> f.implementation().equals(implementation.cliName()) && f.keys().equals(pattern.cliName())
                                    && f.size().equals(size.cliName()) && f.platformOrG1() == platform)
                            .findFirst().map(f -> String.format(Locale.ROOT, "%.1f", f.bytesPerEntry())).orElse(MISSING)).toList();
                    if (cells.stream().anyMatch(c -> !c.equals(MISSING))) {
                        text.append("| ").append(implementation.displayName())
                                .append(platform == Platform.G1 ? "" : " (" + platform.displayName() + ")")
                                .append(" | ").append(pattern.displayName()).append(" | ").append(String.join(" | ", cells))
                                .append(" |\n");
                    }
                }
            }
        }
        return text.append("\n").append(poolHeldAgainstLive()).toString();
    }

    /** For example "fastutil Int2IntOpenHashMap, IntHamt". */
    private String intMapNames() {
        return implementations.stream().filter(Implementation::intKeys).map(Implementation::displayName)
                .collect(Collectors.joining(", "));
    }

    /** The pooled phases' slots live against held, from their shapes: what the pool keeps that no node uses. */
    private String poolHeldAgainstLive() {
        List<TrieShapes.Measured> pooled = shapes.stream().filter(s -> s.figures().containsKey("poolSlotsHeld"))
                .sorted(Comparator.comparing((TrieShapes.Measured s) -> Forks.named(Implementation.values(), s.implementation()))
                        .thenComparing(TrieShapes::keysOf).thenComparing(s -> Forks.size(s.size())))
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
            text.append("| ").append(Forks.named(Implementation.values(), shape.implementation()).displayName())
                    .append(" | ").append(TrieShapes.keysOf(shape).displayName()).append(" | ").append(shape.size())
                    .append(" | ").append(String.format(Locale.ROOT, "%,.0f", live))
                    .append(" | ").append(String.format(Locale.ROOT, "%,.0f", held))
                    .append(" | ").append(unsignedPercent(live / held)).append(" |\n");
        }
        return text.append("\n").toString();
    }

    /** Each phase's trie at each size: what a lookup walks through. */
    private String trieShapes() {
        StringBuilder text = new StringBuilder("## Trie shape\n\n");
        if (shapes.isEmpty()) {
            return text.append("None measured for this run; `").append(RunOptions.launcher()).append(" shapes ")
                    .append(folder).append("` adds them.\n\n").toString();
        }
        text.append("Each phase's own `shape()` of the trie the lookups read, for each key pattern. A leaf's depth counts")
                .append(" the nodes on its path, the root's own leaves at 1; pool slots are those live slices hold, and those the pool keeps reachable (every array a slice lies in).\n\n")
                .append("| Implementation | Keys | Scale | Entries | Bitmap nodes | Collision nodes | Deepest leaf | Mean depth |")
                .append(" Children per bitmap node | Entries per node | Leaves at depth 1, 2, ... | Pool slots live | Pool slots held |\n")
                .append("|---|---|---|---:|---:|---:|---:|---:|---:|---:|---|---:|---:|\n");
        for (Implementation implementation : implementations) {
            for (KeyPattern pattern : keys) {
                for (Size size : sizes) {
                    shapes.stream()
                            .filter(s -> s.implementation().equals(implementation.cliName()) && s.size().equals(size.cliName())
                                    && TrieShapes.keysOf(s) == pattern)
                            .findFirst()
                            .ifPresent(s -> text.append(shapeRow(implementation, pattern, size, s.figures())));
                }
            }
        }
        return text.append("\n").toString();
    }

    private static String shapeRow(Implementation implementation, KeyPattern pattern, Size size, Map<String, Number> figures) {
        int deepest = figures.get("maxLeafDepth").intValue();
        String byDepth = IntStream.rangeClosed(1, Math.max(deepest, 1))
                .mapToObj(depth -> figure(figures.get("leavesAtDepth" + depth)))
                .collect(Collectors.joining(" / "));
        return "| " + implementation.displayName() + " | " + pattern.displayName() + " | " + size.cliName()
                + " | " + figure(figures.get("entries")) + " | " + figure(figures.get("bitmapNodes"))
                + " | " + figure(figures.get("collisionNodes")) + " | " + deepest
                + " | " + figure(figures.get("meanLeafDepth")) + " | " + figure(figures.get("meanChildrenPerBitmapNode"))
                + " | " + figure(figures.get("entriesPerNode")) + " | " + byDepth
                + " | " + figure(figures.get("poolSlotsLive")) + " | " + figure(figures.get("poolSlotsHeld")) + " |\n";
    }

    /** A whole number with thousands separators, a fraction with two decimals, a dash when absent. */
    private static String figure(Number value) {
        if (value == null) {
            return MISSING;
        }
        double number = value.doubleValue();
        return number == Math.rint(number) && !value.toString().contains(".")
                ? String.format(Locale.ROOT, "%,d", (long) number)
                : String.format(Locale.ROOT, "%,.2f", number);
    }

    /** Per operation, a table of each phase's counters by size. */
    private String poolCounters() {
        StringBuilder text = new StringBuilder("## Pool and allocation counters\n\n");
        if (counters.isEmpty()) {
            return text.append("None: the runner's JVM ran without -D").append(PoolCounters.PROPERTY).append("=true.\n\n")
                    .toString();
        }
        text.append("Each phase's own `stats()`, from the operation done once more by the runner on a fresh map with")
                .append(" counting on (never in the timed forks). Insert counts from the new map on; the other operations")
                .append(" show the change over the operation on the filled map, so gauges such as liveSlots show their")
                .append(" change; churn is one call, ").append(MapBenchmark.CHURN_STEPS).append(" steps.\n\n");
        for (Operation operation : operations) {
            for (KeyPattern pattern : keys) {
                for (Implementation implementation : implementations) {
                    List<PoolCounters.Counted> found = counters.stream()
                            .filter(c -> c.operation().equals(operation.cliName()) && c.implementation().equals(implementation.cliName())
                                    && c.keyPattern() == pattern)
                            .toList();
                    if (!found.isEmpty()) {
                        text.append(countersTable(operation, new Label(implementation, false, TypeProfile.MONOMORPHIC, pattern),
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
                .append("### ").append(operation.cliName()).append(": ").append(label.displayName()).append(" counters\n\n")
                .append("| Scale | ").append(String.join(" | ", names)).append(" |\n")
                .append("|-------|").append("------:|".repeat(names.size())).append("\n");
        for (Size size : sizes) {
            Optional<PoolCounters.Counted> counted = found.stream().filter(c -> c.size().equals(size.cliName())).findFirst();
            text.append("| ").append(size.cliName());
            for (String name : names) {
                text.append(" | ").append(counted.map(c -> c.counters().get(name))
                        .map(value -> String.format(Locale.ROOT, "%,d", value)).orElse(MISSING));
            }
            text.append(" |\n");
        }
        return text.append("\n").toString();
    }

    /** Every cell: its forks, their median, and their spread. */
    private String allResults() {
        StringBuilder text = new StringBuilder("## All results\n\n")
                .append("| Operation | Implementation | Scale | Forks | Median ns/op | Fastest fork | Slowest fork | ops/s |\n")
                .append("|-----------|----------------|-------|------:|------:|------:|------:|------:|\n");
        for (Operation operation : operations) {
            for (Size size : sizes) {
                for (Label label : labelsWithOtherPlatforms(operation, size)) {
                    double[] nanos = comparisons.nanos(operation, size, label);
                    Optional<Double> median = comparisons.median(operation, size, label);
                    text.append("| ").append(operation.cliName())
                            .append(" | ").append(label.displayName())
                            .append(" | ").append(size.cliName())
                            .append(" | ").append(nanos.length)
                            .append(" | ").append(median.map(Report::nanos).orElse(MISSING))
                            .append(" | ").append(nanos.length == 0 ? MISSING : nanos(Arrays.stream(nanos).min().getAsDouble()))
                            .append(" | ").append(nanos.length == 0 ? MISSING : nanos(Arrays.stream(nanos).max().getAsDouble()))
                            .append(" | ").append(median.map(Report::opsPerSecond).orElse(MISSING))
                            .append(" |\n");
                }
            }
        }
        return text.toString();
    }

    /** forks.md: every fork in the order it ran, with what else the machine was doing. */
    private String forkTable() {
        StringBuilder text = new StringBuilder("# Forks of ").append(folder.getFileName()).append("\n\n")
                .append("Every fork in the order it ran (by start time; forks of runs made before the fork log by file),")
                .append(" with its mean, the collections and the total collection pause time over its measured iterations,")
                .append(" and the machine's load average (1, 5, 15 min) when it started.\n\n")
                .append("| Started | Operation | Scale | Label | Fork file | ns/op | GCs | GC pause ms | Load average |\n")
                .append("|---------|-----------|-------|-------|-----------|------:|----:|------:|--------------|\n");
        forks.stream()
                .sorted(Comparator.comparing(Forks.Fork::started).thenComparing(Forks.Fork::file)
                        .thenComparingInt(Forks.Fork::index))
                .forEach(f -> text.append("| ").append(f.started().isEmpty() ? MISSING : f.started())
                        .append(" | ").append(f.operation().cliName())
                        .append(" | ").append(f.size().cliName())
                        .append(" | ").append(f.label().displayName())
                        .append(" | ").append(f.file()).append(f.index() > 0 ? " #" + (f.index() + 1) : "")
                        .append(" | ").append(nanos(f.nanos()))
                        .append(" | ").append(Double.isNaN(f.gcCount()) ? MISSING : String.format(Locale.ROOT, "%.0f", f.gcCount()))
                        .append(" | ").append(Double.isNaN(f.gcMillis()) ? MISSING : String.format(Locale.ROOT, "%.0f", f.gcMillis()))
                        .append(" | ").append(f.loadAverage().isEmpty() ? MISSING : f.loadAverage())
                        .append(" |\n"));
        return text.toString();
    }

    private <E extends Enum<E> & Choice> List<E> union(Class<E> type, Optional<List<String>> planned,
            Function<Forks.Fork, E> found) {
        Set<E> all = EnumSet.noneOf(type);
        planned.orElse(List.of()).forEach(name -> Choice.find(type.getEnumConstants(), name).ifPresent(all::add));
        forks.forEach(f -> all.add(found.apply(f)));
        return List.copyOf(all);
    }

    private static List<Footprint.Measured> readFootprints(Path rawFolder) throws IOException {
        return readAll(rawFolder, Footprint.FILE_PREFIX, "footprint", Footprint::read, measured -> {
            Forks.named(Implementation.values(), measured.implementation());
            Forks.named(KeyPattern.values(), measured.keys());
            Forks.size(measured.size());
            require(measured.entries() > 0, "no entries");
        });
    }

    private static List<TrieShapes.Measured> readShapes(Path rawFolder) throws IOException {
        return readAll(rawFolder, TrieShapes.FILE_PREFIX, "shape", TrieShapes::read, measured -> {
            Forks.named(Implementation.values(), measured.implementation());
            Forks.size(measured.size());
            require(measured.figures() != null, "no figures");
        });
    }

    private static List<PoolCounters.Counted> readCounters(Path rawFolder) throws IOException {
        return readAll(rawFolder, PoolCounters.FILE_PREFIX, "counters", PoolCounters::read, counted -> {
            Forks.named(Operation.values(), counted.operation());
            Forks.named(Implementation.values(), counted.implementation());
            Forks.size(counted.size());
            counted.keyPattern();
            require(counted.counters() != null, "no counters");
        });
    }

    /** Reads one raw file; it may fail. */
    private interface RawReader<T> {
        T read(Path file) throws IOException;
    }

    /** Every raw file of one kind, each read and checked; a file that fails names itself and its kind. */
    private static <T> List<T> readAll(Path rawFolder, String prefix, String kind, RawReader<T> reader, Consumer<T> check)
            throws IOException {
        List<T> found = new ArrayList<>();
        for (Path file : jsonFiles(rawFolder, prefix)) {
            try {
                T read = reader.read(file);
                check.accept(read);
                found.add(read);
            } catch (RuntimeException e) {
                throw new IOException(file + " is not a " + kind + " file: " + e.getMessage(), e);
            }
        }
        return found;
    }

    private static void require(boolean condition, String otherwise) {
        if (!condition) {
            throw new IllegalArgumentException(otherwise);
        }
    }

    /** The raw folder's JSON files whose names start with {@code prefix}, sorted. */
    private static List<Path> jsonFiles(Path rawFolder, String prefix) throws IOException {
        if (!Files.isDirectory(rawFolder)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(rawFolder)) {
            return entries.filter(p -> p.getFileName().toString().startsWith(prefix)
                    && p.getFileName().toString().endsWith(".json")).sorted().toList();
        }
    }
}
