package dev.hamtlab.bench.runner;

import dev.hamtlab.bench.BadInput;
import dev.hamtlab.bench.Cell;
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
import dev.hamtlab.bench.report.Compare;
import dev.hamtlab.bench.report.Publish;
import dev.hamtlab.bench.report.Report;
import dev.hamtlab.bench.results.Environment;
import dev.hamtlab.bench.results.Launcher;
import dev.hamtlab.bench.results.ResultsFolder;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The runner: runs every fork as its own JMH run, the forks of all labels of one (size, operation)
 * interleaved in shuffled rounds, keeps each finished fork at once in the results folder's raw/,
 * with a phase's {@link PoolCounters} beside them, and writes the report from there.
 */
public final class Main {
    private static final String USAGE = String.join("\n",
            "usage: " + Launcher.name() + " [options]   run benchmarks and write a report",
            "       " + Launcher.name() + " profile [options]  CPU and allocation flame graphs of every selected cell,",
            "                   e.g. profile --impls phase3 --ops churn --sizes 1M --gc g1,parallel",
            "       " + Launcher.name()
                    + " resume FOLDER [--force]  continue the run cut short in FOLDER: the same forks in the",
            "                   same order, skipping those FOLDER holds (--force: even at another commit than the run's)",
            "       " + Launcher.name() + " report FOLDER   rebuild FOLDER/report.md from FOLDER/raw",
            "       " + Launcher.name() + " publish FOLDER  copy FOLDER's tables into the READMEs and docs/",
            "       " + Launcher.name()
                    + " shapes FOLDER   add the phases' trie shapes at FOLDER's sizes and keys, rebuild its report",
            "       " + Launcher.name()
                    + " footprint FOLDER  add every map's bytes per entry at FOLDER's sizes and keys, rebuild its report",
            "       " + Launcher.name() + " compare A B     the ratio table of two results folders' common cells",
            "options:",
            "  --preset NAME    " + Choice.list(Preset.values()) + " (default quick)",
            "  --impls A,B      " + Choice.list(Implementation.values()) + " (default: the preset's)",
            "  --sizes A,B      " + Size.VALID + " (default: the preset's, " + presetSizes() + ")",
            "  --keys A,B       key patterns: " + Choice.list(KeyPattern.values())
                    + " (default: the preset's; random but for peers)",
            "  --ops A,B        " + Choice.list(Operation.values()) + " (default: the preset's; all but for peers)",
            "  --profiles A,B   type profiles: " + Choice.list(TypeProfile.values()) + " (default monomorphic)",
            "  --forks N        forks of each implementation, 2 to " + RunOptions.MAX_FORKS
                    + " (default: the preset's)",
            "  --seed N         the seed that shuffles each round of forks (default: the clock; recorded)",
            "  --gc A,B         the forks' collectors: " + Choice.list(Platform.COLLECTORS.toArray(Platform[]::new))
                    + " (default g1; every cell on each)",
            "  --jdk PATH       a JDK 25: adds JDK 25 G1 with and without compact object headers (the full preset finds one",
            "                   where JDKs are installed)",
            "  --out FOLDER     results folder (default results/<date>-<commit>-<preset>)",
            "  --force          replace the results of an existing, non-empty results folder");

    private Main() {
    }

    /** For example "smoke 1K; quick 1K,100K". */
    private static String presetSizes() {
        return Stream.of(Preset.values())
                .map(preset -> preset.cliName() + " "
                        + preset.defaultSizes().stream().map(Size::cliName).collect(Collectors.joining(",")))
                .collect(Collectors.joining("; "));
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the command line and returns the exit code: 0 done, 1 failed, 2 bad input (nothing written). */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        try {
            if (args.length > 0 && args[0].equals(Resume.COMMAND)) {
                Resume resume = Resume.parse(args);
                return TimedRun.run(resume.options(), resume.start(), out, err);
            }
            if (args.length > 0 && args[0].equals("report")) {
                Path folder = resultsFolder(args, "report");
                Report.write(folder);
                out.println("hamtlab: wrote " + folder.resolve(ResultsFolder.REPORT));
                return 0;
            }
            if (args.length > 0 && (args[0].equals("shapes") || args[0].equals("footprint"))) {
                Path folder = resultsFolder(args, args[0]);
                Report planned = Report.read(folder);
                Path raw = folder.resolve(ResultsFolder.RAW);
                for (Size size : planned.sizes()) {
                    for (KeyPattern keys : planned.keys()) {
                        if (args[0].equals("shapes")) {
                            TrieShapes.write(raw, planned.implementations(), keys, size);
                        } else {
                            Footprint.write(raw, planned.implementations(), keys, size);
                        }
                    }
                }
                Report.write(folder);
                out.println("hamtlab: wrote the " + (args[0].equals("shapes") ? "trie shapes" : "footprints") + " into "
                        + raw + " and " + folder.resolve(ResultsFolder.REPORT));
                return 0;
            }
            if (args.length > 0 && args[0].equals("publish")) {
                for (Path readme : Publish.readmes(resultsFolder(args, "publish"), Path.of(""))) {
                    out.println("hamtlab: wrote " + readme);
                }
                return 0;
            }
            if (args.length > 0 && args[0].equals("compare")) {
                if (args.length != 3) {
                    throw new BadInput("usage: compare A B, where A and B are results folders holding raw/*.json");
                }
                out.print(Compare.table(resultsFolder(args[1]), resultsFolder(args[2])));
                return 0;
            }
            if (List.of(args).contains("--help")) {
                out.println(USAGE);
                return 0;
            }
            if (args.length > 0 && args[0].equals("profile")) {
                return profile(RunOptions.parse(Arrays.copyOfRange(args, 1, args.length), true), out, err);
            }
            RunOptions options = RunOptions.parse(args);
            return TimedRun.run(options, start(options, ForkPlan.controlOf(options.implementations()), true), out, err);
        } catch (BadInput e) {
            err.println("hamtlab: " + e.getMessage());
            return 2;
        } catch (IOException e) {
            err.println("hamtlab: " + e.getMessage());
            return 1;
        }
    }

    /** The results folder a {@code report}, {@code shapes} or {@code publish} command names. */
    private static Path resultsFolder(String[] args, String command) throws BadInput {
        if (args.length != 2) {
            throw new BadInput("usage: " + command + " FOLDER, where FOLDER is a results folder holding raw/*.json");
        }
        return resultsFolder(args[1]);
    }

    /** A folder named on the command line, refused unless it holds raw/. */
    static Path resultsFolder(String name) throws BadInput {
        Path folder = Path.of(name);
        if (!Files.isDirectory(folder.resolve(ResultsFolder.RAW))) {
            throw new BadInput("'" + folder + "' has no raw/ folder; give a results folder, e.g. results/<run>");
        }
        return folder;
    }

    /**
     * Makes the run's folder (emptied first under --force) with its raw/ and records the
     * environment before anything runs, so even a run cut short names its machine; a timed run's
     * record holds what {@link Resume} needs to continue it.
     */
    private static Environment.Facts start(RunOptions options, Implementation control,
            boolean timed) throws IOException {
        if (options.force()) {
            ResultsFolder.deleteGenerated(options.out());
        }
        Files.createDirectories(options.out().resolve(ResultsFolder.RAW));
        Environment.Facts facts = EnvironmentProbe.collect(options, control, timed);
        Environment.write(options.out(), facts);
        return facts;
    }

    /** The profile command: a profiled fork of every selected cell, then the report that links their flame graphs. */
    private static int profile(RunOptions options, PrintStream out, PrintStream err) throws IOException {
        Path folder = options.out();
        Environment.Facts facts = start(options, ForkPlan.controlOf(options.implementations()), false);
        List<Cell> cells = new ArrayList<>();
        for (Size size : options.sizes()) {
            for (Operation operation : options.operations()) {
                for (KeyPattern keys : options.keys()) {
                    for (TypeProfile profile : options.profiles()) {
                        for (Platform platform : options.platforms()) {
                            for (Implementation implementation : options.implementations()) {
                                cells.add(new Cell(operation, size,
                                        new Label(implementation, false, profile, keys, platform)));
                            }
                        }
                    }
                }
            }
        }
        out.println("hamtlab: flame graphs of " + cells.size() + " cells into "
                + folder.resolve(ResultsFolder.PROFILES));
        int failed = Profiling.run(cells, folder, ForkOptions.ofCells(options), out, err);
        Environment.write(folder, EnvironmentProbe.finished(facts));
        Report.write(folder);
        out.println("hamtlab: wrote " + folder.resolve(ResultsFolder.REPORT));
        return failed > 0 ? 1 : 0;
    }
}
