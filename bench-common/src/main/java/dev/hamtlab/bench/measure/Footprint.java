package dev.hamtlab.bench.measure;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import dev.hamtlab.bench.Choice;
import dev.hamtlab.bench.Implementation;
import dev.hamtlab.bench.KeyPattern;
import dev.hamtlab.bench.Keys;
import dev.hamtlab.bench.Label;
import dev.hamtlab.bench.peers.MeasuredMap;
import dev.hamtlab.bench.Platform;
import dev.hamtlab.bench.Size;
import dev.hamtlab.bench.TypeProfile;
import dev.hamtlab.bench.results.Renames;
import dev.hamtlab.bench.results.ResultsFolder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.openjdk.jol.info.GraphLayout;
import org.openjdk.jol.vm.VM;

/**
 * Bytes per entry: the retained size of a map's own objects, keys and values excluded, by JOL's
 * walk of its object graph. Each key is its own value, so the keys' own graph (a String with its
 * characters) is subtracted once. Deterministic for a JVM's object layout, so it is measured in
 * the runner's JVM, whose layout (compressed references, the same headers) is the forks'; for a
 * JDK 25 platform, in a JVM of that JDK with that platform's flags, whose headers may be compact.
 */
public final class Footprint {
    /** Footprint files sit beside the JMH results in raw/, named with this prefix. */
    public static final String FILE_PREFIX = "footprint_";

    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().create();

    private Footprint() {
    }

    /**
     * One footprint file: CLI names, the entries, the bytes of the map's own objects and of its
     * objects in all (keys included), the layout JOL saw, and the map's own bytes by class, most
     * first (null in files made before they were recorded).
     */
    public record Measured(String implementation, String keys, String size, long entries,
            long mapBytes, long withKeysBytes,
            long objects, String layout, String platform, Map<String, Long> classBytes) {
        /** The bytes of the map's own objects, per entry. */
        public double bytesPerEntry() {
            return (double) mapBytes / entries;
        }

        /** The platform whose layout it was measured in; files made before the platforms were the runner's, G1's. */
        public Platform platformOrG1() {
            return platform == null ? Platform.G1 : Choice.named(Platform.values(), platform);
        }
    }

    static Measured measure(Implementation implementation, KeyPattern keys, Size size) {
        return measure(implementation, keys, size, Platform.G1);
    }

    /** The footprint in this JVM, recorded as the given platform's: the caller runs it in that platform's JVM. */
    private static Measured measure(Implementation implementation, KeyPattern keys, Size size, Platform platform) {
        Object[] inserted = Keys.of(keys, size.count()).insertOrder();
        MeasuredMap map = implementation.create();
        for (Object key : inserted) {
            map.put(key, key);
        }
        if (map.size() != inserted.length) {
            throw new IllegalStateException(implementation.cliName() + " holds " + map.size()
                    + " of " + inserted.length);
        }
        GraphLayout whole = GraphLayout.parseInstance(map.built());
        if (implementation.intKeys()) {
            // Keys and values lie inline in the int map's arrays, which the map's own bytes must count: nothing to subtract.
            return new Measured(implementation.cliName(), keys.cliName(), size.cliName(), inserted.length,
                    whole.totalSize(), whole.totalSize(), whole.totalCount(), layout(), platform.cliName(),
                    classBytes(whole, null));
        }
        // The keys' graph, less the array that holds them, which the map does not reach.
        GraphLayout keysAlone = GraphLayout.parseInstance((Object) inserted);
        long keyBytes = keysAlone.totalSize() - keysAlone.getClassSizes().count(Object[].class);
        return new Measured(implementation.cliName(), keys.cliName(), size.cliName(), inserted.length,
                whole.totalSize() - keyBytes, whole.totalSize(),
                        whole.totalCount() - (keysAlone.totalCount() - 1), layout(),
                platform.cliName(), classBytes(whole, keysAlone));
    }

    /**
     * The map's own bytes by class, most first: the whole graph's less the keys' graph's (none for
     * the int maps), class by class, but for the keys' graph's one Object[], the array that holds the
     * keys (no key holds an Object[]), which the map does not reach. Classes are named without their
     * package; two of one name would be summed.
     */
    private static Map<String, Long> classBytes(GraphLayout whole, GraphLayout keys) {
        Map<String, Long> bytes = new TreeMap<>();
        for (Class<?> type : whole.getClasses()) {
            long own = whole.getClassSizes().count(type)
                    - (keys == null || type == Object[].class ? 0 : keys.getClassSizes().count(type));
            if (own > 0) {
                bytes.merge(className(type), own, Long::sum);
            }
        }
        Map<String, Long> mostFirst = new LinkedHashMap<>();
        bytes.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(entry -> mostFirst.put(entry.getKey(), entry.getValue()));
        return mostFirst;
    }

    /** For example "Object[]", "HashMap$Node" or "Bucket". */
    private static String className(Class<?> type) {
        return type.isArray() ? className(type.getComponentType()) + "[]"
                : type.getName().substring(type.getName().lastIndexOf('.') + 1);
    }

    /** For example "12-byte object headers, 4-byte references, 8-byte alignment". */
    static String layout() {
        return VM.current().objectHeaderSize() + "-byte object headers, " + VM.current().sizeOfField("java.lang.Object")
                + "-byte references, " + VM.current().objectAlignment() + "-byte alignment";
    }

    /** The name of its file in raw/: one implementation's footprint with the keys at the size on the platform. */
    public static String fileName(Implementation implementation, KeyPattern keys, Size size, Platform platform) {
        return FILE_PREFIX + new Label(implementation, false, TypeProfile.MONOMORPHIC, keys, platform).fileStem() + "_"
                + size.cliName() + ".json";
    }

    /** Writes the footprint of every implementation with the keys at the size into raw/, in this JVM. */
    public static void write(Path raw, Iterable<Implementation> implementations, KeyPattern keys,
            Size size) throws IOException {
        write(raw, implementations, keys, size, Platform.G1);
    }

    private static void write(Path raw, Iterable<Implementation> implementations, KeyPattern keys, Size size,
            Platform platform) throws IOException {
        for (Implementation implementation : implementations) {
            ResultsFolder.writeWhole(raw.resolve(fileName(implementation, keys, size, platform)),
                    GSON.toJson(measure(implementation, keys, size, platform)) + "\n");
        }
    }

    /**
     * Writes the footprints on a JDK 25 platform: {@link #main} in a JVM of the JDK 25 with the
     * platform's flags, from this runner's own class path.
     */
    public static void writeOnJdk25(Path raw, List<Implementation> implementations, KeyPattern keys,
            Size size, Platform platform,
            Path java) throws IOException {
        List<String> command = new ArrayList<>(List.of(java.toString()));
        command.addAll(platform.forkJvmFlags(size).stream()
                .filter(flag -> !flag.equals("-XX:+AlwaysPreTouch")).toList());
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Footprint.class.getName(), raw.toString(),
                platform.cliName(), keys.cliName(), size.cliName()));
        implementations.forEach(i -> command.add(i.cliName()));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (process.waitFor() != 0) {
                throw new IOException("the footprints on " + platform.cliName() + " failed: " + output.strip());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while measuring the footprints on " + platform.cliName(), e);
        }
    }

    /** Measures in this JVM for {@link #writeOnJdk25}: RAW PLATFORM KEYS SIZE IMPLEMENTATION... */
    public static void main(String[] args) throws IOException {
        List<Implementation> implementations = Stream.of(args).skip(4)
                .map(name -> Choice.named(Implementation.values(), name))
                .toList();
        write(Path.of(args[0]), implementations, Choice.named(KeyPattern.values(), args[2]), Size.named(args[3]),
                Choice.named(Platform.values(), args[1]));
    }

    /** One footprint file, as {@link #write} wrote it. */
    public static Measured read(Path file) throws IOException {
        return GSON.fromJson(Renames.readJson(file), Measured.class);
    }
}
