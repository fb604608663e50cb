package org.newsradar.alert.matching;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.queryparser.classic.MultiFieldQueryParser;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;

/**
 * A rule's {@code query}: Lucene query syntax over the article's title and body, any term
 * in either field unless the query says otherwise.
 */
public final class RuleQuery {

	static final String[] FIELDS = { "title", "body" };

	static final Analyzer ANALYZER = new StandardAnalyzer();

	private RuleQuery() {
	}

	public static Query parse(String query) throws ParseException {
		MultiFieldQueryParser parser = new MultiFieldQueryParser(FIELDS, ANALYZER);
		parser.setAllowLeadingWildcard(false);
		return parser.parse(query);
	}

	/**
	 * @param query a rule's query
	 * @return why it cannot be used, or {@code null} when it can
	 */
	public static String problem(String query) {
		if (query.isBlank()) {
			return "must not be blank; leave it out to match every article";
		}
		try {
			parse(query);
			return null;
		}
		catch (ParseException ex) {
			return "cannot be parsed: " + firstLine(ex.getMessage());
		}
		catch (IndexSearcher.TooManyClauses ex) {
			return "has more than " + IndexSearcher.getMaxClauseCount() + " clauses";
		}
	}

	private static String firstLine(String message) {
		int end = message.indexOf('\n');
		return (end < 0) ? message : message.substring(0, end);
	}

}
