package org.newsradar.bench;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

import org.newsradar.alert.rule.WatchRule;
import org.newsradar.events.ArticleEnriched;

/**
 * Watch rules that look like analysts' rules, drawn with a fixed seed from the words of
 * the articles they will run against: single terms and disjunctions of moderately rare
 * words, conjunctions, phrases and proximity taken from real sentences, prefix wildcards,
 * and filter-only rules on countries and languages; a third of the text rules also carry
 * a country or language filter.
 */
final class RuleGenerator {

	private final Random random = new Random(20261124);

	private final List<String> vocabulary;

	private final Set<String> ruleWords;

	/** The rule words in at most 0.05% of the articles, for rules about one story. */
	private final Set<String> storyWords;

	private final List<ArticleEnriched> articles;

	private final List<String> countries;

	RuleGenerator(List<ArticleEnriched> articles) {
		this.articles = articles;
		Map<String, Integer> documentFrequency = new HashMap<>();
		Set<String> countries = new HashSet<>();
		for (ArticleEnriched article : articles) {
			new HashSet<>(words(article.title() + " " + article.body()))
				.forEach((word) -> documentFrequency.merge(word, 1, Integer::sum));
			countries.addAll(article.countries());
		}
		// Words in 0.01% to 0.2% of the articles: specific enough for a watch rule.
		int low = Math.max(2, articles.size() / 10000);
		int high = Math.max(low + 1, articles.size() / 500);
		this.vocabulary = documentFrequency.entrySet()
			.stream()
			.filter((entry) -> entry.getValue() >= low && entry.getValue() <= high && entry.getKey().length() > 3)
			.map(Map.Entry::getKey)
			.sorted()
			.toList();
		this.ruleWords = Set.copyOf(this.vocabulary);
		int story = Math.max(low, articles.size() / 2000);
		this.storyWords = this.vocabulary.stream()
			.filter((word) -> documentFrequency.get(word) <= story)
			.collect(Collectors.toUnmodifiableSet());
		this.countries = countries.stream().sorted(Comparator.naturalOrder()).toList();
	}

	List<WatchRule> generate(int count) {
		List<WatchRule> rules = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			String query = query(this.random.nextInt(100));
			List<String> countries = null;
			List<String> languages = null;
			if (query == null) {
				countries = List.of(country());
				languages = this.random.nextBoolean() ? List.of("en") : null;
			}
			else if (this.random.nextInt(3) == 0) {
				if (this.random.nextBoolean()) {
					countries = List.of(country(), country());
				}
				else {
					languages = List.of("en");
				}
			}
			rules.add(new WatchRule("bench-" + i, "bench " + i, query, countries, null, languages, null, null, null,
					null, null));
		}
		return rules;
	}

	/**
	 * Rules each written about one real article, as an analyst follows a story: one of
	 * its rare words (in at most 0.05% of the articles) and the word after it (a phrase),
	 * two of them anywhere (AND), or one of them among articles naming one of its
	 * countries. Each matches its own article's story and whatever else says the same;
	 * far fewer articles than {@link #generate}'s rules, which take their words
	 * independently.
	 * @param count how many
	 * @return the rules, ids {@code bench-0} on
	 */
	List<WatchRule> generateSpecific(int count) {
		List<WatchRule> rules = new ArrayList<>(count);
		while (rules.size() < count) {
			ArticleEnriched article = this.articles.get(this.random.nextInt(this.articles.size()));
			List<String> words = words(article.title() + " " + article.body());
			List<String> rare = words.stream().filter(this.storyWords::contains).distinct().toList();
			if (rare.size() < 2) {
				continue;
			}
			String first = rare.get(this.random.nextInt(rare.size()));
			String query;
			List<String> countries = null;
			int kind = this.random.nextInt(3);
			int at = words.indexOf(first);
			if (kind == 0 && at + 1 < words.size() && words.get(at + 1).length() > 3) {
				query = "\"" + first + " " + words.get(at + 1) + "\"";
			}
			else if (kind == 1 || article.countries().isEmpty()) {
				String second = rare.get(this.random.nextInt(rare.size()));
				query = first.equals(second) ? first : first + " AND " + second;
			}
			else {
				query = first;
				countries = List.of(article.countries().get(this.random.nextInt(article.countries().size())));
			}
			int i = rules.size();
			rules.add(new WatchRule("bench-" + i, "bench " + i, query, countries, null, null, null, null, null, null,
					null));
		}
		return rules;
	}

	/** 97% text rules of these shapes, 3% filters only ({@code null}). */
	private String query(int kind) {
		if (kind < 35) {
			return word();
		}
		if (kind < 50) {
			return word() + " OR " + word() + ((kind % 2 == 0) ? " OR " + word() : "");
		}
		if (kind < 65) {
			return word() + " AND " + word();
		}
		if (kind < 77) {
			return "\"" + phrase() + "\"";
		}
		if (kind < 82) {
			return "\"" + phrase() + "\"~5";
		}
		if (kind < 90) {
			return prefix() + "*" + ((kind % 2 == 0) ? " AND " + word() : "");
		}
		if (kind < 97) {
			return word() + " AND NOT " + word();
		}
		return null;
	}

	private String word() {
		return this.vocabulary.get(this.random.nextInt(this.vocabulary.size()));
	}

	/** A word without its ending, as in {@code kazakh*}. */
	private String prefix() {
		String word = word();
		return word.substring(0, Math.max(Math.min(word.length(), 5), word.length() - 1 - this.random.nextInt(2)));
	}

	private String country() {
		return this.countries.get(this.random.nextInt(this.countries.size()));
	}

	/** Two neighbouring words of a real sentence, at least one of them a rule word. */
	private String phrase() {
		while (true) {
			ArticleEnriched article = this.articles.get(this.random.nextInt(this.articles.size()));
			List<String> words = words(article.body());
			if (words.size() > 2) {
				int at = this.random.nextInt(words.size() - 1);
				if (words.get(at).length() > 3 && words.get(at + 1).length() > 3
						&& (this.ruleWords.contains(words.get(at)) || this.ruleWords.contains(words.get(at + 1)))) {
					return words.get(at) + " " + words.get(at + 1);
				}
			}
		}
	}

	private static List<String> words(String text) {
		List<String> words = new ArrayList<>();
		for (String word : text.toLowerCase(Locale.ROOT).split("[^\\p{L}]+")) {
			if (!word.isEmpty()) {
				words.add(word);
			}
		}
		return words;
	}

}
