/**
 * The benchmarks and their vocabulary: {@link dev.hamtlab.bench.MapBenchmark} and
 * {@link dev.hamtlab.bench.IntMapBenchmark}, the JMH benchmarks whose names every results file
 * carries, and the terms the rest of the study speaks in: the {@link dev.hamtlab.bench.Implementation}s
 * measured, each driven as a {@link dev.hamtlab.bench.peers.MeasuredMap}, the {@link dev.hamtlab.bench.Operation}s,
 * {@link dev.hamtlab.bench.Size}s, {@link dev.hamtlab.bench.KeyPattern}s and {@link dev.hamtlab.bench.Keys},
 * {@link dev.hamtlab.bench.TypeProfile}s and {@link dev.hamtlab.bench.Platform}s, and the
 * {@link dev.hamtlab.bench.Label} and {@link dev.hamtlab.bench.Cell} that name what one fork measures.
 * Start here to see what is measured and how. bench-common's packages stand in layers, each using
 * only those below it: {@code peers} (every map behind one interface) and this one at the bottom,
 * then {@code stats} and {@code results} (the results folder), {@code measure} (what a fork records
 * besides time) and {@code profile} (flame graphs), {@code report}, and the {@code runner} on top;
 * {@code ArchitectureTest} checks it.
 */
package dev.hamtlab.bench;
