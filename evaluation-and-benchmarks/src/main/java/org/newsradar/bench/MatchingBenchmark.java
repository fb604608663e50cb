package org.newsradar.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.apache.lucene.monitor.Presearcher;
import org.newsradar.alert.matching.RuleMatch;
import org.newsradar.alert.matching.RuleMatcher;
import org.newsradar.alert.rule.RulesChanged;
import org.newsradar.alert.rule.WatchRule;
import org.newsradar.events.ArticleEnriched;

/**
 * Matching throughput on one thread: articles of the pile per second against 1k, 10k and
 * 100k generated rules, with the presearcher alert-service runs (the monitor's term
 * filter in two passes), in batches as alert-service matches them and one at a time, and
 * without filtering (every rule run against every article: the brute-force floor). Each
 * run is bounded in time, so the floor at 100k rules measures fewer articles.
 *
 * <p>
 * Arguments: the pile file (default {@code ../shared/eval/pile/news_pile.jsonl}), the
 * rule counts (default {@code 1000,10000,100000}), seconds per run (default 20).
 */
public final class MatchingBenchmark {

	private static final Duration WARMUP = Duration.ofSeconds(8);

	/**
	 * Articles matched together, as alert-service matches the records of one poll (at
	 * most 500; this many when articles come fast).
	 */
	static final int SERVICE_BATCH = 250;

	private MatchingBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		Path pile = Path.of((args.length > 0) ? args[0] : "../shared/eval/pile/news_pile.jsonl");
		String counts = (args.length > 1) ? args[1] : "1000,10000,100000";
		long seconds = (args.length > 2) ? Long.parseLong(args[2]) : 20;
		List<ArticleEnriched> articles = Pile.read(pile, Integer.MAX_VALUE);
		RuleGenerator generator = new RuleGenerator(articles);
		System.out.printf("Pile: %s, %d articles; %d processors, Java %s, max heap %d MB%n", pile, articles.size(),
				Runtime.getRuntime().availableProcessors(), Runtime.version(),
				Runtime.getRuntime().maxMemory() / (1024 * 1024));
		System.out.printf("%-8s %-14s %6s %12s %10s %14s %10s %10s%n", "rules", "presearcher", "batch", "articles/s",
				"articles", "matches/art.", "load s", "heap MB");
		for (String count : counts.split(",")) {
			List<WatchRule> rules = generator.generate(Integer.parseInt(count.strip()));
			run(rules, articles, RuleMatcher.presearcher(), "multipass", SERVICE_BATCH, seconds);
			run(rules, articles, RuleMatcher.presearcher(), "multipass", 1, seconds);
			run(rules, articles, Presearcher.NO_FILTERING, "none (floor)", 1, seconds);
		}
	}

	private static void run(List<WatchRule> rules, List<ArticleEnriched> articles, Presearcher presearcher, String name,
			int batch, long seconds) throws Exception {
		Result result = measure(rules, articles, presearcher, batch, seconds);
		System.out.printf("%-8d %-14s %6d %12.0f %10d %14.2f %10.1f %10d%n", rules.size(), name, batch, result.rate(),
				result.articles(), result.matchesPerArticle(), result.loadSeconds(), result.heapMb());
	}

	/**
	 * Loads the rules into a matcher of its own, warms it up, then matches articles on
	 * this thread for at most {@code seconds}, {@code batch} at a time (1: each alone).
	 */
	static Result measure(List<WatchRule> rules, List<ArticleEnriched> articles, Presearcher presearcher, int batch,
			long seconds) throws Exception {
		System.gc();
		long heapBefore = usedHeap();
		long loadStart = System.nanoTime();
		RuleMatcher matcher = new RuleMatcher(presearcher, 240);
		for (int from = 0; from < rules.size(); from += 500) {
			matcher
				.onRulesChanged(new RulesChanged(rules.subList(from, Math.min(rules.size(), from + 500)), List.of()));
		}
		double load = (System.nanoTime() - loadStart) / 1e9;
		System.gc();
		long heap = usedHeap() - heapBefore;
		// Warm up for a fixed time (the JIT compiles the matching code), then measure
		// from where warm-up stopped.
		int warmup = 0;
		long warmupEnd = System.nanoTime() + WARMUP.toNanos();
		while (System.nanoTime() < warmupEnd && warmup < articles.size() / 2) {
			List<ArticleEnriched> some = articles.subList(warmup, Math.min(articles.size(), warmup + batch));
			matcher.match(some);
			warmup += some.size();
		}
		long start = System.nanoTime();
		long deadline = start + seconds * 1_000_000_000L;
		int done = 0;
		long matches = 0;
		for (int i = warmup; i < articles.size() && System.nanoTime() < deadline; i += batch) {
			List<ArticleEnriched> some = articles.subList(i, Math.min(articles.size(), i + batch));
			for (List<RuleMatch> matched : (batch == 1) ? List.of(matcher.match(some.get(0))) : matcher.match(some)) {
				matches += matched.size();
			}
			done += some.size();
		}
		double elapsed = (System.nanoTime() - start) / 1e9;
		matcher.destroy();
		return new Result(done / elapsed, done, (double) matches / Math.max(1, done), load, heap / (1024 * 1024));
	}

	/**
	 * One matching run.
	 *
	 * @param rate articles per second on one thread
	 * @param articles articles matched after the warm-up
	 * @param matchesPerArticle rules matched per article
	 * @param loadSeconds time to load the rules
	 * @param heapMb heap the loaded rules take
	 */
	record Result(double rate, int articles, double matchesPerArticle, double loadSeconds, long heapMb) {

	}

	private static long usedHeap() {
		Runtime runtime = Runtime.getRuntime();
		return runtime.totalMemory() - runtime.freeMemory();
	}

}
