package dev.hamtlab.bench.runner;

import dev.hamtlab.bench.Choice;
import dev.hamtlab.bench.Implementation;
import dev.hamtlab.bench.Jdk25;
import dev.hamtlab.bench.Platform;
import dev.hamtlab.bench.Size;
import dev.hamtlab.bench.results.Environment;
import dev.hamtlab.bench.results.Environment.Facts;
import dev.hamtlab.bench.results.Environment.Plan;
import dev.hamtlab.bench.results.Environment.Resumed;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.openjdk.jmh.util.Version;

/** Gathers the facts of a run, as {@link Environment} records them: at its start, its end and each resume. */
final class EnvironmentProbe {
    private EnvironmentProbe() {
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
                options.implementations().stream()
                        .collect(Collectors.toMap(Implementation::cliName, Implementation::library,
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
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                        + System.getProperty("os.arch"),
                git("rev-parse", "HEAD").orElse(UNKNOWN_COMMIT),
                uncommittedChanges(),
                loadAverage(),
                null,
                null,
                options.allPlatforms().stream().collect(Collectors.toMap(Platform::cliName,
                        p -> options.preset().forkJvmFlags(p, largest(options.sizes())),
                                (a, b) -> a, LinkedHashMap::new)),
                options.jdk25().map(Jdk25.Found::describe).orElse(options.lacksJdk25() ? Environment.NO_JDK25 : null),
                timed ? new Plan(cliNames(options.platforms()),
                        options.jdk25().map(j -> j.java().toString()).orElse(null)) : null,
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

    /** The facts with the run's end: now, and the load average now. */
    static Facts finished(Facts facts) {
        return facts.finished(now(), loadAverage());
    }

    /** The facts with one more resume, now, at the commit checked out now. */
    static Facts resumed(Facts facts) {
        return facts.resumed(new Resumed(now(), git("rev-parse", "HEAD").orElse(UNKNOWN_COMMIT), uncommittedChanges()));
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
