package dev.hamtlab.bench.runner;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import dev.hamtlab.bench.Choice;
import dev.hamtlab.bench.Implementation;
import dev.hamtlab.bench.Platform;
import dev.hamtlab.bench.Size;
import dev.hamtlab.bench.report.Report;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.openjdk.jmh.util.Version;

/**
 * Where and how a run was made: written before the first benchmark as environment.md for people
 * and environment.json for {@link Report}, so even a run cut short records its machine.
 */
public final class Environment {
    public static final String JSON_FILE = "environment.json";
    public static final String MARKDOWN_FILE = "environment.md";

    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

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
        Facts finishedNow() {
            return new Facts(date, command, workingDirectory, preset, presetSettings, implementations, libraries, sizes, keys,
                    operations, profiles, forksPerLabel, seed, control, forkJvmFlags, runnerJvmFlags, javaVersion, vmName, vmVendor,
                    vmVersion, jmhVersion, cpuModel, cores, memoryBytes, os, gitCommit, gitDirty, loadAverageAtStart,
                    now(), loadAverage(), platformFlags, jdk25, plan, resumed, transparentHugePages);
        }

        /** The same facts with one more resume, now, at the commit checked out now; the start stays the original one. */
        Facts resumedNow() {
            List<Resumed> resumes = new ArrayList<>(resumed);
            resumes.add(new Resumed(now(), git("rev-parse", "HEAD").orElse(UNKNOWN_COMMIT), uncommittedChanges()));
            return new Facts(date, command, workingDirectory, preset, presetSettings, implementations, libraries, sizes, keys,
                    operations, profiles, forksPerLabel, seed, control, forkJvmFlags, runnerJvmFlags, javaVersion, vmName, vmVendor,
                    vmVersion, jmhVersion, cpuModel, cores, memoryBytes, os, gitCommit, gitDirty, loadAverageAtStart,
                    finished, loadAverageAtEnd, platformFlags, jdk25, plan, List.copyOf(resumes), transparentHugePages);
        }

        /** Every platform's forked JVM flags, by CLI name, the main plan's first; a run made before the platforms had one. */
        public Map<String, List<String>> flagsByPlatform() {
            return platformFlags != null ? platformFlags : Map.of(Platform.ofFlags(forkJvmFlags).cliName(), forkJvmFlags);
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

    /** What a run records as its commit outside a git repository. */
    static final String UNKNOWN_COMMIT = "unknown";

    /**
     * The run's facts at its start; {@code control} is the A/A control's implementation;
     * {@code timed}: a run of timed forks, which a resume can continue, rather than a profile run.
     */
    static Facts collect(RunOptions options, Implementation control, boolean timed) {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        return new Facts(
                now(),
                options.commandLine(),
                Path.of("").toAbsolutePath().toString(),
                options.preset().cliName(),
                options.preset().settings(options.forks()),
                cliNames(options.implementations()),
                options.implementations().stream().collect(Collectors.toMap(Implementation::cliName, Implementation::library,
                        (a, b) -> a, LinkedHashMap::new)),
                cliNames(options.sizes()),
                cliNames(options.keys()),
                cliNames(options.operations()),
                cliNames(options.profiles()),
                options.forks(),
                options.seed(),
                control.cliName(),
                options.preset().forkJvmFlags(options.platforms().get(0), largest(options.sizes())),
                ManagementFactory.getRuntimeMXBean().getInputArguments(),
                System.getProperty("java.version"),
                System.getProperty("java.vm.name"),
                System.getProperty("java.vm.vendor"),
                System.getProperty("java.vm.version"),
                Version.getPlainVersion(),
                cpuModel(),
                Runtime.getRuntime().availableProcessors(),
                os.getTotalMemorySize(),
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"),
                git("rev-parse", "HEAD").orElse(UNKNOWN_COMMIT),
                uncommittedChanges(),
                loadAverage(),
                null,
                null,
                options.allPlatforms().stream().collect(Collectors.toMap(Platform::cliName,
                        p -> options.preset().forkJvmFlags(p, largest(options.sizes())), (a, b) -> a, LinkedHashMap::new)),
                options.jdk25().map(Jdk25.Found::describe).orElse(options.lacksJdk25() ? NO_JDK25 : null),
                timed ? new Plan(cliNames(options.platforms()), options.jdk25().map(j -> j.java().toString()).orElse(null)) : null,
                List.of(),
                transparentHugePages());
    }

    /**
     * The kernel's transparent huge page modes, the chosen one in brackets, as Linux writes them,
     * for example "enabled: always [madvise] never; defrag: ... [madvise] never": the g1-thp platform's
     * {@code -XX:+UseTransparentHugePages} asks for huge pages with madvise, which "never" refuses.
     * "unknown" where the kernel has no such files.
     */
    private static String transparentHugePages() {
        Path modes = Path.of("/sys/kernel/mm/transparent_hugepage");
        try {
            return "enabled: " + Files.readString(modes.resolve("enabled")).strip() + "; defrag: "
                    + Files.readString(modes.resolve("defrag")).strip();
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    /** Whether the working tree has uncommitted changes to tracked files; null without git. */
    private static Boolean uncommittedChanges() {
        return git("status", "--porcelain", "--untracked-files=no").map(s -> !s.isEmpty()).orElse(null);
    }

    /** What a run records when its preset wanted a JDK 25 and none was given or found. */
    public static final String NO_JDK25 = "none";

    /** The one line a report gives when its run wanted a JDK 25 and had none. */
    public static String noJdk25Line() {
        return "No JDK 25 was given or found (searched " + Jdk25.searched().stream().map(Path::toString)
                .collect(Collectors.joining(", ")) + "), so this run has no JDK 25 columns; `--jdk PATH` gives one.";
    }

    private static String now() {
        return OffsetDateTime.now().truncatedTo(ChronoUnit.SECONDS).toString();
    }

    /**
     * The machine's load averages over 1, 5 and 15 minutes, from /proc/loadavg: on a shared 2-core
     * machine, what else ran beside the benchmarks. "unknown" where there is no /proc.
     */
    static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).strip().split(" ");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    /** Writes the facts into the folder as environment.json, which the report reads back, and environment.md. */
    public static void write(Path folder, Facts facts) throws IOException {
        Files.writeString(folder.resolve(JSON_FILE), GSON.toJson(facts) + "\n");
        Files.writeString(folder.resolve(MARKDOWN_FILE), markdown(facts));
    }

    /** The facts written by {@link #write}, or empty if the folder has none (or an empty file, as a kill may leave). */
    public static Optional<Facts> read(Path folder) throws IOException {
        Path file = folder.resolve(JSON_FILE);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        return Optional.ofNullable(GSON.fromJson(Files.readString(file), Facts.class));
    }

    /** Output of a git command run in the working directory, or empty without git or a repository. */
    static Optional<String> git(String... arguments) {
        List<String> command = Stream.concat(Stream.of("git"), Stream.of(arguments)).collect(Collectors.toList());
        try {
            Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            return process.waitFor() == 0 ? Optional.of(output) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
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
                row("Key patterns", facts.keys() == null ? "random (recorded before there were others)" : String.join(", ", facts.keys())),
                row("Operations", String.join(", ", facts.operations())),
                row("Type profiles", String.join(", ", facts.profiles())),
                row("Forks a label", String.valueOf(facts.forksPerLabel())),
                row("A/A control", facts.control() + ", measured under two labels"),
                row("Fork order seed", facts.seed() + " (each round of forks is shuffled by it; --seed replays the order)"),
                row("Forked JVMs' flags", facts.forkJvmFlags().isEmpty()
                        ? "none: benchmarks run in the runner's JVM" : facts.flagsByPlatform().entrySet().stream()
                                .map(e -> e.getKey() + ": " + flags(e.getValue())).collect(Collectors.joining("; "))),
                row("JDK 25", facts.jdk25() == null ? "not used" : facts.jdk25().equals(NO_JDK25) ? noJdk25Line() : facts.jdk25()),
                row("Runner JVM's flags", flags(facts.runnerJvmFlags())),
                row("JDK", facts.javaVersion() + ": " + facts.vmName() + ", " + facts.vmVendor() + ", " + facts.vmVersion()),
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
                row("Finished", facts.finished() == null ? "not recorded: cut short or still running" : facts.finished()),
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

    private static String cpuModel() {
        try (Stream<String> lines = Files.lines(Path.of("/proc/cpuinfo"))) {
            return lines.filter(line -> line.startsWith("model name"))
                    .map(line -> line.substring(line.indexOf(':') + 1).strip())
                    .findFirst()
                    .orElse("unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    /**
     * The run's largest size: the flags recorded are those of its forks there (smaller sizes may
     * get a smaller heap, as the preset's settings say).
     */
    private static Size largest(List<Size> sizes) {
        return sizes.stream().max(Comparator.naturalOrder()).orElseThrow();
    }

    private static List<String> cliNames(List<? extends Choice> choices) {
        return choices.stream().map(Choice::cliName).collect(Collectors.toList());
    }
}
