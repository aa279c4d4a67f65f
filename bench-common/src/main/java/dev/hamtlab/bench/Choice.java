package dev.hamtlab.bench;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** A constant picked on the command line, and found in JMH's JSON, by a short name such as "query-hit". */
public interface Choice {
    String cliName();

    static <E extends Choice> Optional<E> find(E[] choices, String cliName) {
        return Arrays.stream(choices).filter(c -> c.cliName().equals(cliName)).findFirst();
    }

    /** The choice of that CLI name, as read back from a results file; throws IllegalArgumentException when there is none. */
    static <E extends Choice> E named(E[] choices, String cliName) {
        return find(choices, cliName).orElseThrow(() -> new IllegalArgumentException("unknown parameter " + cliName));
    }

    static String list(Choice[] choices) {
        return Arrays.stream(choices).map(Choice::cliName).collect(Collectors.joining(", "));
    }
}
