package dev.hamtlab.bench;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.openjdk.jol.info.GraphLayout;
import org.openjdk.jol.vm.VM;

/**
 * Bytes per entry: the retained size of a map's own objects, keys and values excluded, by JOL's
 * walk of its object graph. Each key is its own value, so the keys' own graph (a String with its
 * characters) is subtracted once. Deterministic for a JVM's object layout, so it is measured in
 * the runner's JVM, whose layout (compressed references, the same headers) is the forks'.
 */
final class Footprint {
    /** Footprint files sit beside the JMH results in raw/, named with this prefix. */
    static final String FILE_PREFIX = "footprint_";

    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().create();

    private Footprint() {
    }

    /**
     * One footprint file: CLI names, the entries, the bytes of the map's own objects and of its
     * objects in all (keys included), and the layout JOL saw.
     */
    record Measured(String implementation, String keys, String size, long entries, long mapBytes, long withKeysBytes,
            long objects, String layout) {
        double bytesPerEntry() {
            return (double) mapBytes / entries;
        }
    }

    static Measured measure(Implementation implementation, KeyPattern keys, Size size) {
        Object[] inserted = Keys.of(keys, size.count()).insertOrder();
        MeasuredMap map = implementation.create();
        for (Object key : inserted) {
            map.put(key, key);
        }
        if (map.size() != inserted.length) {
            throw new IllegalStateException(implementation.cliName() + " holds " + map.size() + " of " + inserted.length);
        }
        GraphLayout whole = GraphLayout.parseInstance(map.built());
        if (implementation.intKeys()) {
            // Keys and values lie inline in the int map's arrays, which the map's own bytes must count: nothing to subtract.
            return new Measured(implementation.cliName(), keys.cliName(), size.cliName(), inserted.length,
                    whole.totalSize(), whole.totalSize(), whole.totalCount(), layout());
        }
        // The keys' graph, less the array that holds them, which the map does not reach.
        GraphLayout keysAlone = GraphLayout.parseInstance((Object) inserted);
        long keyBytes = keysAlone.totalSize() - keysAlone.getClassSizes().count(Object[].class);
        return new Measured(implementation.cliName(), keys.cliName(), size.cliName(), inserted.length,
                whole.totalSize() - keyBytes, whole.totalSize(), whole.totalCount() - (keysAlone.totalCount() - 1), layout());
    }

    /** For example "12-byte object headers, 4-byte references, 8-byte alignment". */
    static String layout() {
        return VM.current().objectHeaderSize() + "-byte object headers, " + VM.current().sizeOfField("java.lang.Object")
                + "-byte references, " + VM.current().objectAlignment() + "-byte alignment";
    }

    static String fileName(Implementation implementation, KeyPattern keys, Size size) {
        return FILE_PREFIX + new Label(implementation, false, TypeProfile.MONOMORPHIC, keys).fileStem() + "_"
                + size.cliName() + ".json";
    }

    /** Writes the footprint of every implementation with the keys at the size into raw/. */
    static void write(Path raw, Iterable<Implementation> implementations, KeyPattern keys, Size size) throws IOException {
        for (Implementation implementation : implementations) {
            Main.writeWhole(raw.resolve(fileName(implementation, keys, size)),
                    GSON.toJson(measure(implementation, keys, size)) + "\n");
        }
    }

    static Measured read(Path file) throws IOException {
        return GSON.fromJson(Files.readString(file), Measured.class);
    }
}
