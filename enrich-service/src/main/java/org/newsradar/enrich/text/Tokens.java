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
 * "UN" can still be told from the French "un". Chinese and Japanese, written without
 * spaces, are one token per character, so that "中国" is found inside "中国政府".
 *
 * @param original the tokens as written
 * @param folded the same tokens lowercased and without diacritics
 * @param starts the offset of each token in the text
 * @param prefixes the first {@value #PREFIX} letters of each folded token, or
 * {@code null} for a shorter one: taken once per text, for every dictionary that looks
 * phrases up by a word's prefix
 */
public record Tokens(String[] original, String[] folded, int[] starts, String[] prefixes) {

	/** How many letters a token's prefix has. */
	public static final int PREFIX = 3;

	private static final Pattern COMBINING_MARK = Pattern.compile("\\p{M}+");

	public static Tokens of(String text) {
		List<String> words = new ArrayList<>();
		List<Integer> offsets = new ArrayList<>();
		int start = -1;
		for (int i = 0; i < text.length();) {
			int c = text.codePointAt(i);
			if (isWordChar(c)) {
				start = (start < 0) ? i : start;
			}
			else if (start >= 0) {
				split(text.substring(start, i), start, words, offsets);
				start = -1;
			}
			i += Character.charCount(c);
		}
		if (start >= 0) {
			split(text.substring(start), start, words, offsets);
		}
		String[] original = words.toArray(String[]::new);
		String[] folded = new String[original.length];
		int[] starts = new int[original.length];
		String[] prefixes = new String[original.length];
		for (int i = 0; i < original.length; i++) {
			folded[i] = fold(original[i]);
			starts[i] = offsets.get(i);
			prefixes[i] = (folded[i].length() >= PREFIX) ? folded[i].substring(0, PREFIX) : null;
		}
		return new Tokens(original, folded, starts, prefixes);
	}

	/** The words of a phrase, split as {@link #of} splits a text. */
	public static List<String> words(String phrase) {
		List<String> words = new ArrayList<>();
		Matcher matcher = Pattern.compile("[\\p{L}\\p{N}*]+").matcher(phrase);
		while (matcher.find()) {
			split(matcher.group(), matcher.start(), words, new ArrayList<>());
		}
		return words;
	}

	public int size() {
		return this.original.length;
	}

	/** Offset just past token {@code i} in the text. */
	public int end(int i) {
		return this.starts[i] + this.original[i].length();
	}

	/** Lowercase without diacritics; the form dictionary entries are stored in. */
	public static String fold(String word) {
		String lower = word.toLowerCase(Locale.ROOT);
		if (isAscii(lower)) {
			return lower;
		}
		return COMBINING_MARK.matcher(Normalizer.normalize(lower, Normalizer.Form.NFD)).replaceAll("");
	}

	/**
	 * A run of letters becomes one token, except that each ideograph or kana is its own.
	 */
	private static void split(String word, int start, List<String> words, List<Integer> offsets) {
		int from = 0;
		for (int i = 0; i < word.length(); i++) {
			if (isIdeographic(word.charAt(i))) {
				if (i > from) {
					words.add(word.substring(from, i));
					offsets.add(start + from);
				}
				words.add(word.substring(i, i + 1));
				offsets.add(start + i);
				from = i + 1;
			}
		}
		if (from < word.length()) {
			words.add((from == 0) ? word : word.substring(from));
			offsets.add(start + from);
		}
	}

	/**
	 * A letter or a number of any script ({@code [\p{L}\p{N}]}), tested without a regular
	 * expression: tokenizing is on every tagger's path.
	 */
	private static boolean isWordChar(int c) {
		if (c < 128) {
			return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
		}
		if (Character.isLetter(c)) {
			return true;
		}
		int type = Character.getType(c);
		return type == Character.DECIMAL_DIGIT_NUMBER || type == Character.LETTER_NUMBER
				|| type == Character.OTHER_NUMBER;
	}

	/** Whether a character is a Han ideograph or a kana, each of which is a token. */
	public static boolean isIdeographic(char c) {
		if (c < 0x3040) {
			return false;
		}
		Character.UnicodeScript script = Character.UnicodeScript.of(c);
		return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
				|| script == Character.UnicodeScript.KATAKANA;
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
