package dev.hamtlab.bench.measure;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import dev.hamtlab.bench.Choice;
import dev.hamtlab.bench.Implementation;
import dev.hamtlab.bench.KeyPattern;
import dev.hamtlab.bench.MapBenchmark;
import dev.hamtlab.bench.peers.MeasuredMap;
import dev.hamtlab.bench.Operation;
import dev.hamtlab.bench.Size;
import dev.hamtlab.bench.results.Renames;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The phases' own counters of what their allocation strategy did in one benchmark's operation.
 * The runner does the operation once more itself, on a fresh map and outside JMH, because
 * counting needs {@code -Dhamtlab.stats=true}, which a timed fork must never get: with it off the
 * JIT removes the counting. The counters are deterministic, so once is enough.
 */
public final class PoolCounters {
    /** The JVM flag that turns the phases' counting on, read as they read it. */
    public static final String PROPERTY = "hamtlab.stats";
    /** Counters files sit beside the JMH results in raw/, named like them with this prefix. */
    public static final String FILE_PREFIX = "counters_";

    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().create();

    private PoolCounters() {
    }

    /**
     * One counters file: CLI names, and the counters in the phase's order. keys is null in files
     * made before the key patterns existed, whose keys were random.
     */
    public record Counted(String operation, String implementation, String keys, String size,
            Map<String, Long> counters) {
        /** The key pattern counted: random for files made before there were others. */
        public KeyPattern keyPattern() {
            return keys == null ? KeyPattern.RANDOM : Choice.named(KeyPattern.values(), keys);
        }
    }

    /** Whether this JVM counts: the runner's, when started by ./bench. */
    public static boolean enabled() {
        return Boolean.getBoolean(PROPERTY);
    }

    /**
     * The counters of the operation done once as its benchmark does it: for insert, everything
     * since the new map was made; for the others, the change over the operation (after minus before,
     * the map having been filled), so a gauge such as liveSlots shows its change. Churn is one call,
     * its steps from the filled map. Empty for a peer.
     */
    public static Counted count(Operation operation, Implementation implementation, KeyPattern keys, Size size) {
        MapBenchmark benchmark = MapBenchmark.of(implementation, keys, size);
        Map<String, Long> counters = switch (operation) {
            case INSERT -> implementation.stats(benchmark.build());
            case QUERY_HIT -> change(implementation, benchmark.filled, benchmark::queryHit);
            case QUERY_MISS -> change(implementation, benchmark.filled, benchmark::queryMiss);
            case REMOVE -> {
                MapBenchmark.FreshMap fresh = new MapBenchmark.FreshMap();
                fresh.fill(benchmark);
                yield change(implementation, fresh.map, () -> benchmark.remove(fresh));
            }
            case CHURN -> {
                MapBenchmark.ChurnedMap churned = new MapBenchmark.ChurnedMap();
                churned.fill(benchmark);
                yield change(implementation, churned.map, () -> benchmark.churn(churned));
            }
        };
        return new Counted(operation.cliName(), implementation.cliName(), keys.cliName(), size.cliName(), counters);
    }

    private static Map<String, Long> change(Implementation implementation, MeasuredMap map, Runnable operation) {
        Map<String, Long> before = implementation.stats(map);
        operation.run();
        Map<String, Long> change = new LinkedHashMap<>();
        implementation.stats(map).forEach((name, after) -> change.put(name, after - before.get(name)));
        return change;
    }

    /** The counters file's text. */
    public static String json(Counted counted) {
        return GSON.toJson(counted) + "\n";
    }

    /** One counters file, as the runner wrote it from {@link #json}. */
    public static Counted read(Path file) throws IOException {
        return GSON.fromJson(Renames.readJson(file), Counted.class);
    }
}
