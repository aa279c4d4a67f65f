package dev.hamtlab.bench;

/**
 * The garbage collector of the forked JVMs. G1, the JDK's default, is the reference; the
 * parallel collector is the control for what G1's write barriers cost a phase that stores young
 * objects into old arrays (phase 3's recycled slices).
 */
public enum Collector implements Choice {
    G1("g1", "-XX:+UseG1GC"),
    PARALLEL("parallel", "-XX:+UseParallelGC");

    private final String cliName;
    private final String flag;

    Collector(String cliName, String flag) {
        this.cliName = cliName;
        this.flag = flag;
    }

    @Override
    public String cliName() {
        return cliName;
    }

    String flag() {
        return flag;
    }
}
