package dev.hamtlab.bench;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The phases' trie shapes, each from its own {@code shape()}: the trie of a size's keys, as the
 * query benchmarks read it. The keys are fixed, so the shape is too; measuring it needs neither
 * timing nor counting, and it can be measured for a results folder after its run.
 */
final class TrieShapes {
    /** Shape files sit beside the JMH results in raw/, named with this prefix. */
    static final String FILE_PREFIX = "shape_";
    /** The key pattern every benchmark uses today. */
    static final String KEYS = "random Integers";

    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().create();

    private TrieShapes() {
    }

    /** One shape file: CLI names, the key pattern, and the figures in the phase's order. */
    record Measured(String implementation, String size, String keys, Map<String, Number> figures) {
    }

    static Measured measure(Implementation implementation, Size size) {
        Map<Integer, Integer> map = implementation.create();
        for (Integer key : Keys.of(size.count()).insertOrder()) {
            map.put(key, key);
        }
        return new Measured(implementation.cliName(), size.cliName(), KEYS, implementation.shape(map));
    }

    static String fileName(Implementation implementation, Size size) {
        return FILE_PREFIX + implementation.cliName() + "_" + size.cliName() + ".json";
    }

    /** Writes the shape of every phase among {@code implementations} at {@code size} into raw/. */
    static void write(Path raw, Iterable<Implementation> implementations, Size size) throws IOException {
        for (Implementation implementation : implementations) {
            if (implementation.isPhase()) {
                Main.writeWhole(raw.resolve(fileName(implementation, size)), GSON.toJson(measure(implementation, size)) + "\n");
            }
        }
    }

    static Measured read(Path file) throws IOException {
        return GSON.fromJson(Files.readString(file), Measured.class);
    }
}
