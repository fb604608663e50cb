package org.newsradar.alert.matching;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.memory.MemoryIndex;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Matches;
import org.apache.lucene.search.MatchesIterator;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.newsradar.alert.rule.RuleQuery;
import org.newsradar.alert.rule.WatchRule;
import org.newsradar.events.AlertRaised;
import org.newsradar.events.ArticleEnriched;

/**
 * Says why a rule matched an article: the query's words found in title and body (with
 * Lucene's matches API, so a phrase is one hit) and the article's values that satisfied
 * each filter; and cuts a snippet of the body around the first hit with the hits wrapped
 * in {@code <em>}. Built once per article, for the few rules that matched it.
 */
final class MatchExplainer {

	private final ArticleEnriched article;

	private final IndexSearcher searcher;

	private final LeafReaderContext leaf;

	private final int snippetLength;

	MatchExplainer(ArticleEnriched article, int snippetLength) {
		this.article = article;
		this.snippetLength = snippetLength;
		MemoryIndex index = new MemoryIndex(true);
		index.addField("title", RuleCompiler.nullToEmpty(article.title()), RuleQuery.ANALYZER);
		index.addField("body", RuleCompiler.nullToEmpty(article.body()), RuleQuery.ANALYZER);
		this.searcher = index.createSearcher();
		this.leaf = this.searcher.getIndexReader().leaves().get(0);
	}

	/**
	 * @param rule the rule that matched
	 * @param query its parsed text query, or {@code null} when it has none
	 */
	Explanation explain(WatchRule rule, Query query) {
		Map<String, List<Span>> hits = (query != null) ? hits(query) : Map.of();
		Set<String> terms = new LinkedHashSet<>();
		hits.forEach((field, spans) -> {
			String text = text(field);
			spans.forEach((span) -> terms.add(text.substring(span.start(), span.end()).toLowerCase()));
		});
		Map<String, List<String>> filters = new LinkedHashMap<>();
		for (Filter filter : Filter.values()) {
			List<String> wanted = filter.wanted(rule);
			if (!wanted.isEmpty()) {
				filters.put(filter.ruleField(),
						filter.present(this.article).stream().filter(wanted::contains).toList());
			}
		}
		return new Explanation(snippet(hits.getOrDefault("body", List.of())),
				new AlertRaised.Match(List.copyOf(terms), filters));
	}

	private Map<String, List<Span>> hits(Query query) {
		try {
			Query rewritten = this.searcher.rewrite(query);
			Matches matches = this.searcher.createWeight(rewritten, ScoreMode.COMPLETE_NO_SCORES, 1)
				.matches(this.leaf, 0);
			Map<String, List<Span>> hits = new LinkedHashMap<>();
			if (matches == null) {
				return hits;
			}
			for (String field : RuleQuery.FIELDS) {
				MatchesIterator iterator = matches.getMatches(field);
				List<Span> spans = new ArrayList<>();
				while (iterator != null && iterator.next()) {
					if (iterator.startOffset() >= 0) {
						spans.add(new Span(iterator.startOffset(), iterator.endOffset()));
					}
				}
				if (!spans.isEmpty()) {
					spans.sort(null);
					hits.put(field, spans);
				}
			}
			return hits;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private String snippet(List<Span> spans) {
		String body = RuleCompiler.nullToEmpty(this.article.body());
		int from = 0;
		if (!spans.isEmpty()) {
			int hit = spans.get(0).start();
			from = Math.max(0, hit - this.snippetLength / 4);
			while (from > 0 && from < hit && !Character.isWhitespace(body.charAt(from - 1))) {
				from++;
			}
		}
		int to = Math.min(body.length(), from + this.snippetLength);
		if (to < body.length()) {
			int space = body.lastIndexOf(' ', to);
			to = (space > from) ? space : to;
		}
		StringBuilder snippet = new StringBuilder((from > 0) ? "… " : "");
		int at = from;
		for (Span span : spans) {
			if (span.start() >= at && span.end() <= to) {
				snippet.append(body, at, span.start())
					.append("<em>")
					.append(body, span.start(), span.end())
					.append("</em>");
				at = span.end();
			}
		}
		snippet.append(body, at, to);
		if (to < body.length()) {
			snippet.append(" …");
		}
		return snippet.toString().replaceAll("\\s+", " ").strip();
	}

	private String text(String field) {
		return RuleCompiler.nullToEmpty("title".equals(field) ? this.article.title() : this.article.body());
	}

	record Explanation(String snippet, AlertRaised.Match match) {

	}

	private record Span(int start, int end) implements Comparable<Span> {

		@Override
		public int compareTo(Span other) {
			return Integer.compare(this.start, other.start);
		}

	}

}
