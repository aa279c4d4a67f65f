package dev.hamtlab.bench.runner;

import dev.hamtlab.bench.Cell;
import dev.hamtlab.bench.Jdk25;
import dev.hamtlab.bench.Label;
import dev.hamtlab.bench.Operation;
import dev.hamtlab.bench.Size;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.VerboseMode;

/** Each fork's JMH options: the preset's forks, iterations and JVM flags, and the one benchmark and parameters of its cell. */
public final class ForkOptions {
    private ForkOptions() {
    }

    /** One fork's JMH options; {@code jdk25} is the java launcher of the JDK 25 platforms' forks. */
    static Options jmhOptions(Preset preset, Operation operation, Label label, Size size, Optional<Path> jdk25) {
        return of(preset, operation, label, size, jdk25).build();
    }

    /** The options of each cell's forks in the run, for a profiler to add to. */
    static Function<Cell, ChainedOptionsBuilder> ofCells(RunOptions options) {
        return cell -> of(options.preset(), cell.operation(), cell.label(), cell.size(),
                options.jdk25().map(Jdk25.Found::java));
    }

    /** The options of {@link #jmhOptions}, still open to more, such as a profiler. */
    public static ChainedOptionsBuilder of(Preset preset, Operation operation, Label label,
            Size size, Optional<Path> jdk25) {
        ChainedOptionsBuilder options = preset.applyTo(new OptionsBuilder(), label.platform(), size);
        if (label.platform().onJdk25()) {
            options = options.jvm(jdk25.orElseThrow(() -> new IllegalArgumentException(label.displayName()
                    + " needs a JDK 25"))
                    .toString());
        }
        return options
                .include("^" + Pattern.quote(operation.benchmarkName(label.implementation())) + "$")
                .param("impl", label.implementation().cliName())
                .param("size", size.cliName())
                .param("profile", label.profile().cliName())
                .param("keys", label.keys().cliName())
                .param("arm", label.arm())
                .param("platform", label.platform().cliName())
                // This makes the score ns per key (per churn step).
                .operationsPerInvocation(operation.opsPerCall(size))
                // Bytes allocated and collections, per measured iteration.
                .addProfiler(GCProfiler.class)
                .verbosity(VerboseMode.SILENT)
                .shouldFailOnError(true);
    }
}
