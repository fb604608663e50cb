package org.newsradar.alert.matching;

import java.util.List;
import java.util.function.Function;

import org.newsradar.alert.rule.WatchRule;
import org.newsradar.events.ArticleEnriched;

/**
 * The structured filters of a rule, each a list of values of which the article must have
 * one. The field is the same in the Lucene document live matching uses and in the
 * Elasticsearch {@code articles} index, so both read a filter the same way: exact values.
 */
enum Filter {

	COUNTRIES("countries", "countries", WatchRule::countries, ArticleEnriched::countries),

	TOPICS("topics", "topics", WatchRule::topics, ArticleEnriched::topics),

	LANGUAGES("languages", "language", WatchRule::languages, (article) -> single(article.language())),

	SOURCES("sources", "source", WatchRule::sources, (article) -> single(article.source())),

	STATEMENT_BY("statement_by", "statement.by", WatchRule::statementBy,
			(article) -> (article.statement() != null) ? article.statement().by() : List.of()),

	PERSONS("persons", "persons", WatchRule::persons, ArticleEnriched::persons);

	private final String ruleField;

	private final String field;

	private final Function<WatchRule, List<String>> wanted;

	private final Function<ArticleEnriched, List<String>> present;

	Filter(String ruleField, String field, Function<WatchRule, List<String>> wanted,
			Function<ArticleEnriched, List<String>> present) {
		this.ruleField = ruleField;
		this.field = field;
		this.wanted = wanted;
		this.present = present;
	}

	/** The rule's JSON field, e.g. {@code statement_by}. */
	String ruleField() {
		return this.ruleField;
	}

	/** The document field, e.g. {@code statement.by}. */
	String field() {
		return this.field;
	}

	/** The values the rule asks for; empty when the filter is not used. */
	List<String> wanted(WatchRule rule) {
		return this.wanted.apply(rule);
	}

	/** The article's values. */
	List<String> present(ArticleEnriched article) {
		List<String> values = this.present.apply(article);
		return (values != null) ? values : List.of();
	}

	private static List<String> single(String value) {
		return (value != null) ? List.of(value) : List.of();
	}

}
