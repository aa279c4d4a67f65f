package dev.hamtlab.bench.results;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import dev.hamtlab.bench.Jdk25;
import dev.hamtlab.bench.Platform;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Where and how a run was made, as its results folder records it: written before the first
 * benchmark as environment.md for people and environment.json for the report, so even a run cut
 * short records its machine. The runner's {@code EnvironmentProbe} gathers the facts.
 */
public final class Environment {
    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

    /** The name of the preset whose runs only prove that the benchmarks work. */
    public static final String SMOKE_PRESET = "smoke";

    private Environment() {
    }

    /** The facts of one run; the selection lists hold CLI names, so the report knows what was planned. */
    public record Facts(
            String date,
            String command,
            String workingDirectory,
            String preset,
            String presetSettings,
            List<String> implementations,
            Map<String, String> libraries,
            List<String> sizes,
            List<String> keys,
            List<String> operations,
            List<String> profiles,
            int forksPerLabel,
            long seed,
            String control,
            List<String> forkJvmFlags,
            List<String> runnerJvmFlags,
            String javaVersion,
            String vmName,
            String vmVendor,
            String vmVersion,
            String jmhVersion,
            String cpuModel,
            int cores,
            long memoryBytes,
            String os,
            String gitCommit,
            Boolean gitDirty,
            String loadAverageAtStart,
            String finished,
            String loadAverageAtEnd,
            Map<String, List<String>> platformFlags,
            String jdk25,
            Plan plan,
            List<Resumed> resumed,
            String transparentHugePages) {

        /** The same facts with the end of the run: when it finished and the load average then. */
        public Facts finished(String at, String loadAverage) {
            return new Facts(date, command, workingDirectory, preset, presetSettings,
                    implementations, libraries, sizes, keys,
                    operations, profiles, forksPerLabel, seed, control, forkJvmFlags, runnerJvmFlags,
                            javaVersion, vmName, vmVendor,
                    vmVersion, jmhVersion, cpuModel, cores, memoryBytes, os, gitCommit, gitDirty, loadAverageAtStart,
                    at, loadAverage, platformFlags, jdk25, plan, resumed, transparentHugePages);
        }

        /** The same facts with one more resume; the start stays the original one. */
        public Facts resumed(Resumed resume) {
            List<Resumed> resumes = new ArrayList<>(resumed);
            resumes.add(resume);
            return new Facts(date, command, workingDirectory, preset, presetSettings,
                    implementations, libraries, sizes, keys,
                    operations, profiles, forksPerLabel, seed, control, forkJvmFlags, runnerJvmFlags,
                            javaVersion, vmName, vmVendor,
                    vmVersion, jmhVersion, cpuModel, cores, memoryBytes, os, gitCommit, gitDirty, loadAverageAtStart,
                    finished, loadAverageAtEnd, platformFlags, jdk25, plan, List.copyOf(resumes), transparentHugePages);
        }

        /** Every platform's forked JVM flags, by CLI name, the main plan's first; a run made before the platforms had one. */
        public Map<String, List<String>> flagsByPlatform() {
            return platformFlags != null ? platformFlags
                    : Map.of(Platform.ofFlags(forkJvmFlags).cliName(), forkJvmFlags);
        }

        /** Whether a smoke run made these: its numbers mean nothing. */
        public boolean fromSmokeRun() {
            return SMOKE_PRESET.equals(preset);
        }

        /** For example "JDK 17.0.15 (OpenJDK 64-Bit Server VM), Intel Xeon, 2 cores, 23.6 GiB, Linux 6.1 amd64, commit 1a2b3c4". */
        public String summary() {
            return "JDK " + javaVersion + " (" + vmName + "), " + cpuModel + ", " + cores + " cores, "
                    + gibibytes() + ", " + os + ", commit " + shortCommit()
                    + (Boolean.TRUE.equals(gitDirty) ? " with uncommitted changes" : "");
        }

        private String gibibytes() {
            return String.format(Locale.ROOT, "%.1f GiB", memoryBytes / (1024.0 * 1024 * 1024));
        }

        private String shortCommit() {
            return gitCommit.length() > 7 ? gitCommit.substring(0, 7) : gitCommit;
        }
    }

    /**
     * What a timed run records beyond its selection so that a resume plans the same forks: the
     * main plan's platforms, in their order, and the JDK 25's java launcher, if the run had one.
     */
    public record Plan(List<String> platforms, String jdk25Java) {
    }

    /** One resume of a run cut short: when, and at which commit, with or without uncommitted changes. */
    public record Resumed(String at, String gitCommit, Boolean gitDirty) {
    }

    /** What a run records when its preset wanted a JDK 25 and none was given or found. */
    public static final String NO_JDK25 = "none";

    /** The one line a report gives when its run wanted a JDK 25 and had none. */
    public static String noJdk25Line() {
        return "No JDK 25 was given or found (searched " + Jdk25.searched().stream().map(Path::toString)
                .collect(Collectors.joining(", ")) + "), so this run has no JDK 25 columns; `--jdk PATH` gives one.";
    }

    /** Writes the facts into the folder as environment.json, which the report reads back, and environment.md. */
    public static void write(Path folder, Facts facts) throws IOException {
        Files.writeString(folder.resolve(ResultsFolder.ENVIRONMENT_JSON), GSON.toJson(facts) + "\n");
        Files.writeString(folder.resolve(ResultsFolder.ENVIRONMENT_MARKDOWN), markdown(facts));
    }

    /** The facts written by {@link #write}, or empty if the folder has none (or an empty file, as a kill may leave). */
    public static Optional<Facts> read(Path folder) throws IOException {
        Path file = folder.resolve(ResultsFolder.ENVIRONMENT_JSON);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        return Optional.ofNullable(GSON.fromJson(Renames.readJson(file), Facts.class));
    }

    private static String markdown(Facts facts) {
        String rows = Stream.of(
                row("Date", facts.date()),
                row("Command", "`" + facts.command() + "`"),
                row("Working directory", "`" + facts.workingDirectory() + "`"),
                row("Preset", facts.preset() + ": " + facts.presetSettings()),
                row("Implementations", facts.libraries() == null ? String.join(", ", facts.implementations())
                        : facts.libraries().entrySet().stream().map(e -> e.getKey() + " (" + e.getValue() + ")")
                                .collect(Collectors.joining(", "))),
                row("Sizes", String.join(", ", facts.sizes())),
                row("Key patterns",
                        facts.keys() == null ? "random (recorded before there were others)"
                : String.join(", ", facts.keys())),
                row("Operations", String.join(", ", facts.operations())),
                row("Type profiles", String.join(", ", facts.profiles())),
                row("Forks a label", String.valueOf(facts.forksPerLabel())),
                row("A/A control", facts.control() + ", measured under two labels"),
                row("Fork order seed",
                        facts.seed() + " (each round of forks is shuffled by it; --seed replays the order)"),
                row("Forked JVMs' flags", facts.forkJvmFlags().isEmpty()
                        ? "none: benchmarks run in the runner's JVM" : facts.flagsByPlatform().entrySet().stream()
                                .map(e -> e.getKey() + ": " + flags(e.getValue())).collect(Collectors.joining("; "))),
                row("JDK 25", facts.jdk25() == null ? "not used" : facts.jdk25().equals(NO_JDK25)
                        ? noJdk25Line() : facts.jdk25()),
                row("Runner JVM's flags", flags(facts.runnerJvmFlags())),
                row("JDK", facts.javaVersion() + ": " + facts.vmName() + ", " + facts.vmVendor()
                        + ", " + facts.vmVersion()),
                row("JMH", facts.jmhVersion()),
                row("CPU", facts.cpuModel()),
                row("Cores", String.valueOf(facts.cores())),
                row("Memory", facts.gibibytes()),
                row("OS", facts.os()),
                row("Transparent huge pages (kernel)", facts.transparentHugePages() == null
                        ? "not recorded (runs before 2026-12-07)" : facts.transparentHugePages()),
                row("Git commit", facts.gitCommit()),
                row("Uncommitted changes", facts.gitDirty() == null ? "unknown" : facts.gitDirty() ? "yes" : "no"),
                row("Load average at start (1, 5, 15 min)", String.valueOf(facts.loadAverageAtStart())),
                row("Resumed", facts.resumed() == null || facts.resumed().isEmpty() ? "never" : facts.resumed().stream()
                        .map(r -> r.at() + " at commit " + r.gitCommit() + (Boolean.TRUE.equals(r.gitDirty())
                                ? " with uncommitted changes" : ""))
                        .collect(Collectors.joining("; "))),
                row("Finished", facts.finished() == null
                        ? "not recorded: cut short or still running" : facts.finished()),
                row("Load average at end (1, 5, 15 min)", String.valueOf(facts.loadAverageAtEnd())),
                row("Every fork", "its start, the load average then, its collections and their pause time: [forks.md](forks.md)"))
                .collect(Collectors.joining());
        return "# Environment\n\n| Fact | Value |\n|---|---|\n" + rows;
    }

    private static String row(String fact, String value) {
        return "| " + fact + " | " + value + " |\n";
    }

    private static String flags(List<String> flags) {
        return flags.isEmpty() ? "none" : flags.stream().map(f -> "`" + f + "`").collect(Collectors.joining(" "));
    }

}
