package org.newsradar.alert.matching;

import java.io.IOException;

import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.monitor.CustomQueryHandler;
import org.apache.lucene.monitor.QueryTree;
import org.apache.lucene.monitor.TermWeightor;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.WildcardQuery;
import org.apache.lucene.util.BytesRef;
import org.newsradar.alert.rule.RuleQuery;

/**
 * Lets the presearcher skip wildcard rules ({@code kazakh*}, {@code tokay?v}) whose
 * letters before the wildcard are in no word of the article. Without it the monitor runs
 * every wildcard rule against every article. A rule's literal prefix is indexed as a
 * marked term, and the presearcher also sees every prefix (from
 * {@value RuleQuery#MIN_WILDCARD_PREFIX} letters up) of every word of the article.
 */
final class PrefixQueryHandler implements CustomQueryHandler {

	private static final String MARK = "\u0001";

	/** Longer prefixes are cut to this length: still selective, and fewer terms. */
	private static final int LONGEST = 12;

	@Override
	public QueryTree handleQuery(Query query, TermWeightor weightor) {
		String field;
		String pattern;
		if (query instanceof PrefixQuery prefix) {
			field = prefix.getField();
			pattern = prefix.getPrefix().text() + "*";
		}
		else if (query instanceof WildcardQuery wildcard) {
			field = wildcard.getField();
			pattern = wildcard.getTerm().text();
		}
		else {
			return null;
		}
		int end = 0;
		while (end < pattern.length() && pattern.charAt(end) != '*' && pattern.charAt(end) != '?'
				&& pattern.charAt(end) != '\\') {
			end++;
		}
		if (end < RuleQuery.MIN_WILDCARD_PREFIX) {
			return null;
		}
		String prefix = pattern.substring(0, Math.min(end, LONGEST));
		return QueryTree.term(field, new BytesRef(prefix + MARK), 1.0 + prefix.length() / 10.0);
	}

	@Override
	public TokenStream wrapTermStream(String field, TokenStream in) {
		if (!RuleQuery.FIELDS.contains(field)) {
			return in;
		}
		return new TokenFilter(in) {

			private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

			private final PositionIncrementAttribute position = addAttribute(PositionIncrementAttribute.class);

			private String word;

			private int length;

			@Override
			public boolean incrementToken() throws IOException {
				if (this.word != null && this.length <= Math.min(this.word.length(), LONGEST)) {
					this.term.setEmpty().append(this.word, 0, this.length).append(MARK);
					// At the word's position; filters downstream add to the increment.
					this.position.setPositionIncrement(0);
					this.length++;
					return true;
				}
				if (!this.input.incrementToken()) {
					return false;
				}
				this.word = this.term.toString();
				this.length = RuleQuery.MIN_WILDCARD_PREFIX;
				return true;
			}

			@Override
			public void reset() throws IOException {
				super.reset();
				this.word = null;
			}

		};
	}

}
