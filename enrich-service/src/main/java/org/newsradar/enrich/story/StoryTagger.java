package org.newsradar.enrich.story;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.newsradar.enrich.pipeline.ArticleDraft;
import org.newsradar.enrich.pipeline.Tagger;

/**
 * Sets {@code story_id}: the story of the most similar recent article (published within
 * {@link #WINDOW}), if it is similar enough, else a new story named after this article.
 * Similarity is the weight two fingerprints share over the smaller one's weight, each
 * feature weighted by its rarity (inverse document frequency among the articles seen), so
 * that a shared resolution number or surname counts for much more than a shared "US" or
 * "2024". Two articles in one language must also share their wording; two in different
 * languages, enough rare features.
 */
public class StoryTagger implements Tagger {

	static final Duration WINDOW = Duration.ofDays(3);

	static final int CAPACITY = 50_000;

	/**
	 * How alike two articles must be to be one story.
	 *
	 * @param threshold share of the smaller fingerprint's weight that two articles of one
	 * story have in common
	 * @param minEvidence rarity in common below which two articles in different languages
	 * are not one story, however small they are: the shared weight over that of a feature
	 * seen once, so about two features no other article has, or more that a few others
	 * have too
	 * @param maxShare share of the larger fingerprint's weight two articles of one story
	 * have in common at least, so that an article full of figures (a table of results)
	 * does not swallow every small article whose few numbers it happens to contain
	 * @param sameWords two articles in one language are one story only if they also share
	 * this share of their content words: a near-duplicate or another outlet's write-up
	 * does, another story about the same people does not (their wording is evidence
	 * enough, so they need not reach {@code minEvidence})
	 * @param smallNumbers the weight of a number of two digits (a day of the month, an
	 * age, a score), against 1 for other numbers: many unrelated stories share them
	 * @param telling the fewest telling features (a person, a name, a number of three
	 * digits or more that is no year) two articles in different languages must share:
	 * countries, topics, years and small numbers alone say what kind of story it is, not
	 * which
	 */
	public record Settings(double threshold, double minEvidence, double maxShare, double sameWords, double smallNumbers,
			int telling) {

		/** What the service runs. */
		public static final Settings DEFAULTS = new Settings(0.4, 1.75, 0.1, 0.5, 0.6, 0);

	}

	/** The weight of a feature many stories share. */
	private static final double BROAD = 0.6;

	/**
	 * Countries and topics are broad: many stories share them. Numbers, names and people
	 * tell stories apart.
	 */
	private static final Map<Character, Double> KIND_WEIGHTS = Map.of('c', BROAD, 't', BROAD);

	/**
	 * Features in more articles than this are too common to find candidates by; they
	 * still count for the candidates the rarer ones find.
	 */
	private static final int COMMON = 100;

	private static final Deque<Entry> EMPTY = new ArrayDeque<>(0);

	private final Deque<Entry> recent = new ArrayDeque<>();

	private final Map<String, Entry> byArticle = new HashMap<>();

	/** How many articles were ever remembered: the order of each. */
	private long remembered;

	private final Map<String, Deque<Entry>> byFeature = new HashMap<>();

	private final Settings settings;

	public StoryTagger() {
		this(Settings.DEFAULTS);
	}

	/** A tagger with a memory of its own and other settings: for tuning them. */
	public StoryTagger(Settings settings) {
		this.settings = settings;
	}

	/**
	 * The article's fingerprint is taken outside the lock (it is the article's alone);
	 * finding and remembering its story is one step under it, so that the consumer
	 * threads of an instance see each other's articles at once.
	 */
	@Override
	public void tag(ArticleDraft article) {
		StoryFingerprint fingerprint = StoryFingerprint.of(article);
		tag(article, fingerprint);
	}

	private synchronized void tag(ArticleDraft article, StoryFingerprint fingerprint) {
		Entry known = this.byArticle.get(article.received().id());
		if (known != null) {
			article.storyId(known.storyId);
			return;
		}
		Map<String, Double> weights = weights(fingerprint);
		Map<Entry, Shared> shared = new IdentityHashMap<>();
		List<String> common = new ArrayList<>();
		double commonWeight = 0;
		for (Map.Entry<String, Double> feature : weights.entrySet()) {
			Deque<Entry> postings = this.byFeature.getOrDefault(feature.getKey(), EMPTY);
			if (postings.size() > COMMON) {
				common.add(feature.getKey());
				commonWeight += feature.getValue();
				continue;
			}
			double weight = feature.getValue();
			boolean telling = isTelling(feature.getKey());
			for (Entry candidate : postings) {
				shared.computeIfAbsent(candidate, (key) -> new Shared()).add(weight, telling);
			}
		}
		double own = sum(weights);
		double rarity = rarity();
		// With a margin for the order in which the weights are summed.
		double reachable = commonWeight * (1 + 1e-9) + 1e-9;
		shared.entrySet()
			.removeIf((candidate) -> !within(candidate.getKey(), fingerprint, own,
					candidate.getValue().weight + reachable, rarity));
		for (String feature : common) {
			double weight = weights.get(feature);
			boolean telling = isTelling(feature);
			Deque<Entry> postings = this.byFeature.get(feature);
			// Over the shorter: the feature's postings or the candidates left.
			if (postings.size() < shared.size()) {
				for (Entry entry : postings) {
					Shared together = shared.get(entry);
					if (together != null) {
						together.add(weight, telling);
					}
				}
			}
			else {
				shared.forEach((candidate, together) -> {
					if (candidate.fingerprint.features().contains(feature)) {
						together.add(weight, telling);
					}
				});
			}
		}
		Entry best = best(fingerprint, own, shared);
		String storyId = (best != null) ? best.storyId : fingerprint.articleId();
		remember(new Entry(fingerprint, storyId, own));
		article.storyId(storyId);
	}

	/**
	 * The candidate most alike an article, if any is alike enough; of two as alike, the
	 * one remembered first, so that the same articles in the same order always make the
	 * same stories.
	 * @param fingerprint the article's
	 * @param own the weight of its features
	 * @param shared for each candidate, the weight of the features they share
	 * @return the best candidate, or {@code null}
	 */
	private Entry best(StoryFingerprint fingerprint, double own, Map<Entry, Shared> shared) {
		Entry best = null;
		double bestScore = this.settings.threshold();
		double rarity = rarity();
		for (Map.Entry<Entry, Shared> candidate : shared.entrySet()) {
			Entry entry = candidate.getKey();
			Shared common = candidate.getValue();
			double together = common.weight;
			if (!within(entry, fingerprint, own, together, rarity)) {
				continue;
			}
			double score = together / Math.min(own, entry.weight);
			boolean alike = sameLanguage(entry, fingerprint)
					? StoryFingerprint.overlap(entry.fingerprint, fingerprint) >= this.settings.sameWords()
					: common.telling >= this.settings.telling();
			boolean better = score > bestScore || (score == bestScore && (best == null || entry.order < best.order));
			if (better && alike) {
				best = entry;
				bestScore = score;
			}
		}
		return best;
	}

	/**
	 * Whether a candidate published within the window of an article could be its story
	 * with this much weight in common: the tests of the shared weight alone, which
	 * {@link #tag} also makes with the most a candidate could share, before it counts the
	 * common features they share.
	 * @param candidate a remembered article
	 * @param fingerprint the article's
	 * @param own the weight of the article's features
	 * @param together the weight they share, or at most could
	 * @param rarity the unit of evidence now, {@link #rarity()}
	 */
	private boolean within(Entry candidate, StoryFingerprint fingerprint, double own, double together, double rarity) {
		long apart = Math.abs(candidate.fingerprint.time().toEpochMilli() - fingerprint.time().toEpochMilli());
		if (apart > WINDOW.toMillis() || together / Math.min(own, candidate.weight) < this.settings.threshold()
				|| together / Math.max(own, candidate.weight) < this.settings.maxShare()) {
			return false;
		}
		double evidence = together / rarity;
		return sameLanguage(candidate, fingerprint) || evidence >= this.settings.minEvidence();
	}

	/** The rarity of a feature no remembered article has, the unit of evidence. */
	private double rarity() {
		return Math.log(1 + this.recent.size() + 1);
	}

	private static boolean sameLanguage(Entry candidate, StoryFingerprint fingerprint) {
		return Objects.equals(candidate.fingerprint.language(), fingerprint.language());
	}

	/**
	 * The fingerprint and story of an article this tagger remembers.
	 * @param articleId the article
	 * @return what is remembered, or {@code null}
	 */
	synchronized Remembered remembered(String articleId) {
		Entry entry = this.byArticle.get(articleId);
		return (entry != null) ? new Remembered(entry.fingerprint, entry.storyId, entry.recorded) : null;
	}

	/**
	 * Remembers an article another tagger saw (or this one, before a restart), or updates
	 * its story when it is remembered already.
	 */
	synchronized void recall(StoryFingerprint fingerprint, String storyId) {
		Entry known = this.byArticle.get(fingerprint.articleId());
		if (known != null) {
			known.storyId = storyId;
			known.recorded = true;
			return;
		}
		Entry entry = new Entry(fingerprint, storyId, sum(weights(fingerprint)));
		entry.recorded = true;
		remember(entry);
	}

	/** Notes that the stories of these articles are in the durable memory. */
	synchronized void recorded(Collection<String> articleIds) {
		for (String articleId : articleIds) {
			Entry entry = this.byArticle.get(articleId);
			if (entry != null) {
				entry.recorded = true;
			}
		}
	}

	/**
	 * The story, among some remembered articles, that an article belongs to: the test of
	 * {@link #tag} on those candidates alone.
	 * @param articleId a remembered article
	 * @param candidateIds remembered articles
	 * @return the story of the most alike candidate, or {@code null} when none is alike
	 * enough
	 */
	synchronized String storyAmong(String articleId, Collection<String> candidateIds) {
		Entry article = this.byArticle.get(articleId);
		Map<String, Double> weights = weights(article.fingerprint);
		Map<Entry, Shared> shared = new IdentityHashMap<>();
		for (String candidateId : candidateIds) {
			Entry candidate = this.byArticle.get(candidateId);
			if (candidate == null || candidate == article) {
				continue;
			}
			Shared together = new Shared();
			weights.forEach((feature, weight) -> {
				if (candidate.fingerprint.features().contains(feature)) {
					together.add(weight, isTelling(feature));
				}
			});
			if (together.weight > 0) {
				shared.put(candidate, together);
			}
		}
		Entry best = best(article.fingerprint, sum(weights), shared);
		return (best != null) ? best.storyId : null;
	}

	/** Moves remembered articles to another story. */
	synchronized void move(Collection<String> articleIds, String storyId) {
		for (String articleId : articleIds) {
			Entry entry = this.byArticle.get(articleId);
			if (entry != null) {
				entry.storyId = storyId;
			}
		}
	}

	private static double sum(Map<String, Double> weights) {
		return weights.values().stream().mapToDouble(Double::doubleValue).sum();
	}

	/**
	 * Each feature's weight: its kind's, times log(1 + articles seen / articles with it).
	 */
	private Map<String, Double> weights(StoryFingerprint fingerprint) {
		Map<String, Double> weights = new HashMap<>();
		int seen = this.recent.size() + 1;
		for (String feature : fingerprint.features()) {
			int with = this.byFeature.getOrDefault(feature, EMPTY).size() + 1;
			weights.put(feature, kindWeight(feature) * Math.log(1 + (double) seen / with));
		}
		return weights;
	}

	/**
	 * How much a kind of feature tells: countries and topics are broad; a year is shared
	 * by every story of that year; a name key of three consonants ("w:shn") stands for
	 * many names. Numbers, people and longer names tell stories apart.
	 */
	private double kindWeight(String feature) {
		char kind = feature.charAt(0);
		if (kind == 'n' && feature.length() <= 4) {
			return this.settings.smallNumbers();
		}
		if (kind == 'n' && isYear(feature)) {
			return BROAD;
		}
		return KIND_WEIGHTS.getOrDefault(kind, 1.0);
	}

	/** A person, a name or a number of three digits or more that is no year. */
	private static boolean isTelling(String feature) {
		char kind = feature.charAt(0);
		return kind == 'p' || kind == 'w' || (kind == 'n' && feature.length() > 4 && !isYear(feature));
	}

	/**
	 * A number feature of a year from 1900 to 2099 ("n:2024"); numbers are ASCII digits.
	 */
	private static boolean isYear(String feature) {
		return feature.length() == 6 && (feature.startsWith("n:19") || feature.startsWith("n:20"))
				&& isDigit(feature.charAt(4)) && isDigit(feature.charAt(5));
	}

	private static boolean isDigit(char c) {
		return c >= '0' && c <= '9';
	}

	private void remember(Entry entry) {
		entry.order = ++this.remembered;
		this.recent.addLast(entry);
		this.byArticle.put(entry.fingerprint.articleId(), entry);
		for (String feature : entry.fingerprint.features()) {
			this.byFeature.computeIfAbsent(feature, (key) -> new ArrayDeque<>()).addLast(entry);
		}
		if (this.recent.size() > CAPACITY) {
			Entry oldest = this.recent.removeFirst();
			this.byArticle.remove(oldest.fingerprint.articleId());
			for (String feature : oldest.fingerprint.features()) {
				Deque<Entry> postings = this.byFeature.get(feature);
				postings.removeFirst();
				if (postings.isEmpty()) {
					this.byFeature.remove(feature);
				}
			}
		}
	}

	/** What an article has in common with a candidate. */
	private static final class Shared {

		double weight;

		int telling;

		void add(double weight, boolean telling) {
			this.weight += weight;
			if (telling) {
				this.telling++;
			}
		}

	}

	/**
	 * A remembered article, its story (which a merge with another instance's story may
	 * change), and the weight of its features when it was seen (rarities drift slowly;
	 * recomputing them for every candidate would cost more than the drift).
	 */
	private static final class Entry {

		final StoryFingerprint fingerprint;

		final double weight;

		/** When it was remembered: {@link #remembered} then. */
		long order;

		String storyId;

		/** Whether its story was written to the durable memory, by any instance. */
		boolean recorded;

		Entry(StoryFingerprint fingerprint, String storyId, double weight) {
			this.fingerprint = fingerprint;
			this.storyId = storyId;
			this.weight = weight;
		}

	}

	/**
	 * What is remembered of an article.
	 *
	 * @param fingerprint its features
	 * @param storyId its story
	 * @param recorded whether its story was written to the durable memory before
	 */
	record Remembered(StoryFingerprint fingerprint, String storyId, boolean recorded) {

	}

}
