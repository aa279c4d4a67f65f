package dev.hamtlab.bench.peers;

/**
 * The four things the benchmarks do to a map, as each map is really driven: a mutable map in
 * place, a persistent map by replacing it with the new version each change returns, a transient
 * by keeping what each change returns. put and remove return nothing, so that no adapter has to
 * look a key up only to answer with the previous value; the benchmarks check the map's contents
 * after the measurement instead.
 */
public interface MeasuredMap {
    void put(Object key, Object value);

    /** The key's value, or null when it is absent. */
    Object get(Object key);

    void remove(Object key);

    int size();

    /** The map object itself, as it is now: for the phases' counters and shape. */
    Object target();

    /**
     * The map as it is kept once it is built, for its footprint: a transient's persistent map, as
     * a transient holds its owner thread, and the whole thread's object graph with it. After this,
     * a transient takes no more changes.
     */
    default Object built() {
        return target();
    }
}
