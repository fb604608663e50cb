package org.newsradar.alert.matching;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.lucene.document.Document;
import org.apache.lucene.monitor.MatchingQueries;
import org.apache.lucene.monitor.MultiMatchingQueries;
import org.apache.lucene.monitor.Monitor;
import org.apache.lucene.monitor.MonitorQuery;
import org.apache.lucene.monitor.MultipassTermFilteredPresearcher;
import org.apache.lucene.monitor.Presearcher;
import org.apache.lucene.monitor.QueryMatch;
import org.apache.lucene.monitor.TermFilteredPresearcher;
import org.apache.lucene.search.Query;
import org.newsradar.alert.rule.RuleQuery;
import org.newsradar.alert.AlertProperties;
import org.newsradar.alert.rule.RulesChanged;
import org.newsradar.alert.rule.WatchRule;
import org.newsradar.events.ArticleEnriched;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Finds the rules an article matches with Lucene's {@link Monitor}: every rule is
 * registered as one query (text query and filters, see {@link RuleCompiler}), and the
 * presearcher indexes the rules' terms so that an article only runs the rules that could
 * match it. Follows {@link RulesChanged}, so a saved rule applies to the next article.
 */
@Component
public class RuleMatcher implements DisposableBean {

	private static final Logger logger = LoggerFactory.getLogger(RuleMatcher.class);

	/** Queries the monitor indexes in one call. */
	private static final int REGISTERED_AT_ONCE = 500;

	/** Dead queries the monitor's cache may hold before it is purged, at least. */
	static final int STALE_QUERIES = 1000;

	/** Most articles matched in one pass of the monitor. */
	static final int CHUNK_ARTICLES = 100;

	/**
	 * Most characters of title and body in one pass (an article longer than that is
	 * matched alone).
	 */
	static final long CHUNK_CHARS = 400_000;

	private final Monitor monitor;

	private final Map<String, Registered> rules = new ConcurrentHashMap<>();

	private final int snippetLength;

	@Autowired
	RuleMatcher(AlertProperties properties) {
		this(presearcher(), properties.snippetLength());
	}

	/**
	 * @param presearcher how candidate rules are chosen; {@link Presearcher#NO_FILTERING}
	 * runs every rule (the brute-force floor benchmarks compare with)
	 * @param snippetLength longest snippet in an explanation
	 */
	public RuleMatcher(Presearcher presearcher, int snippetLength) {
		this.snippetLength = snippetLength;
		try {
			this.monitor = new Monitor(RuleQuery.ANALYZER, presearcher);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The presearcher alert-service runs: the monitor's term filter in two passes (a
	 * conjunction is indexed under a term of each of two of its clauses, so it is run
	 * only when the article has both), also for wildcard rules.
	 */
	public static Presearcher presearcher() {
		return new MultipassTermFilteredPresearcher(2, 0, TermFilteredPresearcher.DEFAULT_WEIGHTOR,
				List.of(new PrefixQueryHandler()), Set.of());
	}

	@EventListener
	public void onRulesChanged(RulesChanged change) {
		try {
			List<MonitorQuery> queries = new ArrayList<>();
			List<Registered> registered = new ArrayList<>();
			List<String> unusable = new ArrayList<>();
			List<String> paused = new ArrayList<>();
			for (WatchRule rule : change.saved()) {
				if (rule.paused()) {
					paused.add(rule.id());
					continue;
				}
				try {
					Query textQuery = RuleCompiler.textQuery(rule);
					queries.add(new MonitorQuery(rule.id(), RuleCompiler.compile(rule, textQuery)));
					registered.add(new Registered(rule, textQuery));
				}
				catch (RuleQuery.InvalidQueryException ex) {
					// Validated when saved; a rule written to the topic by other means is
					// skipped.
					logger.error("Rule {} is not used: query {}", rule.id(), ex.getMessage());
					unusable.add(rule.id());
				}
			}
			List<String> removed = new ArrayList<>(change.deleted());
			removed.addAll(unusable);
			removed.addAll(paused);
			if (!removed.isEmpty()) {
				this.monitor.deleteById(removed);
				removed.forEach(this.rules::remove);
			}
			if (!queries.isEmpty()) {
				// Known before the monitor can match them, so no match finds its rule
				// missing.
				registered.forEach((rule) -> this.rules.put(rule.rule().id(), rule));
				// The monitor indexes each call's queries at once: 10,000 rules in one
				// call (the rules read at start, a large import) ran a 384 MB heap out.
				for (int from = 0; from < queries.size(); from += REGISTERED_AT_ONCE) {
					this.monitor.register(queries.subList(from, Math.min(queries.size(), from + REGISTERED_AT_ONCE)));
				}
			}
			purgeWhenMostlyStale();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Drops the queries of deleted and replaced rules from the monitor's cache once they
	 * outnumber the live ones (and a thousand). The monitor only purges them every five
	 * minutes by itself: an instance that read a long {@code watch-rules} history at
	 * start, or saw 10,000 rules replaced, held hundreds of thousands of dead queries
	 * until then, and ran out of heap.
	 */
	private void purgeWhenMostlyStale() throws IOException {
		Monitor.QueryCacheStats stats = this.monitor.getQueryCacheStats();
		if (stats.cachedQueries() - stats.queries() > Math.max(STALE_QUERIES, stats.queries())) {
			this.monitor.purgeCache();
		}
	}

	/** Queries in the monitor's cache, dead ones included: for tests. */
	int cachedQueries() throws IOException {
		return this.monitor.getQueryCacheStats().cachedQueries();
	}

	/**
	 * @param article an enriched article
	 * @return the rules it matches, each with why
	 */
	public List<RuleMatch> match(ArticleEnriched article) {
		MatchingQueries<QueryMatch> matches;
		try {
			matches = this.monitor.match(RuleCompiler.document(article), QueryMatch.SIMPLE_MATCHER);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		matches.getErrors()
			.forEach((id, error) -> logger.warn("Rule {} failed on article {}", id, article.id(), error));
		return explained(article, matches.getMatches());
	}

	/**
	 * Matches a batch of articles, in passes of the monitor over chunks of it: the rules
	 * are searched once for the terms of a whole chunk, and each candidate rule runs once
	 * against an index of the chunk. A chunk is bounded in articles and in text, as its
	 * index is built in the heap: one pass stays small whatever a poll holds.
	 * @param articles enriched articles
	 * @return for each article, in order, the rules it matches, each with why
	 */
	public List<List<RuleMatch>> match(List<ArticleEnriched> articles) {
		List<List<RuleMatch>> result = new ArrayList<>(articles.size());
		int start = 0;
		while (start < articles.size()) {
			int end = start;
			long chars = 0;
			while (end < articles.size() && end - start < CHUNK_ARTICLES && (end == start || chars < CHUNK_CHARS)) {
				chars += RuleCompiler.nullToEmpty(articles.get(end).title()).length()
						+ RuleCompiler.nullToEmpty(articles.get(end).body()).length();
				end++;
			}
			result.addAll(matchChunk(articles.subList(start, end)));
			start = end;
		}
		return result;
	}

	private List<List<RuleMatch>> matchChunk(List<ArticleEnriched> articles) {
		Document[] documents = articles.stream().map(RuleCompiler::document).toArray(Document[]::new);
		MultiMatchingQueries<QueryMatch> matches;
		try {
			matches = this.monitor.match(documents, QueryMatch.SIMPLE_MATCHER);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		matches.getErrors()
			.forEach(
					(id, error) -> logger.warn("Rule {} failed on a batch of {} articles", id, articles.size(), error));
		List<List<RuleMatch>> result = new ArrayList<>(articles.size());
		for (int i = 0; i < articles.size(); i++) {
			result.add(explained(articles.get(i), matches.getMatches(i)));
		}
		return result;
	}

	private List<RuleMatch> explained(ArticleEnriched article, Collection<QueryMatch> matches) {
		if (matches.isEmpty()) {
			return List.of();
		}
		MatchExplainer explainer = new MatchExplainer(article, this.snippetLength);
		List<RuleMatch> result = new ArrayList<>();
		for (QueryMatch match : matches) {
			Registered registered = this.rules.get(match.getQueryId());
			if (registered != null) {
				MatchExplainer.Explanation why = explainer.explain(registered.rule(), registered.textQuery());
				result.add(new RuleMatch(registered.rule(), why.snippet(), why.match()));
			}
		}
		return result;
	}

	@Override
	public void destroy() throws IOException {
		this.monitor.close();
	}

	/** A rule with its text query parsed once, for explanations. */
	private record Registered(WatchRule rule, Query textQuery) {

	}

}
