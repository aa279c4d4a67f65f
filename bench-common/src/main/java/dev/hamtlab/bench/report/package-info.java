/**
 * Reading a results folder back and writing what it says: {@link dev.hamtlab.bench.report.Forks}
 * reads the raw JMH JSON fork by fork, {@link dev.hamtlab.bench.report.Comparisons} judges every
 * comparison as one family, {@link dev.hamtlab.bench.report.Report} writes report.md, summary.md and
 * forks.md with the charts of {@link dev.hamtlab.bench.report.RunCharts} (drawn by
 * {@link dev.hamtlab.bench.report.Charts}) and its section on the shared host,
 * {@link dev.hamtlab.bench.report.HostSection}, whose forks {@link dev.hamtlab.bench.report.HostMarking}
 * marks, {@link dev.hamtlab.bench.report.Compare} sets two results
 * folders side by side, and {@link dev.hamtlab.bench.report.Publish} copies a run's headline into the
 * READMEs. Everything here works from the folder's files alone, without running anything.
 */
package dev.hamtlab.bench.report;
