package dev.hamtlab.bench;

/**
 * What the map's code has seen before the benchmark's Integer keys. A fork that only ever sees one
 * map class and Integer keys has monomorphic hashCode and equals calls, which the JIT inlines: a
 * best case no application has. A polluted fork first works the same map class with String and
 * Long keys, so those calls are megamorphic, as in a program that uses the class for many key types.
 */
public enum TypeProfile implements Choice {
    MONOMORPHIC("monomorphic"),
    POLLUTED("polluted");

    private final String cliName;

    TypeProfile(String cliName) {
        this.cliName = cliName;
    }

    @Override
    public String cliName() {
        return cliName;
    }
}
