package dev.hamtlab.bench.runner;

import dev.hamtlab.bench.BadInput;
import dev.hamtlab.bench.Cell;
import dev.hamtlab.bench.Choice;
import dev.hamtlab.bench.Implementation;
import dev.hamtlab.bench.Jdk25;
import dev.hamtlab.bench.KeyPattern;
import dev.hamtlab.bench.Operation;
import dev.hamtlab.bench.Platform;
import dev.hamtlab.bench.Size;
import dev.hamtlab.bench.TypeProfile;
import dev.hamtlab.bench.results.Environment;
import dev.hamtlab.bench.results.Launcher;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** A benchmark run's command line, parsed and checked before anything is written. */
public record RunOptions(
        Preset preset,
        List<Implementation> implementations,
        List<Size> sizes,
        List<KeyPattern> keys,
        List<Operation> operations,
        List<TypeProfile> profiles,
        int forks,
        long seed,
        List<Platform> platforms,
        List<Preset.Extra> extras,
        List<Cell> profiled,
        Optional<Jdk25.Found> jdk25,
        Path out,
        boolean force,
        String commandLine) {

    private static final String VALID_OPTIONS =
            "--preset, --impls, --sizes, --keys, --ops, --profiles, --forks, --seed, --gc, --jdk, --out, --force, --help";
    /** Forks a label may be given: at least 2, or no comparison has an interval; at most what a day holds. */
    static final int MAX_FORKS = 100;

    private static final Pattern NEEDS_NO_QUOTES = Pattern.compile("[A-Za-z0-9_./,:=+@%-]+");

    static RunOptions parse(String[] args) throws BadInput {
        return parse(args, false);
    }

    /**
     * The options of a run, or with {@code profiling} of the profile command, whose default folder
     * ends in "-profile" rather than the preset's name.
     */
    static RunOptions parse(String[] args, boolean profiling) throws BadInput {
        Preset preset = Preset.QUICK;
        List<Implementation> implementations = null;
        List<Size> sizes = null;
        List<KeyPattern> keys = null;
        List<Operation> operations = null;
        List<TypeProfile> profiles = List.of(TypeProfile.MONOMORPHIC);
        Integer forks = null;
        long seed = System.currentTimeMillis();
        List<Platform> collectors = List.of(Platform.G1);
        Optional<Jdk25.Found> jdk25 = Optional.empty();
        Path out = null;
        boolean force = false;
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            switch (option) {
                case "--preset" -> preset = one(Preset.class, "preset",
                        value(args, ++i, option, valid(Preset.class, "preset")));
                case "--impls" -> implementations = list(Implementation.class, "implementation",
                        value(args, ++i, option, valid(Implementation.class, "implementation")));
                case "--sizes" -> sizes = sizes(value(args, ++i, option, "give " + Size.VALID));
                case "--keys" -> keys = list(KeyPattern.class, "key pattern",
                        value(args, ++i, option, valid(KeyPattern.class, "key pattern")));
                case "--ops" -> operations = list(Operation.class, "operation",
                        value(args, ++i, option, valid(Operation.class, "operation")));
                case "--profiles" -> profiles = list(TypeProfile.class, "type profile",
                        value(args, ++i, option, valid(TypeProfile.class, "type profile")));
                case "--forks" -> forks = (int) number(value(args, ++i, option, FORKS_RANGE), option,
                        2, MAX_FORKS, FORKS_RANGE);
                case "--seed" -> seed = number(value(args, ++i, option, SEED_RANGE), option,
                        Long.MIN_VALUE, Long.MAX_VALUE,
                        SEED_RANGE);
                case "--gc" -> collectors = collectors(value(args, ++i, option, VALID_COLLECTORS));
                case "--jdk" -> jdk25 = Optional.of(Jdk25.given(value(args, ++i, option,
                        "a JDK 25's home, e.g. /usr/lib/jvm/temurin-25-jdk-amd64")));
                case "--out" -> out = path(value(args, ++i, option,
                        "the results folder to write, e.g. results/my-run"));
                case "--force" -> force = true;
                default -> throw new BadInput("unknown option '" + option + "'; valid options: " + VALID_OPTIONS
                        + ", or the commands: profile, resume, report, publish, shapes, footprint, compare");
            }
        }
        if (sizes == null) {
            sizes = preset.defaultSizes();
        }
        if (keys == null) {
            keys = preset.defaultKeys();
        }
        if (operations == null) {
            operations = preset.defaultOperations();
        }
        if (implementations == null) {
            implementations = preset.defaultImplementations();
        }
        if (forks == null) {
            forks = preset.forks();
        }
        if (out == null) {
            out = defaultOut(profiling ? "profile" : preset.cliName(), collectors);
        }
        checkIntKeyed(implementations, keys, profiles);
        checkOut(out, force);
        if (jdk25.isEmpty() && preset.wantsJdk25()) {
            jdk25 = Jdk25.find();
        }
        List<Platform> platforms = new ArrayList<>(collectors);
        if (jdk25.isPresent() && !preset.wantsJdk25()) {
            platforms.addAll(Platform.ON_JDK25);
        }
        return of(preset, implementations, sizes, keys, operations, profiles, forks, seed, platforms, jdk25, out, force,
                commandLine(args));
    }

    /**
     * The options of the run recorded in {@code folder}, as it was started, for a resume; refused
     * when the record names a choice this runner no longer has or a JDK 25 no longer there.
     */
    static RunOptions recorded(Environment.Facts facts, Environment.Plan plan, Path folder) throws BadInput {
        Optional<Jdk25.Found> jdk25 = Optional.empty();
        if (plan.jdk25Java() != null) {
            jdk25 = Optional.of(Jdk25.given(plan.jdk25Java()));
        }
        return of(one(Preset.class, "preset", facts.preset()), inOrder(Implementation.class, "implementation",
                facts.implementations()), sizes(String.join(",", facts.sizes())),
                inOrder(KeyPattern.class, "key pattern", facts.keys()),
                        inOrder(Operation.class, "operation", facts.operations()),
                inOrder(TypeProfile.class, "type profile", facts.profiles()), facts.forksPerLabel(), facts.seed(),
                inOrder(Platform.class, "platform", plan.platforms()), jdk25, folder, false, facts.command());
    }

    /**
     * Recorded CLI names, each as its choice, in the recorded order: a preset's lists are in its own
     * order, and the order of the labels is the order the seed shuffles.
     */
    private static <E extends Enum<E> & Choice> List<E> inOrder(Class<E> type, String noun,
            List<String> names) throws BadInput {
        List<E> chosen = new ArrayList<>();
        for (String name : names) {
            chosen.add(one(type, noun, name));
        }
        return List.copyOf(chosen);
    }

    /** The options, with the preset's extras and profiled cells on the platforms the JDKs at hand allow. */
    private static RunOptions of(Preset preset, List<Implementation> implementations,
            List<Size> sizes, List<KeyPattern> keys,
            List<Operation> operations, List<TypeProfile> profiles, int forks, long seed, List<Platform> platforms,
            Optional<Jdk25.Found> jdk25, Path out, boolean force, String commandLine) {
        boolean hasJdk25 = jdk25.isPresent();
        List<Platform> available = Stream.of(Platform.values()).filter(p -> hasJdk25 || !p.onJdk25()).toList();
        return new RunOptions(preset, implementations, sizes, keys, operations, profiles, forks,
                seed, List.copyOf(platforms),
                extras(preset, implementations, operations, sizes, available),
                profiled(preset, implementations, operations, sizes, available), jdk25, out, force, commandLine);
    }

    /** The preset's extra platforms, within the chosen maps, operations and sizes and the platforms available. */
    private static List<Preset.Extra> extras(Preset preset, List<Implementation> implementations,
            List<Operation> operations,
            List<Size> sizes, List<Platform> available) {
        return preset.extras().stream().map(e -> e.within(implementations, operations, sizes, available))
                .filter(e -> !e.isEmpty()).toList();
    }

    /** The preset's profiled cells among the chosen maps, operations and sizes, on the platforms available. */
    private static List<Cell> profiled(Preset preset, List<Implementation> implementations, List<Operation> operations,
            List<Size> sizes, List<Platform> available) {
        return preset.profiled().stream()
                .filter(c -> implementations.contains(c.label().implementation()) && operations.contains(c.operation())
                        && sizes.contains(c.size()) && available.contains(c.label().platform()))
                .toList();
    }

    /** Whether the preset would run JDK 25 platforms and no JDK 25 was given or found. */
    boolean lacksJdk25() {
        return jdk25.isEmpty() && preset.wantsJdk25();
    }

    /** Every platform the run measures some cell on, the main plan's first. */
    List<Platform> allPlatforms() {
        Set<Platform> all = new LinkedHashSet<>(platforms);
        extras.forEach(e -> all.addAll(e.platforms()));
        return List.copyOf(all);
    }

    private static final String VALID_COLLECTORS = "valid collectors: "
            + Choice.list(Platform.COLLECTORS.toArray(Platform[]::new));

    /** Comma-separated collectors, each once, in the order given. */
    private static List<Platform> collectors(String commaSeparated) throws BadInput {
        Set<Platform> chosen = new LinkedHashSet<>();
        for (String name : commaSeparated.split(",", -1)) {
            chosen.add(Choice.find(Platform.COLLECTORS.toArray(Platform[]::new), name)
                    .orElseThrow(() -> new BadInput("unknown collector '" + name + "'; " + VALID_COLLECTORS)));
        }
        return List.copyOf(chosen);
    }

    /** results/<date>-<short commit>-<preset or profile>[-<collectors> unless G1 alone], relative to the working directory. */
    private static Path defaultOut(String kind, List<Platform> collectors) {
        String commit = EnvironmentProbe.git("rev-parse", "--short", "HEAD").orElse("nogit");
        String gc = collectors.equals(List.of(Platform.G1)) ? ""
                : "-" + collectors.stream().map(Platform::cliName).collect(Collectors.joining("-"));
        return Path.of("results", LocalDate.now() + "-" + commit + "-" + kind + gc);
    }

    /** The int maps take Integer keys alone, unboxed, whose calls no other key type can pollute. */
    private static void checkIntKeyed(List<Implementation> implementations, List<KeyPattern> keys,
            List<TypeProfile> profiles) throws BadInput {
        List<String> intKeyed = implementations.stream().filter(Implementation::intKeys)
                .map(Implementation::cliName).toList();
        if (intKeyed.isEmpty()) {
            return;
        }
        if (keys.stream().anyMatch(k -> !k.isInteger())) {
            throw new BadInput(String.join(",", intKeyed) + " take int keys only; valid key patterns for them: "
                    + Stream.of(KeyPattern.values()).filter(KeyPattern::isInteger).map(KeyPattern::cliName)
                            .collect(Collectors.joining(", ")));
        }
        if (profiles.contains(TypeProfile.POLLUTED)) {
            throw new BadInput(String.join(",", intKeyed)
                    + " take int keys only, which nothing pollutes; valid type profile"
                    + " for them: " + TypeProfile.MONOMORPHIC.cliName());
        }
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

    private static final String FORKS_RANGE = "a whole number of forks a label, 2 to " + MAX_FORKS;

    private static final String SEED_RANGE = "a whole number, e.g. 42 (it orders the forks; the report records it)";

    /** A whole number from min to max; range says what is valid, for the error. */
    private static long number(String value, String option, long min, long max, String range) throws BadInput {
        try {
            long number = Long.parseLong(value);
            if (number < min || number > max) {
                throw new BadInput("bad " + option + " '" + value + "'; give " + range);
            }
            return number;
        } catch (NumberFormatException e) {
            throw new BadInput("bad " + option + " '" + value + "'; give " + range);
        }
    }

    /** Comma-separated sizes and sweeps, in ascending order, each once. */
    private static List<Size> sizes(String commaSeparated) throws BadInput {
        List<Size> sizes = new ArrayList<>();
        for (String item : commaSeparated.split(",", -1)) {
            sizes.addAll(Size.parseItem(item)
                    .orElseThrow(() -> new BadInput("bad size '" + item + "'; give " + Size.VALID)));
        }
        return Size.sorted(sizes);
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

    private static String commandLine(String[] args) {
        return Stream.concat(Stream.of(Launcher.name()), Arrays.stream(args).map(RunOptions::quoted))
                .collect(Collectors.joining(" "));
    }

    private static String quoted(String arg) {
        return NEEDS_NO_QUOTES.matcher(arg).matches() ? arg : "'" + arg.replace("'", "'\\''") + "'";
    }
}
