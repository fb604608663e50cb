package org.newsradar.alert.matching;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.BoolQuery;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.json.JsonData;
import org.apache.lucene.index.memory.MemoryIndex;
import org.newsradar.alert.rule.RuleQuery;
import org.newsradar.alert.AlertProperties;
import org.newsradar.alert.rule.WatchRule;
import org.newsradar.elasticsearch.IndexSetup;
import org.newsradar.events.AlertRaised;
import org.newsradar.events.ArticleEnriched;

import org.springframework.stereotype.Component;

/**
 * Runs a rule against the articles already in Elasticsearch, as a dry run before it is
 * saved. Elasticsearch selects the articles of the last days that pass the rule's filters
 * (exact keyword terms, as in live matching); each is then matched with the same compiled
 * Lucene query and analysis the live monitor uses, so a preview finds what the rule would
 * have alerted on. The text query is not sent to Elasticsearch because its analysis
 * differs by distribution (the minimal node does not fold accents).
 */
@Component
public class RulePreview {

	private static final int PAGE = 1000;

	private final ElasticsearchClient client;

	private final AlertProperties properties;

	private final Clock clock;

	RulePreview(ElasticsearchClient client, AlertProperties properties, Clock clock) {
		this.clock = clock;
		this.client = client;
		this.properties = properties;
	}

	/**
	 * @param rule a valid rule
	 * @param days how many days back, by publication time (or ingestion time when the
	 * article has none)
	 * @param size how many hits to return at most
	 * @return the hits, newest first, and counts
	 */
	public Result preview(WatchRule rule, int days, int size) throws IOException {
		org.apache.lucene.search.Query textQuery = RuleCompiler.textQuery(rule);
		org.apache.lucene.search.Query compiled = RuleCompiler.compile(rule, textQuery);
		Query selection = selection(rule, Instant.now(this.clock).minus(Duration.ofDays(days)));
		Map<String, Integer> byLanguage = new TreeMap<>();
		if (!this.client.indices().exists((exists) -> exists.index(IndexSetup.ARTICLES)).value()) {
			// No article was enriched yet: nothing to catch.
			return new Result(days, 0, 0, byLanguage, List.of(), false);
		}
		List<PreviewHit> hits = new ArrayList<>();
		int scanned = 0;
		int matched = 0;
		List<FieldValue> after = null;
		int limit = this.properties.preview().maxArticles();
		while (scanned < limit) {
			List<FieldValue> searchAfter = after;
			int pageSize = Math.min(PAGE, limit - scanned);
			List<Hit<ArticleEnriched>> page = this.client.search((search) -> {
				search.index(IndexSetup.ARTICLES)
					.query(selection)
					.size(pageSize)
					.sort((sort) -> sort.field((field) -> field.field("ingested_at").order(SortOrder.Desc)))
					.sort((sort) -> sort.field((field) -> field.field("id").order(SortOrder.Asc)));
				if (searchAfter != null) {
					search.searchAfter(searchAfter);
				}
				return search;
			}, ArticleEnriched.class).hits().hits();
			for (Hit<ArticleEnriched> hit : page) {
				ArticleEnriched article = hit.source();
				if (matches(compiled, article)) {
					matched++;
					byLanguage.merge(String.valueOf(article.language()), 1, Integer::sum);
					if (hits.size() < size) {
						MatchExplainer.Explanation why = new MatchExplainer(article, this.properties.snippetLength())
							.explain(rule, textQuery);
						hits.add(new PreviewHit(article.id(), article.title(), article.url(), article.source(),
								article.language(), article.publishedAt(), article.storyId(), why.snippet(),
								why.match()));
					}
				}
			}
			scanned += page.size();
			if (page.size() < pageSize) {
				return new Result(days, scanned, matched, byLanguage, hits, false);
			}
			after = page.get(page.size() - 1).sort();
		}
		return new Result(days, scanned, matched, byLanguage, hits, true);
	}

	/** The same test the monitor makes, on one article. */
	static boolean matches(org.apache.lucene.search.Query compiled, ArticleEnriched article) {
		MemoryIndex index = MemoryIndex.fromDocument(RuleCompiler.document(article), RuleQuery.ANALYZER);
		try {
			return index.createSearcher().count(compiled) > 0;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static Query selection(WatchRule rule, Instant since) {
		return Query.of((query) -> query.bool((bool) -> {
			for (Filter filter : Filter.values()) {
				List<String> wanted = filter.wanted(rule);
				if (!wanted.isEmpty()) {
					bool.filter((f) -> f.terms((terms) -> terms.field(filter.field())
						.terms((values) -> values.value(wanted.stream().map(FieldValue::of).toList()))));
				}
			}
			return bool.filter((f) -> f.bool((window) -> publishedSince(window, since.toString())));
		}));
	}

	private static BoolQuery.Builder publishedSince(BoolQuery.Builder window, String since) {
		return window.should((s) -> s.range((r) -> r.untyped((u) -> u.field("published_at").gte(JsonData.of(since)))))
			.should((s) -> s.bool((missing) -> missing.mustNot((m) -> m.exists((e) -> e.field("published_at")))
				.filter((f) -> f.range((r) -> r.untyped((u) -> u.field("ingested_at").gte(JsonData.of(since)))))))
			.minimumShouldMatch("1");
	}

	/**
	 * @param days how many days back it looked
	 * @param scanned articles read that passed the filters
	 * @param matched of those, how many the rule matches
	 * @param byLanguage matches per language
	 * @param hits the first matches, newest first
	 * @param truncated whether more articles passed the filters than one preview reads
	 */
	public record Result(int days, int scanned, int matched, Map<String, Integer> byLanguage, List<PreviewHit> hits,
			boolean truncated) {

	}

	/**
	 * An article the rule matches, and why.
	 */
	public record PreviewHit(String articleId, String title, String url, String source, String language,
			Instant publishedAt, String storyId, String snippet, AlertRaised.Match match) {

	}

}
