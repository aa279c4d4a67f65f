package dev.hamtlab.bench;

/** What a benchmark does with the N keys of its size; each is one {@link MapBenchmark} method. */
public enum Operation implements Choice {
    INSERT("insert", "insert", "insert all N keys into a new empty map"),
    QUERY_HIT("query-hit", "queryHit", "get all N present keys, in a shuffled order"),
    QUERY_MISS("query-miss", "queryMiss", "get N absent keys"),
    REMOVE("remove", "remove", "remove all N keys, in a shuffled order, from a map filled with them"),
    CHURN("churn", "churn", "with N entries live, remove a present key and insert a new one (one op is the pair)");

    private final String cliName;
    private final String benchmarkMethod;
    private final String description;

    Operation(String cliName, String benchmarkMethod, String description) {
        this.cliName = cliName;
        this.benchmarkMethod = benchmarkMethod;
        this.description = description;
    }

    @Override
    public String cliName() {
        return cliName;
    }

    /** The JMH benchmark's full name, as JMH reports it. */
    public String benchmarkName() {
        return MapBenchmark.class.getName() + "." + benchmarkMethod;
    }

    public String description() {
        return description;
    }
}
