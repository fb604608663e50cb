package org.newsradar.enrich.story;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.newsradar.enrich.pipeline.ArticleDraft;
import org.newsradar.enrich.pipeline.Mention;
import org.newsradar.enrich.text.CalendarWords;
import org.newsradar.enrich.text.Tokens;

/**
 * What of an article survives translation, as a set of features: numbers ("n:2758"),
 * countries ("c:KZ"), people ("p:Xi Jinping"), topics ("t:one-china") and names written
 * in Latin letters ("w:kavanaugh", capitalised words inside a sentence).
 *
 * @param articleId the article
 * @param time when it was published, else ingested
 * @param language its language
 * @param features its features
 * @param words its content words (folded, five letters or more; in Chinese and Japanese,
 * pairs of characters), to tell two stories in one language apart when they share the
 * same countries and people: as the sorted, distinct {@link String#hashCode() hash codes}
 * of the words, which take a fifteenth of the memory of the words themselves (50,000
 * remembered articles kept 1.2 GB of words) and compare by a merge; two words of one
 * article pair with a hash of the other's by chance once in millions of pairs
 */
record StoryFingerprint(String articleId, Instant time, String language, Set<String> features, int[] words) {

	/**
	 * A number in any script's digits ("1,000", "1.000", "1 000", "１２万", "1.2 million"):
	 * the digits with their thousands separators, a decimal part, then a scale, which may
	 * be a CJK multiplier followed by the digits below it ("1万1000" is 11,000).
	 */
	private static final Pattern NUMBER = Pattern
		.compile("(\\p{Nd}+(?:[,. \u00a0\u202f，]\\p{Nd}{3}(?!\\p{Nd}))*)(?:[.,](\\p{Nd}{1,2})(?!\\p{Nd}))?"
				+ "(?:\\s?([千万萬億亿])(\\p{Nd}{1,4}(?!\\p{Nd}))?"
				+ "|\\s(millions?|billions?|milliards?|millionen|milliarden|mio|mrd|млн|млрд|миллион\\p{L}*"
				+ "|миллиард\\p{L}*)(?!\\p{L}))?", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

	/**
	 * A capitalised word that does not open a sentence. (Japanese katakana words were
	 * tried as names too: pairing with Japanese gained recall but lost more precision, as
	 * most katakana words are loanwords.)
	 */
	private static final Pattern NAME = Pattern.compile("(?<=[\\p{Ll},;] )\\p{Lu}\\p{Ll}{3,}");

	/**
	 * In Chinese or Japanese text, a word in Latin letters is a name: "Twitter",
	 * "CanCam".
	 */
	private static final Pattern LATIN_NAME = Pattern
		.compile("(?<!\\p{IsLatin})[\\p{IsLatin}&&\\p{Lu}]\\p{IsLatin}{3,}");

	/** A capitalised German word and the word before it. */
	private static final Pattern GERMAN_NOUN = Pattern.compile("(?<!\\p{L})(\\p{L}+) (?=(\\p{Lu}\\p{Ll}{3,}))");

	/** The German articles and determiners a noun takes. */
	private static final Set<String> GERMAN_DETERMINERS = Set.of("der", "die", "das", "den", "dem", "des", "ein",
			"eine", "einen", "einem", "einer", "eines", "kein", "keine", "keinen", "keinem", "keiner", "keines",
			"dieser", "diese", "dieses", "diesen", "diesem", "jede", "jeder", "jedes", "jeden", "jedem", "alle",
			"allen", "aller", "mein", "meine", "sein", "seine", "seinen", "seiner", "seinem", "seines", "ihr", "ihre",
			"ihren", "ihrer", "ihrem", "ihres", "unser", "unsere", "unseren", "unserer", "im", "am", "zum", "zur",
			"vom", "beim", "ins", "ans", "welche", "welcher", "welches", "viele", "vielen", "mehrere", "mehreren",
			"einige", "einigen", "zwei", "drei", "vier");

	/** Capitalised, but no name. */
	/** Enough text to take the features from; the rest of a long article repeats them. */
	private static final int SAMPLE = 6000;

	static StoryFingerprint of(ArticleDraft article) {
		Set<String> features = new HashSet<>();
		String text = article.text();
		String sample = (text.length() > SAMPLE) ? text.substring(0, SAMPLE) : text;
		numbers(sample).forEach((number) -> features.add("n:" + number));
		Set<String> words = new HashSet<>();
		Set<String> lowercase = new HashSet<>();
		String[] original = article.tokens().original();
		String[] folded = article.tokens().folded();
		int[] starts = article.tokens().starts();
		for (int i = 0; i < original.length && starts[i] < SAMPLE; i++) {
			char first = original[i].charAt(0);
			if (Tokens.isIdeographic(first)) {
				boolean next = i + 1 < original.length && starts[i + 1] == starts[i] + 1
						&& Tokens.isIdeographic(original[i + 1].charAt(0));
				if (next && !(isHiragana(first) && isHiragana(original[i + 1].charAt(0)))) {
					words.add(original[i] + original[i + 1]);
				}
			}
			else if (Character.isLowerCase(first)) {
				lowercase.add(folded[i]);
				if (folded[i].length() >= 5) {
					words.add(folded[i]);
				}
			}
		}
		Set<String> mentioned = new HashSet<>();
		for (Mention mention : article.mentions()) {
			for (int i = mention.start(); i < mention.end(); i++) {
				mentioned.add(article.tokens().folded()[i]);
			}
		}
		Set<String> nouns = "de".equals(article.language()) ? germanNouns(sample) : Set.of();
		boolean cjk = "ja".equals(article.language()) || "zh".equals(article.language());
		Matcher names = (cjk ? LATIN_NAME : NAME).matcher(sample);
		int at = next(sample, 0, Character.UPPERCASE_LETTER);
		while (at >= 0 && names.find(at)) {
			String name = Tokens.fold(names.group());
			if (!mentioned.contains(name) && !lowercase.contains(name) && !CalendarWords.contains(name)
					&& !nouns.contains(name)) {
				addName(features, name);
			}
			at = next(sample, names.end(), Character.UPPERCASE_LETTER);
		}
		if ("ja".equals(article.language())) {
			JapaneseNames.of(sample).forEach((name) -> addName(features, name));
		}
		article.countries().forEach((country) -> features.add("c:" + country));
		article.persons().forEach((person) -> features.add("p:" + person));
		article.topics().keySet().forEach((topic) -> features.add("t:" + topic));
		Instant time = (article.received().publishedAt() != null) ? article.received().publishedAt()
				: article.received().ingestedAt();
		return new StoryFingerprint(article.received().id(), time, article.language(), Set.copyOf(features),
				hashes(words));
	}

	/** The sorted, distinct hash codes of some words. */
	static int[] hashes(Collection<String> words) {
		return words.stream().mapToInt(String::hashCode).sorted().distinct().toArray();
	}

	/** Share of the smaller article's content words that the larger one has too. */
	static double overlap(StoryFingerprint a, StoryFingerprint b) {
		int[] small = (a.words.length <= b.words.length) ? a.words : b.words;
		int[] large = (small == a.words) ? b.words : a.words;
		if (small.length == 0) {
			return 0;
		}
		int shared = 0;
		for (int i = 0, j = 0; i < small.length && j < large.length;) {
			int order = Integer.compare(small[i], large[j]);
			if (order == 0) {
				shared++;
				i++;
				j++;
			}
			else if (order < 0) {
				i++;
			}
			else {
				j++;
			}
		}
		return (double) shared / small.length;
	}

	private static void addName(Set<String> features, String name) {
		String key = NameKey.of(name);
		if (key != null) {
			features.add("w:" + key);
		}
	}

	/**
	 * The capitalised words of a German text that somewhere follow an article or another
	 * determiner ("die Regierung", "im Bundestag"): German capitalises every noun, and a
	 * word that takes an article is a noun, not a name.
	 */
	private static Set<String> germanNouns(String text) {
		Set<String> nouns = new HashSet<>();
		Matcher words = GERMAN_NOUN.matcher(text);
		while (words.find()) {
			if (GERMAN_DETERMINERS.contains(words.group(1).toLowerCase(Locale.ROOT))) {
				nouns.add(Tokens.fold(words.group(2)));
			}
		}
		return nouns;
	}

	private static boolean isHiragana(char c) {
		return Character.UnicodeScript.of(c) == Character.UnicodeScript.HIRAGANA;
	}

	/** The numbers of two digits or more in a text, as ASCII digits. */
	static Set<String> numbers(String text) {
		Set<String> numbers = new HashSet<>();
		Matcher matcher = NUMBER.matcher(text);
		int at = next(text, 0, Character.DECIMAL_DIGIT_NUMBER);
		while (at >= 0 && matcher.find(at)) {
			String number = number(matcher);
			if (number.length() >= 2) {
				numbers.add(number);
			}
			at = next(text, matcher.end(), Character.DECIMAL_DIGIT_NUMBER);
		}
		return numbers;
	}

	/**
	 * The number a match stands for, as ASCII digits: "1,000" and "1 000" give "1000",
	 * "1.2 million" and "120万" give "1200000", "1万1000" gives "11000". A decimal part
	 * with no scale is dropped ("3.5" gives "3").
	 */
	private static String number(Matcher match) {
		String whole = digits(match.group(1));
		String decimals = (match.group(2) != null) ? digits(match.group(2)) : "";
		String scaleWord = (match.group(3) != null) ? match.group(3) : match.group(5);
		if (scaleWord == null) {
			return whole;
		}
		BigDecimal value = new BigDecimal(whole + (decimals.isEmpty() ? "" : "." + decimals))
			.multiply(BigDecimal.valueOf(scale(scaleWord.toLowerCase(Locale.ROOT))));
		if (match.group(4) != null) {
			value = value.add(new BigDecimal(digits(match.group(4))));
		}
		return value.setScale(0, RoundingMode.DOWN).toPlainString();
	}

	private static long scale(String word) {
		return switch (word) {
			case "千" -> 1_000L;
			case "万", "萬" -> 10_000L;
			case "億", "亿" -> 100_000_000L;
			default ->
				(word.startsWith("b") || word.contains("rd") || word.contains("рд")) ? 1_000_000_000L : 1_000_000L;
		};
	}

	/**
	 * Where the next character of a {@link Character#getType(int) type} is, from an index
	 * on, or -1. Every number starts with a digit and every name with a capital: each
	 * pattern is tried from there ({@link Matcher#find(int)}), not at every character in
	 * between, as {@link Matcher#find()} would.
	 */
	private static int next(String text, int from, int type) {
		for (int i = from; i < text.length();) {
			int c = text.codePointAt(i);
			if (Character.getType(c) == type) {
				return i;
			}
			i += Character.charCount(c);
		}
		return -1;
	}

	/** The digits of any script in a string, as ASCII digits. */
	private static String digits(String text) {
		StringBuilder digits = new StringBuilder(text.length());
		for (int i = 0; i < text.length(); i++) {
			int digit = Character.digit(text.charAt(i), 10);
			if (digit >= 0) {
				digits.append((char) ('0' + digit));
			}
		}
		return digits.toString();
	}

}
