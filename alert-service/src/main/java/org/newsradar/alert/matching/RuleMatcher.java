package org.newsradar.alert.matching;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.lucene.index.memory.MemoryIndex;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.search.Query;
import org.newsradar.alert.rule.WatchRule;
import org.newsradar.events.ArticleEnriched;

import org.springframework.stereotype.Component;

/**
 * Decides which rules an article matches: every given filter must hold (a list holds when
 * any of its values does), and the query must match title or body.
 */
@Component
class RuleMatcher {

	/**
	 * Parsed queries by their text: parsing is done once per query, not once per article.
	 */
	private final Map<String, Optional<Query>> queries = new ConcurrentHashMap<>();

	List<WatchRule> matching(ArticleEnriched article, Collection<WatchRule> rules) {
		MemoryIndex index = new MemoryIndex();
		index.addField("title", nullToEmpty(article.title()), RuleQuery.ANALYZER);
		index.addField("body", nullToEmpty(article.body()), RuleQuery.ANALYZER);
		return rules.stream().filter((rule) -> filtersHold(rule, article) && queryMatches(rule, index)).toList();
	}

	static boolean filtersHold(WatchRule rule, ArticleEnriched article) {
		List<String> statementBy = (article.statement() != null) ? article.statement().by() : List.of();
		return anyOf(rule.countries(), article.countries()) && anyOf(rule.topics(), article.topics())
				&& anyOf(rule.languages(), List.of(nullToEmpty(article.language())))
				&& anyOf(rule.sources(), List.of(nullToEmpty(article.source())))
				&& anyOf(rule.statementBy(), statementBy) && anyOf(rule.persons(), article.persons());
	}

	private boolean queryMatches(WatchRule rule, MemoryIndex index) {
		if (rule.query() == null) {
			return true;
		}
		// Stored rules were validated; one that does not parse matches nothing.
		return this.queries.computeIfAbsent(rule.query(), RuleMatcher::parse)
			.map((query) -> index.search(query) > 0.0f)
			.orElse(false);
	}

	private static Optional<Query> parse(String query) {
		try {
			return Optional.of(RuleQuery.parse(query));
		}
		catch (ParseException ex) {
			return Optional.empty();
		}
	}

	private static boolean anyOf(List<String> wanted, List<String> present) {
		if (wanted.isEmpty()) {
			return true;
		}
		if (present == null) {
			return false;
		}
		return wanted.stream().anyMatch(present::contains);
	}

	private static String nullToEmpty(String value) {
		return (value != null) ? value : "";
	}

}
