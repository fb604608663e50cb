package org.newsradar.enrich.story;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.newsradar.enrich.pipeline.ArticleDraft;
import org.newsradar.enrich.pipeline.Tagger;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Gives each article the story id of the most similar recent article, or its own id when
 * none is similar enough. Recent means within {@link #WINDOW} of each other and among the
 * last {@link #CAPACITY} articles this instance enriched. An article enriched again keeps
 * its story.
 */
@Component
@Order(900)
public class StoryTagger implements Tagger {

	static final Duration WINDOW = Duration.ofDays(3);

	static final int CAPACITY = 50_000;

	private final Deque<Entry> recent = new ArrayDeque<>();

	private final Map<String, Entry> byArticle = new HashMap<>();

	private final Map<String, List<Entry>> byCountry = new HashMap<>();

	@Override
	public synchronized void tag(ArticleDraft article) {
		Entry known = this.byArticle.get(article.received().id());
		if (known != null) {
			article.storyId(known.storyId());
			return;
		}
		StoryFingerprint fingerprint = StoryFingerprint.of(article);
		Entry best = null;
		double bestScore = 0;
		for (Entry candidate : candidates(fingerprint)) {
			double score = candidate.fingerprint().similarity(fingerprint);
			boolean close = Duration.between(candidate.fingerprint().time(), fingerprint.time())
				.abs()
				.compareTo(WINDOW) <= 0;
			if (close && score > bestScore) {
				best = candidate;
				bestScore = score;
			}
		}
		String storyId = (best != null) ? best.storyId() : fingerprint.articleId();
		remember(new Entry(fingerprint, storyId));
		article.storyId(storyId);
	}

	private Set<Entry> candidates(StoryFingerprint fingerprint) {
		Set<Entry> candidates = new LinkedHashSet<>();
		for (String country : fingerprint.countries()) {
			candidates.addAll(this.byCountry.getOrDefault(country, List.of()));
		}
		return candidates;
	}

	private void remember(Entry entry) {
		this.recent.addLast(entry);
		this.byArticle.put(entry.fingerprint().articleId(), entry);
		for (String country : entry.fingerprint().countries()) {
			this.byCountry.computeIfAbsent(country, (key) -> new ArrayList<>()).add(entry);
		}
		if (this.recent.size() > CAPACITY) {
			Entry oldest = this.recent.removeFirst();
			this.byArticle.remove(oldest.fingerprint().articleId());
			for (String country : oldest.fingerprint().countries()) {
				this.byCountry.get(country).remove(oldest);
			}
		}
	}

	private record Entry(StoryFingerprint fingerprint, String storyId) {

	}

}
