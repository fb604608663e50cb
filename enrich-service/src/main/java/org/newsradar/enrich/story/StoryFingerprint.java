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
 * @param features its features
 */
record StoryFingerprint(String articleId, Instant time, Set<String> features) {

	/** Digits, with thousands separators ("1,000", "1.000", "1 000") joined. */
	private static final Pattern NUMBER = Pattern.compile("\\d+(?:[,. \u00a0\u202f]\\d{3}(?!\\d))*");

	/** A capitalised Latin word that does not open a sentence. */
	private static final Pattern NAME = Pattern.compile("(?<=[\\p{Ll},;] )\\p{Lu}\\p{Ll}{3,}");

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
		Set<String> mentioned = new HashSet<>();
		for (Mention mention : article.mentions()) {
			for (int i = mention.start(); i < mention.end(); i++) {
				mentioned.add(article.tokens().folded()[i]);
			}
		}
		Matcher names = NAME.matcher(sample);
		while (names.find()) {
			String name = Tokens.fold(names.group());
			if (!mentioned.contains(name)) {
				features.add("w:" + name);
			}
		}
		article.countries().forEach((country) -> features.add("c:" + country));
		article.persons().forEach((person) -> features.add("p:" + person));
		article.topics().keySet().forEach((topic) -> features.add("t:" + topic));
		Instant time = (article.received().publishedAt() != null) ? article.received().publishedAt()
				: article.received().ingestedAt();
		return new StoryFingerprint(article.received().id(), time, Set.copyOf(features));
	}

}
