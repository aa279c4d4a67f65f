/**
 * The statistics the report's verdicts rest on: {@link dev.hamtlab.bench.stats.ForkStatistics}
 * compares two cells by their fork means (the fork is the unit of repetition) into a
 * {@link dev.hamtlab.bench.stats.Comparison} with a bootstrap interval and a p-value,
 * {@link dev.hamtlab.bench.stats.MultipleComparisons} adjusts the p-values of a family of comparisons,
 * and {@link dev.hamtlab.bench.stats.Verdict} is what the report says of each. Nothing here knows
 * about maps or JMH.
 */
package dev.hamtlab.bench.stats;
