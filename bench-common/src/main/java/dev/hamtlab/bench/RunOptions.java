package dev.hamtlab.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** A benchmark run's command line, parsed and checked before anything is written. */
record RunOptions(
        Preset preset,
        List<Implementation> implementations,
        List<Size> sizes,
        List<Operation> operations,
        Collector collector,
        Path out,
        boolean force,
        String commandLine) {

    private static final String VALID_OPTIONS = "--preset, --impls, --sizes, --ops, --gc, --out, --force, --help";

    /** How the runner was started; the bench script sets it so the recorded command is the one typed. */
    private static final String LAUNCHER_VARIABLE = "HAMTLAB_LAUNCHER";
    private static final String DEFAULT_LAUNCHER = "java -jar bench-common/target/benchmarks.jar";
    private static final Pattern NEEDS_NO_QUOTES = Pattern.compile("[A-Za-z0-9_./,:=+@%-]+");

    static RunOptions parse(String[] args) throws BadInput {
        Preset preset = Preset.QUICK;
        List<Implementation> implementations = List.of(Implementation.values());
        List<Size> sizes = null;
        List<Operation> operations = List.of(Operation.values());
        Collector collector = Collector.G1;
        Path out = null;
        boolean force = false;
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            switch (option) {
                case "--preset" -> preset = one(Preset.class, "preset", value(args, ++i, option, valid(Preset.class, "preset")));
                case "--impls" -> implementations = list(Implementation.class, "implementation",
                        value(args, ++i, option, valid(Implementation.class, "implementation")));
                case "--sizes" -> sizes = list(Size.class, "size", value(args, ++i, option, valid(Size.class, "size")));
                case "--ops" -> operations = list(Operation.class, "operation",
                        value(args, ++i, option, valid(Operation.class, "operation")));
                case "--gc" -> collector = one(Collector.class, "collector",
                        value(args, ++i, option, valid(Collector.class, "collector")));
                case "--out" -> out = path(value(args, ++i, option, "the results folder to write, e.g. results/my-run"));
                case "--force" -> force = true;
                default -> throw new BadInput("unknown option '" + option + "'; valid options: " + VALID_OPTIONS
                        + ", or the commands: report FOLDER, publish FOLDER");
            }
        }
        if (sizes == null) {
            sizes = preset.defaultSizes();
        }
        if (out == null) {
            out = defaultOut(preset, collector);
        }
        checkOut(out, force);
        return new RunOptions(preset, implementations, sizes, operations, collector, out, force, commandLine(args));
    }

    /** results/<date>-<short commit>-<preset>[-<collector> unless G1], relative to the working directory. */
    private static Path defaultOut(Preset preset, Collector collector) {
        String commit = Environment.git("rev-parse", "--short", "HEAD").orElse("nogit");
        String gc = collector == Collector.G1 ? "" : "-" + collector.cliName();
        return Path.of("results", LocalDate.now() + "-" + commit + "-" + preset.cliName() + gc);
    }

    private static void checkOut(Path out, boolean force) throws BadInput {
        if (!Files.exists(out)) {
            return;
        }
        if (!Files.isDirectory(out)) {
            throw new BadInput("results folder '" + out + "' exists and is not a folder; choose another --out");
        }
        if (!force && !isEmpty(out)) {
            throw new BadInput("results folder '" + out + "' already exists and is not empty;"
                    + " choose another --out, or add --force to replace its results");
        }
    }

    private static boolean isEmpty(Path folder) throws BadInput {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.findAny().isEmpty();
        } catch (IOException e) {
            throw new BadInput("cannot read results folder '" + folder + "': " + e.getMessage());
        }
    }

    /** The value after an option; what names the valid values, for the error when it is missing. */
    private static String value(String[] args, int index, String option, String what) throws BadInput {
        if (index >= args.length || args[index].isEmpty() || args[index].startsWith("--")) {
            throw new BadInput("option " + option + " needs a value; " + what);
        }
        return args[index];
    }

    private static <E extends Enum<E> & Choice> List<E> list(Class<E> type, String noun, String commaSeparated)
            throws BadInput {
        Set<E> chosen = EnumSet.noneOf(type);
        for (String name : commaSeparated.split(",", -1)) {
            chosen.add(one(type, noun, name));
        }
        return List.copyOf(chosen);
    }

    private static <E extends Enum<E> & Choice> E one(Class<E> type, String noun, String name) throws BadInput {
        return Choice.find(type.getEnumConstants(), name)
                .orElseThrow(() -> new BadInput("unknown " + noun + " '" + name + "'; " + valid(type, noun)));
    }

    private static String valid(Class<? extends Choice> type, String noun) {
        return "valid " + noun + "s: " + Choice.list(type.getEnumConstants());
    }

    private static Path path(String value) throws BadInput {
        try {
            return Path.of(value);
        } catch (InvalidPathException e) {
            throw new BadInput("bad results folder '" + value + "': " + e.getReason());
        }
    }

    /** The command that started the runner, without its arguments. */
    static String launcher() {
        return System.getenv().getOrDefault(LAUNCHER_VARIABLE, DEFAULT_LAUNCHER);
    }

    private static String commandLine(String[] args) {
        return Stream.concat(Stream.of(launcher()), Arrays.stream(args).map(RunOptions::quoted))
                .collect(Collectors.joining(" "));
    }

    private static String quoted(String arg) {
        return NEEDS_NO_QUOTES.matcher(arg).matches() ? arg : "'" + arg.replace("'", "'\\''") + "'";
    }
}
