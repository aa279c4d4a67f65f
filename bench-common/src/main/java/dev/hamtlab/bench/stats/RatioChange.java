package dev.hamtlab.bench.stats;

/**
 * How a comparison's ratio moved between two runs ({@link ForkStatistics#changeOfRatio}).
 *
 * @param change the ratio in run B over the ratio in run A; 1 when the comparison stands as it stood
 * @param low lower end of its 95% bootstrap interval
 * @param high upper end of that interval
 */
public record RatioChange(double change, double low, double high) {
}
