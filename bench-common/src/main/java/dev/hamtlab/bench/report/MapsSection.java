package dev.hamtlab.bench.report;


import dev.hamtlab.bench.Implementation;
import dev.hamtlab.bench.results.Environment;
import java.util.Map;

/** What each map is, where it comes from and how the benchmarks drive it, and what the key patterns are. */
final class MapsSection {
    private final Run run;

    MapsSection(Run run) {
        this.run = run;
    }

    /**
     * What each implementation is, where it comes from and how the benchmarks drive it, and the
     * key patterns: what a reader needs to read a peer's row fairly.
     */
    String markdown() {
        if (run.implementations.stream().allMatch(Implementation::isPhase) || run.implementations.size() < 2) {
            return "";
        }
        Map<String, String> libraries = run.facts.map(Environment.Facts::libraries).orElse(Map.of());
        StringBuilder text = new StringBuilder("## The maps and the keys\n\n")
                .append("Every map goes through an adapter that forwards each call to one method of the map; put and")
                .append(" remove return nothing, so no adapter looks a key up twice (what the adapters and Object-typed keys")
                .append(" cost HashMap's lookups is measured in docs/peers.md). A persistent")
                .append(" map pays for copying the path from the root on every change, which a mutable or transient one does")
                .append(" not: their insert rows compare ways of building a map as much as data structures.")
                .append(run.implementations.stream().anyMatch(Implementation::intKeys)
                        ? " The int-to-int maps (" + run.intMapNames()
                        + ") go through no Object-keyed adapter: their own"
                                + " benchmark calls them with the same keys unboxed to ints, each through one final forwarding"
                                + " class the JIT inlines, and they store ints, not Integer objects."
                        : "")
                .append("\n\n| Implementation | Library | Driven |\n|---|---|---|\n");
        for (Implementation implementation : run.implementations) {
            text.append("| ").append(implementation.displayName())
                    .append(" | ").append(libraries.getOrDefault(implementation.cliName(), implementation.library()))
                    .append(" | ").append(implementation.driven().description()).append(" |\n");
        }
        text.append("\n| Keys | What they are |\n|---|---|\n");
        run.keys.forEach(pattern -> text.append("| ").append(pattern.displayName()).append(" | ")
                .append(pattern.description())
                .append(" |\n"));
        return text.append("\n").toString();
    }
}
