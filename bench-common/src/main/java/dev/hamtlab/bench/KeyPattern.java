package dev.hamtlab.bench;

/** Which keys a benchmark uses, and in which orders; every pattern draws from a fixed seed. */
public enum KeyPattern implements Choice {
    RANDOM("random", "Integer random", "N distinct random ints, inserted in one order and queried in another"),
    SEQUENTIAL("sequential", "Integer sequential", "0..N-1, inserted and queried in order; misses N..2N-1"),
    SHUFFLED("shuffled", "Integer shuffled",
            "0..N-1, inserted in one random order and queried in another; misses N..2N-1"),
    STRIDED("strided", "Integer strided",
            "1024·i for i in 0..N-1 (rotated left 10 bits, so distinct at any size), in random orders:"
                    + " the low 10 bits are all zero, where a hash that is not spread leaves the trie's top levels unused"),
    STRING("string", "String random",
            "N distinct random Strings of 8 to 16 letters and digits; queried with equal copies"),
    COLLIDING("colliding", "String colliding", "N distinct random Strings of 22 blocks of \"Aa\" and \"BB\", which all"
            + " share one hashCode (hash flooding), inserted in random order; queried with equal copies");

    private final String cliName;
    private final String displayName;
    private final String description;

    KeyPattern(String cliName, String displayName, String description) {
        this.cliName = cliName;
        this.displayName = displayName;
        this.description = description;
    }

    @Override
    public String cliName() {
        return cliName;
    }

    /** For tables: "Integer random", "String random". */
    public String displayName() {
        return displayName;
    }

    public String description() {
        return description;
    }

    /** Integer keys, which the int-keyed maps take unboxed; String keys they cannot take. */
    public boolean isInteger() {
        return this != STRING && this != COLLIDING;
    }
}
