package dev.hamtlab.bench.runner;

import dev.hamtlab.bench.Choice;
import dev.hamtlab.bench.Label;
import dev.hamtlab.bench.Operation;
import dev.hamtlab.bench.Size;
import java.util.Locale;
import java.util.stream.Stream;

/** The progress line: "[ 7/360] query-hit  10K  phase3 (A/A)      fork 2/6   23.4 ns/op   (elapsed 1:02, about 4:10 left)". */
final class Progress {
    /** Wide enough for the longest label, "Eclipse UnifiedMap polluted sequential". */
    private static final int LABEL_WIDTH = 38;
    /** Wide enough for "2^22". */
    private static final int SIZE_WIDTH = 5;

    private final int total;
    private final long start = System.nanoTime();
    private int done;

    Progress(int total) {
        this.total = total;
    }

    String line(Operation operation, Size size, Label label, int fork, int forks) {
        int digits = String.valueOf(total).length();
        return String.format(Locale.ROOT, "[%" + digits + "d/%d] %-" + width(Operation.values()) + "s %-"
                + SIZE_WIDTH + "s %-" + LABEL_WIDTH + "s fork %" + String.valueOf(forks).length() + "d/%d   ",
                done + 1, total, operation.cliName(), size.cliName(), label.displayName(), fork, forks);
    }

    /** Call once per finished fork; the estimate assumes the rest take as long on average. */
    String times() {
        done++;
        long elapsed = System.nanoTime() - start;
        String left = done == total ? "done" : "about " + clock(elapsed / done * (total - done)) + " left";
        return "   (elapsed " + clock(elapsed) + ", " + left + ")";
    }

    private static int width(Choice[] choices) {
        return Stream.of(choices).mapToInt(c -> c.cliName().length()).max().orElse(0) + 1;
    }

    private static String clock(long nanos) {
        long seconds = nanos / 1_000_000_000L;
        return seconds >= 3600
                ? String.format(Locale.ROOT, "%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60)
                : String.format(Locale.ROOT, "%d:%02d", seconds / 60, seconds % 60);
    }
}
