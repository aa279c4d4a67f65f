/**
 * The benchmarks and their vocabulary: {@link dev.hamtlab.bench.MapBenchmark} and
 * {@link dev.hamtlab.bench.IntMapBenchmark}, the JMH benchmarks whose names every results file
 * carries, and the terms the rest of the study speaks in: the {@link dev.hamtlab.bench.Implementation}s
 * measured, each driven as a {@link dev.hamtlab.bench.MeasuredMap}, the {@link dev.hamtlab.bench.Operation}s,
 * {@link dev.hamtlab.bench.Size}s, {@link dev.hamtlab.bench.KeyPattern}s and {@link dev.hamtlab.bench.Keys},
 * {@link dev.hamtlab.bench.TypeProfile}s and {@link dev.hamtlab.bench.Platform}s, and the
 * {@link dev.hamtlab.bench.Label} and {@link dev.hamtlab.bench.Cell} that name what one fork measures.
 * Start here to see what is measured and how; the runner, the measurements besides time, the report
 * and the flame graphs each have a package of their own beside this one.
 */
package dev.hamtlab.bench;
