package org.newsradar.alert.console;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

/**
 * A snippet as alert-service writes it (the matched words between {@code <em>} and
 * {@code </em>}, the rest plain text) cut into pieces, for the pages to show the matched
 * words with {@code <mark>} ({@code ${@highlight.of(snippet)}}). The pieces are text, so
 * the page escapes them as any other: nothing of the article reaches the page as markup.
 */
@Component("highlight")
public class Highlight {

	private static final String OPEN = "<em>";

	private static final String CLOSE = "</em>";

	public List<Piece> of(String snippet) {
		List<Piece> pieces = new ArrayList<>();
		if (snippet == null) {
			return pieces;
		}
		int at = 0;
		while (at < snippet.length()) {
			int open = snippet.indexOf(OPEN, at);
			int close = (open >= 0) ? snippet.indexOf(CLOSE, open + OPEN.length()) : -1;
			if (close < 0) {
				pieces.add(new Piece(snippet.substring(at), false));
				break;
			}
			if (open > at) {
				pieces.add(new Piece(snippet.substring(at, open), false));
			}
			pieces.add(new Piece(snippet.substring(open + OPEN.length(), close), true));
			at = close + CLOSE.length();
		}
		return pieces;
	}

	/**
	 * A piece of text.
	 *
	 * @param text the text
	 * @param marked whether it is a word the rule matched
	 */
	public record Piece(String text, boolean marked) {

	}

}
