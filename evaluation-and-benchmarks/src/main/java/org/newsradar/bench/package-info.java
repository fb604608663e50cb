/**
 * The benchmarks: rule matching alone ({@link org.newsradar.bench.MatchingBenchmark}),
 * alert latency through a real broker ({@link org.newsradar.bench.LatencyBenchmark}),
 * enrichment alone ({@link org.newsradar.bench.EnrichmentBenchmark}) and the whole
 * pipeline measured from outside ({@link org.newsradar.bench.PipelineBenchmark}). Each is
 * a main class, run by {@code ./newsradar benchmark}; see {@code docs/benchmarks.md}.
 */
package org.newsradar.bench;
