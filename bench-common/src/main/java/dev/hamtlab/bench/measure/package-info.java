/**
 * What the runner measures besides time, written as JSON files beside the forks in a results
 * folder's raw/, for the report: each map's {@link dev.hamtlab.bench.measure.Footprint} in bytes per
 * entry (JOL, in a JVM with the forks' object layout), each phase's {@link dev.hamtlab.bench.measure.TrieShapes}
 * and its {@link dev.hamtlab.bench.measure.PoolCounters}, counted in the runner's JVM, never in the
 * timed forks. Shapes and footprints can also be added to a results folder after its run.
 */
package dev.hamtlab.bench.measure;
