package dev.hamtlab.bench;

import java.util.Optional;

/** What a benchmark does with the N keys of its size; each is one method of {@link MapBenchmark} and of {@link IntMapBenchmark}. */
public enum Operation implements Choice {
    INSERT("insert", "insert", "insert all N keys into a new empty map"),
    QUERY_HIT("query-hit", "queryHit", "get all N present keys, in a shuffled order"),
    QUERY_MISS("query-miss", "queryMiss", "get N absent keys"),
    REMOVE("remove", "remove", "remove all N keys, in a shuffled order, from a map filled with them", INSERT),
    CHURN("churn", "churn", "with N entries live, remove a present key and insert a new one (one op is the pair),"
            + " " + MapBenchmark.CHURN_STEPS + " steps a call");

    private final String cliName;
    private final String benchmarkMethod;
    private final String description;
    private final Operation rebuild;

    Operation(String cliName, String benchmarkMethod, String description) {
        this(cliName, benchmarkMethod, description, null);
    }

    Operation(String cliName, String benchmarkMethod, String description, Operation rebuild) {
        this.cliName = cliName;
        this.benchmarkMethod = benchmarkMethod;
        this.description = description;
        this.rebuild = rebuild;
    }

    @Override
    public String cliName() {
        return cliName;
    }

    /** The full name JMH reports for this operation's benchmark of the implementation: its benchmark class's method. */
    public String benchmarkName(Implementation implementation) {
        return implementation.benchmarkClass().getName() + "." + benchmarkMethod;
    }

    /**
     * The ops one call of the benchmark makes, by which JMH divides its time: the N keys, or for
     * churn a fixed number of steps, so that at 1M keys an iteration still holds many calls.
     */
    public int opsPerCall(Size size) {
        return this == CHURN ? MapBenchmark.CHURN_STEPS : size.count();
    }

    public String description() {
        return description;
    }

    /**
     * The operation that rebuilds this one's map before every call: outside the measured time, but
     * inside JMH's count of the bytes allocated, which is per iteration.
     */
    public Optional<Operation> rebuild() {
        return Optional.ofNullable(rebuild);
    }
}
