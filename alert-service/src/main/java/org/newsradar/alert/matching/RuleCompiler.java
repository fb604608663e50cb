package org.newsradar.alert.matching;

import java.util.ArrayList;
import java.util.List;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.newsradar.alert.rule.RuleQuery;
import org.newsradar.alert.rule.WatchRule;
import org.newsradar.events.ArticleEnriched;

/**
 * Turns a rule into one Lucene query and an article into the document it runs against:
 * the text query must match title or body, and each filter is a required term or
 * disjunction of exact terms. Having the filters in the query lets the monitor's
 * presearcher skip a rule whose country or topic the article does not have without
 * running it.
 */
final class RuleCompiler {

	private RuleCompiler() {
	}

	/** A rule's text query, parsed, or {@code null} when it has none. */
	static Query textQuery(WatchRule rule) {
		return (rule.query() != null) ? RuleQuery.parse(rule.query()) : null;
	}

	/**
	 * The rule's query: its text query, parsed once by {@link #textQuery} and shared with
	 * what explains a match, and its filters. Clauses are all required ({@code MUST}, not
	 * {@code FILTER}: scores do not matter, and a query already in the form Lucene
	 * rewrites to is cheaper to run per article).
	 */
	static Query compile(WatchRule rule, Query textQuery) {
		List<Query> required = new ArrayList<>();
		if (textQuery != null) {
			required.add(textQuery);
		}
		for (Filter filter : Filter.values()) {
			List<String> wanted = filter.wanted(rule);
			if (wanted.size() == 1) {
				required.add(new TermQuery(new Term(filter.field(), wanted.get(0))));
			}
			else if (!wanted.isEmpty()) {
				BooleanQuery.Builder anyOf = new BooleanQuery.Builder();
				wanted.forEach((value) -> anyOf.add(new TermQuery(new Term(filter.field(), value)), Occur.SHOULD));
				required.add(anyOf.build());
			}
		}
		if (required.size() == 1) {
			return required.get(0);
		}
		if (required.isEmpty()) {
			return new MatchAllDocsQuery();
		}
		BooleanQuery.Builder all = new BooleanQuery.Builder();
		required.forEach((clause) -> all.add(clause, Occur.MUST));
		return all.build();
	}

	static Document document(ArticleEnriched article) {
		Document document = new Document();
		document.add(new TextField("title", nullToEmpty(article.title()), Field.Store.NO));
		document.add(new TextField("body", nullToEmpty(article.body()), Field.Store.NO));
		for (Filter filter : Filter.values()) {
			filter.present(article)
				.forEach((value) -> document.add(new StringField(filter.field(), value, Field.Store.NO)));
		}
		return document;
	}

	static String nullToEmpty(String value) {
		return (value != null) ? value : "";
	}

}
