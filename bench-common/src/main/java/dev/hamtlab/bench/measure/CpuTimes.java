package dev.hamtlab.bench.measure;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The machine's CPU time so far, from the aggregate {@code cpu} line of Linux's /proc/stat, in
 * jiffies: the time the hypervisor gave our virtual CPUs' turns to other guests (steal), and all
 * the time there was. Two readings around a fork give the share of its time that was stolen.
 *
 * @param steal the line's eighth field
 * @param total user + nice + system + idle + iowait + irq + softirq + steal; the guest fields that
 *     may follow are left out, since the kernel already counts them in user and nice
 */
public record CpuTimes(long steal, long total) {
    private static final Path PROC_STAT = Path.of("/proc/stat");
    /** user, nice, system, idle, iowait, irq, softirq, steal. */
    private static final int FIELDS = 8;

    /** The times now; empty where there is no /proc/stat (not Linux) or it cannot be read. */
    public static Optional<CpuTimes> read() {
        try {
            return parse(Files.readString(PROC_STAT));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The times of /proc/stat's text; empty when it has no aggregate cpu line with a steal field. */
    public static Optional<CpuTimes> parse(String procStat) {
        for (String line : procStat.split("\n")) {
            String[] fields = line.strip().split("\\s+");
            if (!fields[0].equals("cpu")) {
                continue;
            }
            if (fields.length < FIELDS + 1) {
                return Optional.empty();
            }
            long total = 0;
            try {
                for (int i = 1; i <= FIELDS; i++) {
                    total += Long.parseLong(fields[i]);
                }
                return Optional.of(new CpuTimes(Long.parseLong(fields[FIELDS]), total));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** The share of the time between two readings that was stolen; NaN when either is missing or no time passed. */
    public static double stealFraction(Optional<CpuTimes> before, Optional<CpuTimes> after) {
        if (before.isEmpty() || after.isEmpty()) {
            return Double.NaN;
        }
        long elapsed = after.get().total - before.get().total;
        return elapsed > 0 ? (double) (after.get().steal - before.get().steal) / elapsed : Double.NaN;
    }
}
