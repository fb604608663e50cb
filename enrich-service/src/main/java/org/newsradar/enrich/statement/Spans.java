package org.newsradar.enrich.statement;

import org.newsradar.enrich.pipeline.Mention;
import org.newsradar.enrich.text.PhraseIndex;

/**
 * Small helpers on token spans and sentences.
 */
final class Spans {

	private static final String SENTENCE_END = ".!?。！？\n";

	private Spans() {
	}

	/** Tokens between two spans: 0 when they touch or overlap. */
	static int gap(int startA, int endA, int startB, int endB) {
		return Math.max(0, Math.max(startB - endA, startA - endB));
	}

	static int gap(Mention mention, PhraseIndex.Match<?> match) {
		return gap(mention.start(), mention.end(), match.start(), match.start() + match.length());
	}

	/** The offsets {start, end} of the sentence around {@code offset}. */
	static int[] sentence(String text, int offset) {
		int start = offset;
		while (start > 0 && !endsSentence(text, start - 1)) {
			start--;
		}
		int end = offset;
		while (end < text.length() && !endsSentence(text, end)) {
			end++;
		}
		return new int[] { start, Math.min(text.length(), end + 1) };
	}

	/**
	 * A full stop after a single capital ("U.S.", "J. Smith") does not end a sentence.
	 */
	private static boolean endsSentence(String text, int i) {
		char c = text.charAt(i);
		if (SENTENCE_END.indexOf(c) < 0) {
			return false;
		}
		if (c == '.' && i > 0 && Character.isUpperCase(text.charAt(i - 1))
				&& (i == 1 || !Character.isLetter(text.charAt(i - 2)))) {
			return false;
		}
		return c != '.' || i + 1 >= text.length() || Character.isWhitespace(text.charAt(i + 1));
	}

}
