package org.newsradar.alert.console;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

import org.springframework.stereotype.Component;

/**
 * A text cut into pieces, the words a rule matched marked, for the pages to show with
 * {@code <mark>} (as {@code ${@highlight.of(text, terms)}}); the pieces are text, so the
 * page escapes them as any other.
 */
@Component("highlight")
public class Highlight {

	public List<Piece> of(String text, Collection<String> terms) {
		List<Piece> pieces = new ArrayList<>();
		if (text == null) {
			return pieces;
		}
		String lower = text.toLowerCase(Locale.ROOT);
		int at = 0;
		while (at < text.length()) {
			int start = -1;
			int length = 0;
			for (String term : (terms != null) ? terms : List.<String>of()) {
				if (term.isBlank()) {
					continue;
				}
				int found = lower.indexOf(term.toLowerCase(Locale.ROOT), at);
				if (found >= 0 && (start < 0 || found < start || (found == start && term.length() > length))) {
					start = found;
					length = term.length();
				}
			}
			if (start < 0) {
				pieces.add(new Piece(text.substring(at), false));
				break;
			}
			if (start > at) {
				pieces.add(new Piece(text.substring(at, start), false));
			}
			pieces.add(new Piece(text.substring(start, start + length), true));
			at = start + length;
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
