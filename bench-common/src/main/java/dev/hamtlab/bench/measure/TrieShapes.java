package dev.hamtlab.bench.measure;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import dev.hamtlab.bench.Choice;
import dev.hamtlab.bench.Implementation;
import dev.hamtlab.bench.KeyPattern;
import dev.hamtlab.bench.Keys;
import dev.hamtlab.bench.Label;
import dev.hamtlab.bench.peers.MeasuredMap;
import dev.hamtlab.bench.Size;
import dev.hamtlab.bench.TypeProfile;
import dev.hamtlab.bench.results.Renames;
import dev.hamtlab.bench.results.ResultsFolder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The phases' trie shapes, each from its own {@code shape()}: the trie of a size's keys, as the
 * query benchmarks read it. The keys are fixed, so the shape is too; measuring it needs neither
 * timing nor counting, and it can be measured for a results folder after its run.
 */
public final class TrieShapes {
    /** Shape files sit beside the JMH results in raw/, named with this prefix. */
    public static final String FILE_PREFIX = "shape_";
    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().create();

    private TrieShapes() {
    }

    /**
     * One shape file: CLI names, the key pattern, and the figures in the phase's order. Files made
     * before the key patterns existed hold "random Integers" for the keys, which read as random.
     */
    public record Measured(String implementation, String size, String keys, Map<String, Number> figures) {
    }

    static Measured measure(Implementation implementation, KeyPattern keys, Size size) {
        MeasuredMap map = implementation.create();
        for (Object key : Keys.of(keys, size.count()).insertOrder()) {
            map.put(key, key);
        }
        return new Measured(implementation.cliName(), size.cliName(), keys.cliName(), implementation.shape(map));
    }

    /** The pattern a shape file names: random for files made before there were others. */
    public static KeyPattern keysOf(Measured measured) {
        return Choice.find(KeyPattern.values(), measured.keys()).orElse(KeyPattern.RANDOM);
    }

    /** The name of its file in raw/: one implementation's shape with the keys at the size. */
    public static String fileName(Implementation implementation, KeyPattern keys, Size size) {
        return FILE_PREFIX + new Label(implementation, false, TypeProfile.MONOMORPHIC, keys).fileStem() + "_"
                + size.cliName() + ".json";
    }

    /** Writes the shape of every phase among {@code implementations} with the keys at the size into raw/. */
    public static void write(Path raw, Iterable<Implementation> implementations, KeyPattern keys,
            Size size) throws IOException {
        for (Implementation implementation : implementations) {
            if (implementation.isPhase()) {
                ResultsFolder.writeWhole(raw.resolve(fileName(implementation, keys, size)),
                        GSON.toJson(measure(implementation, keys, size)) + "\n");
            }
        }
    }

    /** One shape file, as {@link #write} wrote it. */
    public static Measured read(Path file) throws IOException {
        return GSON.fromJson(Renames.readJson(file), Measured.class);
    }
}
