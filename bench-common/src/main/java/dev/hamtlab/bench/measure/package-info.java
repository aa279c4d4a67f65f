/**
 * What the runner measures besides time, written as JSON files beside the forks in a results
 * folder's raw/, for the report: each map's {@link dev.hamtlab.bench.measure.Footprint} in bytes per
 * entry (JOL, in a JVM with the forks' object layout), each phase's {@link dev.hamtlab.bench.measure.TrieShapes}
 * and its {@link dev.hamtlab.bench.measure.PoolCounters}, counted in the runner's JVM, never in the
 * timed forks. Shapes and footprints can also be added to a results folder after its run. Around
 * every fork, the runner also watches the shared host: a {@link dev.hamtlab.bench.measure.HostCanary}
 * and the {@link dev.hamtlab.bench.measure.CpuTimes} stolen, logged as a fork's
 * {@link dev.hamtlab.bench.measure.HostWatch}.
 */
package dev.hamtlab.bench.measure;
