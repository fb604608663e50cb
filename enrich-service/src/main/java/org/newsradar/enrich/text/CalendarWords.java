package org.newsradar.enrich.text;

import java.util.Set;

/**
 * The English names of the week days and months, folded: capitalised words that are no
 * name of a place or a person ("Georgia Monday", "the May talks").
 */
public final class CalendarWords {

	private static final Set<String> WORDS = Set.of("monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
			"sunday", "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
			"november", "december");

	private CalendarWords() {
	}

	/**
	 * @param folded a word, lower case
	 * @return whether it names a week day or a month
	 */
	public static boolean contains(String folded) {
		return WORDS.contains(folded);
	}

}
