/**
 * The runner, the jar's entry point and the top of bench-common: {@link dev.hamtlab.bench.runner.Main}
 * parses the command line into {@link dev.hamtlab.bench.runner.RunOptions} (refusing a bad one with
 * {@link dev.hamtlab.bench.BadInput}), takes forks, iterations and JVM flags from a
 * {@link dev.hamtlab.bench.runner.Preset}, finds a JDK 25 for the JDK 25 platforms
 * ({@link dev.hamtlab.bench.Jdk25}), runs every fork as its own JMH run into a results folder, and
 * records the machine and the run ({@link dev.hamtlab.bench.runner.EnvironmentProbe}, written as
 * the folder's {@link dev.hamtlab.bench.results.Environment}); its other commands hand over to the
 * report, publishing and profiling.
 */
package dev.hamtlab.bench.runner;
