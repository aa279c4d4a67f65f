package dev.hamtlab.bench.stats;

import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;

/**
 * Simulated benchmark forks: each fork has its own lognormal offset around a center (the fork
 * effect: JIT and layout differ per fork), and its iterations scatter tightly around that.
 */
final class ForkSimulation {
    private final RandomGenerator random;

    ForkSimulation(long seed) {
        random = new Well19937c(seed);
    }

    /** Fork means around centerNanos with a fork-to-fork log-sigma; the first outliers forks take twice as long. */
    double[] forkMeans(int forks, double centerNanos, double forkSigma, int outliers) {
        double[] means = new double[forks];
        for (int f = 0; f < forks; f++) {
            means[f] = lognormal(centerNanos, forkSigma) * (f < outliers ? 2 : 1);
        }
        return means;
    }

    /** forks x iterations: each fork's own center, then iterations around it with iterationSigma. */
    double[][] forksOfIterations(int forks, int iterations, double centerNanos,
            double forkSigma, double iterationSigma) {
        double[][] values = new double[forks][iterations];
        for (double[] fork : values) {
            double forkCenter = lognormal(centerNanos, forkSigma);
            for (int i = 0; i < iterations; i++) {
                fork[i] = lognormal(forkCenter, iterationSigma);
            }
        }
        return values;
    }

    /** What JMH reports per fork: the mean of its iterations. */
    static double[] means(double[][] forks) {
        double[] means = new double[forks.length];
        for (int f = 0; f < forks.length; f++) {
            double sum = 0;
            for (double value : forks[f]) {
                sum += value;
            }
            means[f] = sum / forks[f].length;
        }
        return means;
    }

    private double lognormal(double center, double sigma) {
        return center * Math.exp(sigma * random.nextGaussian());
    }
}
