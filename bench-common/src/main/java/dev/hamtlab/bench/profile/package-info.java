/**
 * Flame graphs: {@link dev.hamtlab.bench.profile.Profiling} runs one profiled fork of each chosen
 * cell, apart from the timed forks, and {@link dev.hamtlab.bench.profile.Profiles} drives
 * async-profiler (or JFR's own sampling where its library cannot load), converts the recording into
 * CPU and allocation flame graphs and counts where the CPU samples went, for the report.
 */
package dev.hamtlab.bench.profile;
