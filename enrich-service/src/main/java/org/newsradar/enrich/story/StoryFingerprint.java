package org.newsradar.enrich.story;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.newsradar.enrich.pipeline.ArticleDraft;
import org.newsradar.enrich.pipeline.Mention;
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
 * @param words its content words (folded, five letters or more), to tell two stories in
 * one language apart when they share the same countries and people
 */
record StoryFingerprint(String articleId, Instant time, String language, Set<String> features, Set<String> words) {

	/** Digits, with thousands separators ("1,000", "1.000", "1 000") joined. */
	private static final Pattern NUMBER = Pattern.compile("\\d+(?:[,. \u00a0\u202f]\\d{3}(?!\\d))*");

	/**
	 * A capitalised word that does not open a sentence. (Japanese katakana words were
	 * tried as names too: pairing with Japanese gained recall but lost more precision, as
	 * most katakana words are loanwords.)
	 */
	private static final Pattern NAME = Pattern.compile("(?<=[\\p{Ll},;] )\\p{Lu}\\p{Ll}{3,}");

	/** Capitalised, but no name. */
	private static final Set<String> CALENDAR = Set.of("monday", "tuesday", "wednesday", "thursday", "friday",
			"saturday", "sunday", "january", "february", "march", "april", "june", "july", "august", "september",
			"october", "november", "december");

	/** Enough text to take the features from; the rest of a long article repeats them. */
	private static final int SAMPLE = 6000;

	static StoryFingerprint of(ArticleDraft article) {
		Set<String> features = new HashSet<>();
		String text = article.text();
		String sample = (text.length() > SAMPLE) ? text.substring(0, SAMPLE) : text;
		Matcher numbers = NUMBER.matcher(sample);
		while (numbers.find()) {
			String digits = numbers.group().replaceAll("\\D", "");
			if (digits.length() >= 2) {
				features.add("n:" + digits);
			}
		}
		Set<String> words = new HashSet<>();
		Set<String> lowercase = new HashSet<>();
		String[] original = article.tokens().original();
		String[] folded = article.tokens().folded();
		int[] starts = article.tokens().starts();
		for (int i = 0; i < original.length && starts[i] < SAMPLE; i++) {
			if (Character.isLowerCase(original[i].charAt(0))) {
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
		Matcher names = NAME.matcher(sample);
		while (names.find()) {
			String name = Tokens.fold(names.group());
			String key = NameKey.of(name);
			if (key != null && !mentioned.contains(name) && !lowercase.contains(name) && !CALENDAR.contains(name)) {
				features.add("w:" + key);
			}
		}
		article.countries().forEach((country) -> features.add("c:" + country));
		article.persons().forEach((person) -> features.add("p:" + person));
		article.topics().keySet().forEach((topic) -> features.add("t:" + topic));
		Instant time = (article.received().publishedAt() != null) ? article.received().publishedAt()
				: article.received().ingestedAt();
		return new StoryFingerprint(article.received().id(), time, article.language(), Set.copyOf(features),
				Set.copyOf(words));
	}

}
