package org.newsradar.enrich.story;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

import org.newsradar.enrich.pipeline.ArticleDraft;

/**
 * What of an article survives translation.
 *
 * @param articleId the article
 * @param time when it was published, or ingested when that is unknown
 * @param countries its countries
 * @param topics its topics
 * @param persons its people
 * @param numbers the numbers it quotes (two digits or more)
 */
record StoryFingerprint(String articleId, Instant time, Set<String> countries, Set<String> topics, Set<String> persons,
		Set<String> numbers) {

	static StoryFingerprint of(ArticleDraft article) {
		Set<String> numbers = new HashSet<>();
		for (String token : article.tokens().original()) {
			collectNumbers(token, numbers);
		}
		Instant time = (article.received().publishedAt() != null) ? article.received().publishedAt()
				: article.received().ingestedAt();
		return new StoryFingerprint(article.received().id(), time, Set.copyOf(article.countries()),
				Set.copyOf(article.topics().keySet()), Set.copyOf(article.persons()), Set.copyOf(numbers));
	}

	/** "30th", "2758" and "30e" give 30, 2758 and 30. */
	private static void collectNumbers(String token, Set<String> numbers) {
		int i = 0;
		while (i < token.length()) {
			if (!Character.isDigit(token.charAt(i))) {
				i++;
				continue;
			}
			int start = i;
			while (i < token.length() && Character.isDigit(token.charAt(i))) {
				i++;
			}
			if (i - start >= 2) {
				numbers.add(token.substring(start, i));
			}
		}
	}

	/**
	 * How alike two articles are, from 0 to 1, or 0 when they cannot be one story:
	 * countries and topics must largely agree, and numbers and people too when both
	 * articles have some.
	 */
	double similarity(StoryFingerprint other) {
		int shared = intersection(this.countries, other.countries) + intersection(this.topics, other.topics);
		double countries = jaccard(this.countries, other.countries);
		double topics = jaccard(this.topics, other.topics);
		boolean numbersAgree = this.numbers.isEmpty() || other.numbers.isEmpty()
				|| jaccard(this.numbers, other.numbers) >= 0.4;
		boolean personsAgree = this.persons.isEmpty() || other.persons.isEmpty()
				|| jaccard(this.persons, other.persons) >= 0.5;
		if (shared < 3 || countries < 0.6 || topics < 0.5 || !numbersAgree || !personsAgree) {
			return 0;
		}
		return (countries + topics + jaccard(this.numbers, other.numbers) + jaccard(this.persons, other.persons)) / 4;
	}

	private static int intersection(Set<String> a, Set<String> b) {
		int count = 0;
		for (String value : a) {
			if (b.contains(value)) {
				count++;
			}
		}
		return count;
	}

	private static double jaccard(Set<String> a, Set<String> b) {
		if (a.isEmpty() && b.isEmpty()) {
			return 1;
		}
		int shared = intersection(a, b);
		return (double) shared / (a.size() + b.size() - shared);
	}

}
