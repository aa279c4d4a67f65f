package dev.hamtlab.bench.report;

import static dev.hamtlab.bench.report.Format.MISSING;
import static dev.hamtlab.bench.report.Format.figure;

import dev.hamtlab.bench.Choice;
import dev.hamtlab.bench.Implementation;
import dev.hamtlab.bench.KeyPattern;
import dev.hamtlab.bench.Label;
import dev.hamtlab.bench.Operation;
import dev.hamtlab.bench.Platform;
import dev.hamtlab.bench.Size;
import dev.hamtlab.bench.TypeProfile;
import dev.hamtlab.bench.measure.Footprint;
import dev.hamtlab.bench.measure.PoolCounters;
import dev.hamtlab.bench.measure.TrieShapes;
import dev.hamtlab.bench.profile.Profiling;
import dev.hamtlab.bench.results.Environment;
import dev.hamtlab.bench.results.ResultsFolder;
import dev.hamtlab.bench.stats.Verdict;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
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
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.commons.math3.stat.descriptive.rank.Median;

/**
 * A run as its results folder holds it: what it planned (from its environment) and what it
 * produced (its forks, counters, shapes, footprints and flame graphs), and the comparisons the
 * report judges, family by family. Each cell (operation, size, label) is the median of its fork
 * means. Every section of the report reads the run from here.
 */
final class Run {
    final Path folder;
    final Optional<Environment.Facts> facts;
    final List<Forks.Fork> forks;
    final List<PoolCounters.Counted> counters;
    final List<TrieShapes.Measured> shapes;
    final List<Footprint.Measured> footprints;
    final List<Profiling.Profiled> profiled;
    final List<Operation> operations;
    final List<Implementation> implementations;
    final List<Size> sizes;
    final List<TypeProfile> profiles;
    final List<KeyPattern> keys;
    /** Every platform planned or measured, the main plan's first: the one every table but the platforms' reads. */
    final List<Platform> platforms;
    final Platform main;
    final Optional<Label> control;
    final Map<Family, List<Comparisons.Pair>> families;
    final Comparisons comparisons;

    Run(Path folder, Optional<Environment.Facts> facts, List<Forks.Fork> forks,
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
        facts.map(Environment.Facts::sizes).orElse(List.of())
                .forEach(label -> Size.parse(label).ifPresent(allSizes::add));
        forks.forEach(f -> allSizes.add(f.size()));
        this.sizes = List.copyOf(allSizes);
        // Runs made before the type profiles existed have none recorded: theirs was monomorphic.
        List<TypeProfile> found = union(TypeProfile.class, facts.map(Environment.Facts::profiles),
                f -> f.label().profile());
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

    /** The run a results folder holds, read from its files. */
    static Run read(Path folder) throws IOException {
        Path raw = folder.resolve(ResultsFolder.RAW);
        return new Run(folder, Environment.read(folder), Forks.read(folder), RawFiles.readCounters(raw),
                RawFiles.readShapes(raw),
                RawFiles.readFootprints(raw), Profiling.read(folder));
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
                                comparedWith(label)
                                        .forEach(before -> families.get(before.implementation()
                                        .isPhase() ? Family.PHASE_STEPS
                                                : Family.PEERS).add(new Comparisons.Pair(operation, size, before,
                                                        label)));
                                for (Implementation peer : implementations) {
                                    if (!peer.isPhase()) {
                                        families.get(Family.PEERS)
                                                .add(new Comparisons.Pair(operation, size, label.with(peer), label));
                                    }
                                }
                            }
                        }
                    }
                    if (pattern == keys.get(0)) {
                        addPlatformPairs(families, operation, size,
                                new Label(Implementation.HASHMAP, false, profiles.get(0),
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
                control.ifPresent(c -> families.get(Family.CONTROLS)
                        .add(new Comparisons.Pair(operation, size, primaryOf(c), c)));
            }
        }
        return families;
    }

    /**
     * What a phase's label is compared with in this run, each once: the nearest earlier
     * implementation it measured, and the phase before the phase's whole module.
     */
    Stream<Label> comparedWith(Label label) {
        return Stream.of(label.beforeAmong(implementations), label.phaseBefore()).flatMap(Optional::stream)
                .filter(b -> implementations.contains(b.implementation())).distinct();
    }

    /**
     * On each platform but the main one, where the cell has forks: each implementation against itself
     * on the platform's reference, and each phase against the phase before it on the same platform.
     */
    private void addPlatformPairs(Map<Family, List<Comparisons.Pair>> families,
            Operation operation, Size size, Label like) {
        for (Platform platform : platforms) {
            if (platform == main) {
                continue;
            }
            for (Implementation implementation : implementations) {
                Label on = like.with(implementation).on(platform);
                if (!hasForks(operation, size, on)) {
                    continue;
                }
                families.get(Family.PLATFORMS)
                        .add(new Comparisons.Pair(operation, size, on.on(reference(platform)), on));
                implementation.beforeAmong(implementations).map(on::with).filter(b -> hasForks(operation, size, b))
                        .ifPresent(before -> families.get(Family.PLATFORM_STEPS)
                                .add(new Comparisons.Pair(operation, size, before, on)));
            }
        }
    }

    /** The platform's reference if the run has it, else the main platform. */
    Platform reference(Platform platform) {
        return platforms.contains(platform.reference()) ? platform.reference() : main;
    }

    boolean hasForks(Operation operation, Size size, Label label) {
        return forks.stream()
                .anyMatch(f -> f.operation() == operation && f.size().equals(size) && f.label().equals(label));
    }

    static Label primaryOf(Label control) {
        return control.with(control.implementation());
    }

    List<Label> labels() {
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
    List<Label> labelsWithOtherPlatforms(Operation operation, Size size) {
        Set<Label> labels = new LinkedHashSet<>(labels());
        forks.stream().filter(f -> f.operation() == operation && f.size().equals(size) && f.label().platform() != main)
                .map(Forks.Fork::label)
                .sorted(Comparator.comparing(Label::platform).thenComparing(Label::implementation))
                .forEach(labels::add);
        return List.copyOf(labels);
    }

    /** How many (operation, size, label) cells the run planned that have no fork. */
    long missingCells() {
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

    /** How many comparisons of each phase with the phase before it have each verdict, for the summary line. */
    Map<String, Long> phaseVerdicts() {
        return families.get(Family.PHASE_STEPS).stream()
                .flatMap(p -> comparisons.verdict(p).stream())
                .collect(Collectors.groupingBy(Verdict::label, TreeMap::new, Collectors.counting()));
    }

    /** The bytes an operation allocates per op, without those of the rebuild before every call. */
    String bytesPerOp(Operation operation, Label label, Size size) {
        Optional<Double> bytes = medianOf(comparisons.cell(operation, size, label), Forks.Fork::bytesPerOp);
        Optional<Operation> rebuild = operation.rebuild();
        if (rebuild.isPresent()) {
            Optional<Double> rebuilt = medianOf(comparisons.cell(rebuild.get(), size,
                    primaryOf(label)), Forks.Fork::bytesPerOp);
            bytes = bytes.flatMap(b -> rebuilt.map(r -> b - r));
        }
        return bytes.map(b -> String.format(Locale.ROOT, "%,.1f", b)).orElse(MISSING);
    }

    /** The median of a figure over forks that have it (the gc profile may be missing). */
    static Optional<Double> medianOf(Stream<Forks.Fork> forks, Function<Forks.Fork, Double> figure) {
        double[] values = forks.map(figure).filter(v -> !v.isNaN()).mapToDouble(Double::doubleValue).toArray();
        return values.length == 0 ? Optional.empty() : Optional.of(new Median().evaluate(values));
    }

    /** For example "fastutil Int2IntOpenHashMap, IntHamt". */
    String intMapNames() {
        return implementations.stream().filter(Implementation::intKeys).map(Implementation::displayName)
                .collect(Collectors.joining(", "));
    }

    /** Draws the run's charts into its charts/ folder: the main platform, the first key pattern and profile. */
    List<RunCharts.Drawn> drawCharts() throws IOException {
        return RunCharts.draw(folder, operations, sizes, implementations,
                new Label(Implementation.HASHMAP, false, profiles.get(0), keys.get(0), main), comparisons, footprints);
    }

    private <E extends Enum<E> & Choice> List<E> union(Class<E> type, Optional<List<String>> planned,
            Function<Forks.Fork, E> found) {
        Set<E> all = EnumSet.noneOf(type);
        planned.orElse(List.of()).forEach(name -> Choice.find(type.getEnumConstants(), name).ifPresent(all::add));
        forks.forEach(f -> all.add(found.apply(f)));
        return List.copyOf(all);
    }
}
