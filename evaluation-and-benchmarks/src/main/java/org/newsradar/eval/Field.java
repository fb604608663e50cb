package org.newsradar.eval;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.newsradar.events.ArticleEnriched;

/**
 * What the evaluation scores, and how each field is read from an enriched article.
 */
enum Field {

	LANGUAGE("language"), COUNTRIES("countries"), TOPICS("topics"), PERSONS("persons"), STATEMENT_BY("statement_by"),
	STATEMENT_TYPE("statement_type"), STORY("story"),

	/**
	 * The topics trade and energy alone, where a corpus labels what its stories are about
	 * with codes of its own that map onto them (Reuters-21578's TOPICS).
	 */
	TRADE_ENERGY("topics_trade_energy");

	/** Reuters-21578 TOPICS codes and the topic each stands for. */
	static final Map<String, String> REUTERS_TOPICS = Map.ofEntries(Map.entry("trade", "trade"),
			Map.entry("crude", "energy"), Map.entry("nat-gas", "energy"), Map.entry("gas", "energy"),
			Map.entry("fuel", "energy"), Map.entry("heat", "energy"), Map.entry("propane", "energy"),
			Map.entry("jet", "energy"), Map.entry("naphtha", "energy"), Map.entry("pet-chem", "energy"));

	private final String label;

	Field(String label) {
		this.label = label;
	}

	String label() {
		return this.label;
	}

	/**
	 * The field's values in an enriched article; {@link #STORY} is scored by pairs
	 * instead.
	 */
	Set<String> of(ArticleEnriched article) {
		List<String> values = switch (this) {
			case LANGUAGE -> List.of(article.language());
			case COUNTRIES -> article.countries();
			case TOPICS -> article.topics();
			case PERSONS -> article.persons();
			case STATEMENT_BY -> (article.statement() != null) ? article.statement().by() : List.of();
			case STATEMENT_TYPE -> (article.statement() != null) ? List.of(article.statement().type()) : List.of();
			case STORY -> List.of(article.storyId());
			case TRADE_ENERGY -> article.topics().stream().filter(REUTERS_TOPICS::containsValue).toList();
		};
		return new LinkedHashSet<>(values);
	}

}
