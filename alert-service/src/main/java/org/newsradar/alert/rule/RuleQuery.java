package org.newsradar.alert.rule;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.classic.MultiFieldQueryParser;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.RegexpQuery;
import org.apache.lucene.search.TermRangeQuery;
import org.apache.lucene.search.WildcardQuery;
import org.apache.lucene.util.automaton.ByteRunAutomaton;

/**
 * A rule's {@code query}: Lucene query syntax over the article's title and body, any term
 * in either field unless the query says otherwise. Text is split by the standard
 * tokenizer, lowercased and folded to ASCII, so {@code Tokaiev} finds "Tokaïev"; a run of
 * CJK characters becomes a phrase. Queries that would be slow against every article are
 * refused: leading wildcards, wildcards with fewer than {@value #MIN_WILDCARD_PREFIX}
 * letters before them, regular expressions, ranges, and more than {@value #MAX_CLAUSES}
 * clauses.
 */
public final class RuleQuery {

	public static final List<String> FIELDS = List.of("title", "body");

	static final int MAX_CLAUSES = 512;

	public static final int MIN_WILDCARD_PREFIX = 3;

	public static final Analyzer ANALYZER = new Analyzer() {

		@Override
		protected TokenStreamComponents createComponents(String fieldName) {
			StandardTokenizer tokenizer = new StandardTokenizer();
			TokenStream stream = new ASCIIFoldingFilter(new LowerCaseFilter(tokenizer));
			return new TokenStreamComponents(tokenizer, stream);
		}

		@Override
		protected TokenStream normalize(String fieldName, TokenStream in) {
			return new ASCIIFoldingFilter(new LowerCaseFilter(in));
		}

	};

	private RuleQuery() {
	}

	/**
	 * @param query a rule's query
	 * @return the Lucene query
	 * @throws InvalidQueryException saying why it cannot be used
	 */
	public static Query parse(String query) {
		if (query.isBlank()) {
			throw new InvalidQueryException("must not be blank; leave it out to match every article");
		}
		MultiFieldQueryParser parser = new MultiFieldQueryParser(FIELDS.toArray(String[]::new), ANALYZER);
		parser.setAllowLeadingWildcard(false);
		parser.setSplitOnWhitespace(true);
		parser.setAutoGeneratePhraseQueries(true);
		Query parsed;
		try {
			parsed = parser.parse(query);
		}
		catch (ParseException ex) {
			throw new InvalidQueryException("cannot be parsed: " + parseError(ex));
		}
		catch (IndexSearcher.TooManyClauses ex) {
			throw new InvalidQueryException("is too expensive: more than " + MAX_CLAUSES + " clauses");
		}
		List<String> problems = cost(parsed);
		if (!problems.isEmpty()) {
			throw new InvalidQueryException("is too expensive: " + String.join("; ", problems));
		}
		if (parsed instanceof BooleanQuery bool && !bool.clauses().isEmpty()
				&& bool.clauses().stream().allMatch((clause) -> clause.occur() == Occur.MUST_NOT)) {
			// "-uzbekistan" means every article without the word, as in Elasticsearch;
			// Lucene alone would match nothing.
			BooleanQuery.Builder everythingBut = new BooleanQuery.Builder().add(new MatchAllDocsQuery(), Occur.MUST);
			bool.clauses().forEach(everythingBut::add);
			return everythingBut.build();
		}
		return parsed;
	}

	private static List<String> cost(Query query) {
		List<String> problems = new ArrayList<>();
		int[] clauses = { 0 };
		query.visit(new QueryVisitor() {

			@Override
			public void consumeTerms(Query leaf, Term... terms) {
				clauses[0] += terms.length;
			}

			@Override
			public void visitLeaf(Query leaf) {
				clauses[0]++;
				if (leaf instanceof RegexpQuery) {
					problems.add("regular expressions are not allowed (" + leaf + "); use a wildcard such as tokay*");
				}
				else if (leaf instanceof TermRangeQuery) {
					problems.add("ranges are not allowed (" + leaf + ")");
				}
				else if (leaf instanceof WildcardQuery wildcard) {
					checkPrefix(wildcard.getTerm().text(), problems);
				}
				else if (leaf instanceof PrefixQuery prefix) {
					checkPrefix(prefix.getPrefix().text() + "*", problems);
				}
			}

			@Override
			public void consumeTermsMatching(Query leaf, String field, Supplier<ByteRunAutomaton> automaton) {
				if (!(leaf instanceof FuzzyQuery)) {
					visitLeaf(leaf);
				}
				else {
					clauses[0]++;
				}
			}

			@Override
			public QueryVisitor getSubVisitor(Occur occur, Query parent) {
				return this;
			}

		});
		if (clauses[0] > MAX_CLAUSES) {
			problems.add(clauses[0] + " clauses over title and body, at most " + MAX_CLAUSES + " are allowed");
		}
		return problems;
	}

	private static void checkPrefix(String pattern, List<String> problems) {
		int wildcard = firstWildcard(pattern);
		if (wildcard < MIN_WILDCARD_PREFIX) {
			problems.add("'" + pattern + "' needs at least " + MIN_WILDCARD_PREFIX + " letters before the wildcard");
		}
	}

	private static int firstWildcard(String pattern) {
		for (int i = 0; i < pattern.length(); i++) {
			if (pattern.charAt(i) == '*' || pattern.charAt(i) == '?') {
				return i;
			}
		}
		return pattern.length();
	}

	private static String parseError(ParseException ex) {
		String message = ex.getMessage();
		if (message.contains("not allowed as first character")) {
			return "a term cannot start with * or ? (leading wildcards are too expensive)";
		}
		int end = message.indexOf('\n');
		return (end < 0) ? message : message.substring(0, end);
	}

	/**
	 * Why a query cannot be used; the message completes "query ...".
	 */
	public static class InvalidQueryException extends RuntimeException {

		InvalidQueryException(String message) {
			super(message);
		}

	}

}
