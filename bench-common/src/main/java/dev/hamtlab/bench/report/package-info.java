/**
 * Reading a results folder back and writing what it says: {@link dev.hamtlab.bench.report.Forks}
 * reads the raw JMH JSON fork by fork, {@link dev.hamtlab.bench.report.RawFiles} the measurements
 * besides time, and {@link dev.hamtlab.bench.report.Run} holds the run they make, whose
 * {@link dev.hamtlab.bench.report.Comparisons} judge every comparison family by family.
 * {@link dev.hamtlab.bench.report.Report} writes report.md, summary.md and forks.md section by
 * section, each section a class of its own (the resolution, the comparison tables, the platforms,
 * the profiles, memory, shapes, the host, every fork), its figures written by
 * {@link dev.hamtlab.bench.report.Format}, with the charts of {@link dev.hamtlab.bench.report.RunCharts}
 * (drawn by {@link dev.hamtlab.bench.report.Charts}); {@link dev.hamtlab.bench.report.Compare} sets
 * two results folders side by side, and {@link dev.hamtlab.bench.report.Publish} copies a run's
 * {@link dev.hamtlab.bench.report.ReadmeBlocks} into the READMEs. Everything here works from the
 * folder's files alone, without running anything.
 */
package dev.hamtlab.bench.report;
