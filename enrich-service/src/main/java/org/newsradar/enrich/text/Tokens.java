package org.newsradar.enrich.text;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A text as a sequence of word tokens, each in its original spelling and folded
 * (lowercase, without accents), so that "Taïwan", "TAIWAN" and "taiwan" fold alike while
 * "UN" can still be told from the French "un".
 *
 * @param original the tokens as written
 * @param folded the same tokens lowercased and without diacritics
 */
public record Tokens(String[] original, String[] folded) {

	private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");

	private static final Pattern COMBINING_MARK = Pattern.compile("\\p{M}+");

	public static Tokens of(String text) {
		List<String> words = new ArrayList<>();
		Matcher matcher = WORD.matcher(text);
		while (matcher.find()) {
			words.add(matcher.group());
		}
		String[] original = words.toArray(String[]::new);
		String[] folded = new String[original.length];
		for (int i = 0; i < original.length; i++) {
			folded[i] = fold(original[i]);
		}
		return new Tokens(original, folded);
	}

	public int size() {
		return this.original.length;
	}

	/** Lowercase without diacritics; the form dictionary entries are stored in. */
	public static String fold(String word) {
		String lower = word.toLowerCase(Locale.ROOT);
		if (isAscii(lower)) {
			return lower;
		}
		return COMBINING_MARK.matcher(Normalizer.normalize(lower, Normalizer.Form.NFD)).replaceAll("");
	}

	private static boolean isAscii(String word) {
		for (int i = 0; i < word.length(); i++) {
			if (word.charAt(i) > 127) {
				return false;
			}
		}
		return true;
	}

}
