package dev.hamtlab.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How many keys a benchmark uses: any count from 1 to {@link #MAX}, so that ns per key against
 * size can show where a map leaves each cache level. Labels are K = 1,000 and M = 1,000,000
 * ("10K", "2M"), powers of two ("2^20"), or plain counts ("1500").
 */
public record Size(int count) implements Choice, Comparable<Size> {
    public static final Size ONE_K = new Size(1_000);
    public static final Size TEN_K = new Size(10_000);
    public static final Size HUNDRED_K = new Size(100_000);
    public static final Size ONE_M = new Size(1_000_000);

    /**
     * 2^22 keys: the forks' 2 GiB heap holds the keys, their equal copies, the misses and a map of
     * every implementation at this size, String keys included.
     */
    static final int MAX = 1 << 22;

    /** What a size may be written as, for the one-line error. */
    public static final String VALID = "a count from 1 to 2^22 (4,194,304) written as 1500, 4K, 2M or 2^20,"
            + " or a sweep of powers of two such as 2^10..2^22";

    private static final Pattern SCALED = Pattern.compile("([1-9][0-9]*)([KM]?)");
    private static final Pattern POWER = Pattern.compile("2\\^([0-9]{1,2})");
    private static final Pattern SWEEP = Pattern.compile("(2\\^[0-9]{1,2})\\.\\.(2\\^[0-9]{1,2})");

    public Size {
        if (count < 1 || count > MAX) {
            throw new IllegalArgumentException("size " + count + " is outside 1.." + MAX);
        }
    }

    /** The size of a label read back from a results file; throws IllegalArgumentException when it is none. */
    public static Size named(String label) {
        return parse(label).orElseThrow(() -> new IllegalArgumentException("unknown size " + label));
    }

    /** One size, as {@link #cliName()} writes it or as a plain count; empty when it is not one. */
    public static Optional<Size> parse(String text) {
        Matcher scaled = SCALED.matcher(text);
        long count;
        if (scaled.matches()) {
            long unit = switch (scaled.group(2)) {
                case "K" -> 1_000L;
                case "M" -> 1_000_000L;
                default -> 1L;
            };
            count = scaled.group(1).length() > 8 ? Long.MAX_VALUE : Long.parseLong(scaled.group(1)) * unit;
        } else {
            Matcher power = POWER.matcher(text);
            if (!power.matches()) {
                return Optional.empty();
            }
            int exponent = Integer.parseInt(power.group(1));
            count = exponent > 30 ? Long.MAX_VALUE : 1L << exponent;
        }
        return count <= MAX ? Optional.of(new Size((int) count)) : Optional.empty();
    }

    /**
     * The sizes a --sizes item names: one size, or every power of two from one to the other, as in
     * 2^10..2^22. Empty when the item is neither.
     */
    public static Optional<List<Size>> parseItem(String item) {
        Matcher sweep = SWEEP.matcher(item);
        if (!sweep.matches()) {
            return parse(item).map(List::of);
        }
        Optional<Size> from = parse(sweep.group(1));
        Optional<Size> to = parse(sweep.group(2));
        if (from.isEmpty() || to.isEmpty() || from.get().count() > to.get().count()) {
            return Optional.empty();
        }
        List<Size> sizes = new ArrayList<>();
        for (int count = from.get().count(); count <= to.get().count(); count *= 2) {
            sizes.add(new Size(count));
        }
        return Optional.of(sizes);
    }

    /** Sizes in ascending order, each once. */
    public static List<Size> sorted(Iterable<Size> sizes) {
        TreeSet<Size> sorted = new TreeSet<>();
        sizes.forEach(sorted::add);
        return List.copyOf(sorted);
    }

    /** The label the command line and the report use: "10K", "2M", "2^20" or "1500". */
    @Override
    public String cliName() {
        if (count % 1_000_000 == 0) {
            return count / 1_000_000 + "M";
        }
        if (count % 1_000 == 0) {
            return count / 1_000 + "K";
        }
        if (Integer.bitCount(count) == 1 && count >= 1024) {
            return "2^" + Integer.numberOfTrailingZeros(count);
        }
        return Integer.toString(count);
    }

    @Override
    public int compareTo(Size other) {
        return Integer.compare(count, other.count);
    }

    @Override
    public String toString() {
        return cliName();
    }
}
