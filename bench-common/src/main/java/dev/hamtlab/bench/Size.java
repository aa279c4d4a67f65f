package dev.hamtlab.bench;

/** How many keys a benchmark uses. */
public enum Size implements Choice {
    ONE_K("1K", 1_000),
    TEN_K("10K", 10_000),
    HUNDRED_K("100K", 100_000),
    ONE_M("1M", 1_000_000);

    private final String label;
    private final int count;

    Size(String label, int count) {
        this.label = label;
        this.count = count;
    }

    /** The label the command line and the report use, such as "10K". */
    @Override
    public String cliName() {
        return label;
    }

    public int count() {
        return count;
    }
}
