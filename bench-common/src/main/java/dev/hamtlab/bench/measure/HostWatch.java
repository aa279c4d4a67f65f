package dev.hamtlab.bench.measure;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.DoubleStream;

/**
 * What the host was doing around one fork, as the runner logs it: the {@link HostCanary}'s ns per
 * load at each working set just before and just after the fork, and the share of the machine's CPU
 * time stolen over it ({@link CpuTimes}). In the fork log these are the tab-separated fields after
 * the first three: before at 1, 8 and 64 MB, after at 1, 8 and 64 MB, steal fraction (empty
 * without /proc/stat).
 *
 * @param before ns per load, one a {@link HostCanary.WorkingSet}, in its order; NaN when unwatched
 * @param after the same, after the fork
 * @param stealFraction stolen time over all time between the two readings; NaN when unknown
 */
public record HostWatch(List<Double> before, List<Double> after, double stealFraction) {
    /** How many fork-log fields a watch takes. */
    public static final int FIELDS = 2 * HostCanary.WorkingSet.values().length + 1;
    /** A fork nobody watched: every figure NaN, as the forks of runs made before the canary. */
    public static final HostWatch UNWATCHED = new HostWatch(nans(), nans(), Double.NaN);

    public HostWatch {
        before = List.copyOf(before);
        after = List.copyOf(after);
    }

    public HostWatch(double[] before, double[] after, double stealFraction) {
        this(boxed(before), boxed(after), stealFraction);
    }

    /** Whether the canary ran around the fork. */
    public boolean watched() {
        return before.stream().anyMatch(v -> !v.isNaN()) || after.stream().anyMatch(v -> !v.isNaN());
    }

    /** The fork's canary at a working set: the mean of before and after, or the one of them there is. */
    public double canary(HostCanary.WorkingSet set) {
        double[] found = DoubleStream.of(before.get(set.ordinal()), after.get(set.ordinal()))
                .filter(v -> !Double.isNaN(v))
                .toArray();
        return found.length == 0 ? Double.NaN : Arrays.stream(found).average().getAsDouble();
    }

    /** The fork-log fields, tab-separated. */
    public String fields() {
        return DoubleStream.concat(before.stream().mapToDouble(Double::doubleValue),
                after.stream().mapToDouble(Double::doubleValue))
                .mapToObj(nanos -> format(nanos, "%.3f")).collect(Collectors.joining("\t"))
                + "\t" + format(stealFraction, "%.5f");
    }

    /** The watch of a fork-log line's fields after the first three; unwatched when the line has none (older runs). */
    public static HostWatch parse(List<String> fields) {
        if (fields.size() < FIELDS) {
            return UNWATCHED;
        }
        int sets = HostCanary.WorkingSet.values().length;
        double[] figures = fields.subList(0, FIELDS).stream().mapToDouble(HostWatch::number).toArray();
        return new HostWatch(Arrays.copyOfRange(figures, 0, sets), Arrays.copyOfRange(figures, sets, 2 * sets),
                figures[2 * sets]);
    }

    private static String format(double value, String pattern) {
        return Double.isNaN(value) ? "" : String.format(Locale.ROOT, pattern, value);
    }

    private static double number(String field) {
        return field.isBlank() ? Double.NaN : Double.parseDouble(field);
    }

    private static List<Double> boxed(double[] values) {
        return Arrays.stream(values).boxed().toList();
    }

    private static List<Double> nans() {
        double[] nans = new double[HostCanary.WorkingSet.values().length];
        Arrays.fill(nans, Double.NaN);
        return boxed(nans);
    }
}
