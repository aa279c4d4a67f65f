package dev.hamtlab.bench.profile;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import dev.hamtlab.bench.Cell;
import dev.hamtlab.bench.Choice;
import dev.hamtlab.bench.Implementation;
import dev.hamtlab.bench.KeyPattern;
import dev.hamtlab.bench.Label;
import dev.hamtlab.bench.Operation;
import dev.hamtlab.bench.Platform;
import dev.hamtlab.bench.Size;
import dev.hamtlab.bench.TypeProfile;
import dev.hamtlab.bench.results.Renames;
import dev.hamtlab.bench.results.ResultsFolder;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Flame graphs of benchmark cells: one profiled fork a cell, after the timed forks and apart from
 * them, with async-profiler (CPU and allocation samples, Java and native frames), or with JFR's own
 * sampling where its library cannot load. Each cell leaves in profiles/ its CPU and allocation
 * flame graphs and a JSON of where the CPU samples went, from which the report is rebuilt.
 */
public final class Profiling {
    /** The profile covers the measured iterations alone: 10 × 500 ms gives about 600 CPU samples. */
    private static final int ITERATIONS = 10;
    private static final int ITERATION_MILLIS = 500;

    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().create();

    private Profiling() {
    }

    /**
     * One profiled cell: its CLI names, the profiler, the profiled fork's ns per op (slowed by the
     * profiler: not a measurement) and its CPU breakdown.
     */
    public record Profiled(String operation, String size, String implementation, String keys,
            String profile, String platform,
            String profiler, double nanos, Profiles.Breakdown breakdown) {
        /** The cell profiled; throws IllegalArgumentException for a name it does not know. */
        public Cell cell() {
            return new Cell(Choice.named(Operation.values(), operation), Size.named(size), new Label(
                    Choice.named(Implementation.values(), implementation), false,
                            Choice.named(TypeProfile.values(), profile),
                    Choice.named(KeyPattern.values(), keys), Choice.named(Platform.values(), platform)));
        }

        /** The profiler that recorded it. */
        public Profiles.Profiler profilerUsed() {
            return Profiles.Profiler.valueOf(profiler);
        }
    }

    /**
     * Profiles each cell into {@code folder}/profiles/, one after another, each fork made with the
     * options the run's timed forks of that cell have ({@code forkOptions}); returns how many failed.
     * Falls back to JFR for good once async-profiler's library is missing or fails to load.
     */
    public static int run(List<Cell> cells, Path folder, Function<Cell,
            ChainedOptionsBuilder> forkOptions, PrintStream out,
            PrintStream err) throws IOException {
        Path profiles = folder.resolve(ResultsFolder.PROFILES);
        Files.createDirectories(profiles);
        Path work = Files.createTempDirectory("hamtlab-profiles");
        Optional<Path> library = Profiles.library(work);
        Profiles.Profiler profiler = library.isPresent() ? Profiles.Profiler.ASYNC : Profiles.Profiler.JFR;
        int failed = 0;
        int done = 0;
        for (Cell cell : cells) {
            done++;
            String line = String.format(Locale.ROOT, "[%d/%d] profile %s   ", done, cells.size(), cell.displayName());
            Optional<Profiled> profiled = profile(cell, profiles, forkOptions, profiler, library, work, err);
            if (profiled.isEmpty() && profiler == Profiles.Profiler.ASYNC) {
                err.println("hamtlab: async-profiler could not profile " + cell.displayName()
                        + "; JFR's own sampling from now on");
                profiler = Profiles.Profiler.JFR;
                profiled = profile(cell, profiles, forkOptions, profiler, library, work, err);
            }
            if (profiled.isPresent()) {
                out.println(line + profiled.get().profilerUsed().name().toLowerCase() + ", "
                        + profiled.get().breakdown().samples() + " CPU samples");
            } else {
                failed++;
                out.println(line + "FAILED");
            }
        }
        ResultsFolder.deleteTree(work);
        return failed;
    }

    /** Whether {@code folder}/profiles/ holds the cell's profile, as {@link #run} writes it once the cell is done. */
    public static boolean has(Path folder, Cell cell) {
        return Files.exists(folder.resolve(ResultsFolder.PROFILES).resolve(fileName(cell)));
    }

    private static String fileName(Cell cell) {
        return cell.fileStem() + ".json";
    }

    private static Optional<Profiled> profile(Cell cell, Path profiles, Function<Cell,
            ChainedOptionsBuilder> forkOptions,
            Profiles.Profiler profiler, Optional<Path> library, Path work, PrintStream err) throws IOException {
        Path recordings = Files.createTempDirectory(work, "recording");
        Label label = cell.label();
        ChainedOptionsBuilder options = forkOptions.apply(cell)
                .measurementIterations(ITERATIONS)
                .measurementTime(TimeValue.milliseconds(ITERATION_MILLIS));
        try {
            Collection<RunResult> results = new Runner(Profiles.attach(new OptionsBuilder()
                    .parent(options.build()), profiler,
                    library, recordings).build()).run();
            double nanos = results.iterator().next().getPrimaryResult().getScore();
            Profiles.Flames flames = Profiles.flames(Profiles.recording(recordings), profiles, cell.fileStem(),
                    cell.displayName());
            Profiled profiled = new Profiled(cell.operation().cliName(), cell.size().cliName(),
                    label.implementation().cliName(), label.keys().cliName(), label.profile().cliName(),
                    label.platform().cliName(), profiler.name(), nanos, flames.breakdown());
            ResultsFolder.writeWhole(profiles.resolve(fileName(cell)), GSON.toJson(profiled) + "\n");
            return Optional.of(profiled);
        } catch (RunnerException | IOException | RuntimeException e) {
            err.println("hamtlab: profile of " + cell.displayName() + " with "
                    + profiler.name().toLowerCase() + " failed: " + e);
            return Optional.empty();
        }
    }

    /** Every profiled cell of a results folder, as {@link #run} wrote them. */
    public static List<Profiled> read(Path folder) throws IOException {
        Path profiles = folder.resolve(ResultsFolder.PROFILES);
        List<Profiled> found = new ArrayList<>();
        if (!Files.isDirectory(profiles)) {
            return found;
        }
        try (Stream<Path> files = Files.list(profiles)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                try {
                    Profiled profiled = GSON.fromJson(Renames.readJson(file), Profiled.class);
                    profiled.cell();
                    profiled.profilerUsed();
                    found.add(profiled);
                } catch (RuntimeException e) {
                    throw new IOException(file + " is not a profile file: " + e.getMessage(), e);
                }
            }
        }
        return found;
    }
}
