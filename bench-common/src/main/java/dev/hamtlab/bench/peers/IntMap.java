package dev.hamtlab.bench.peers;

/**
 * An int-to-int map as {@link dev.hamtlab.bench.IntMapBenchmark} calls it, with int keys and
 * values: IntHamt, its flat and inline variants and fastutil's Int2IntOpenHashMap, each behind a
 * final class of its own that forwards every call to one method of the map. In a fork only one of those classes serves the
 * timed calls, so the JIT inlines the forwarding call and the map's method behind it.
 */
public interface IntMap {
    /** Maps the key to the value; answers the old value, or the map's default when it had none. */
    int put(int key, int value);

    /** The key's value, or the map's default when it is absent. */
    int get(int key);

    boolean containsKey(int key);

    /** Removes the key; answers its value, or the map's default when it was absent. */
    int remove(int key);

    int size();

    /** The map object itself, for its shape and footprint. */
    Object target();
}
