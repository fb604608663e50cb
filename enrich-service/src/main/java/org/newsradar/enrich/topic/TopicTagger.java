package org.newsradar.enrich.topic;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.newsradar.enrich.pipeline.ArticleDraft;
import org.newsradar.enrich.pipeline.Tagger;
import org.newsradar.enrich.text.PhraseIndex;
import org.newsradar.events.ArticleEnriched.TopicEvidence;

import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Scores every topic by the terms found in the cleaned text and keeps those that reach
 * their threshold, with the terms as evidence.
 */
@Component
@Order(500)
public class TopicTagger implements Tagger {

	/** A term repeated all over a page should not carry a topic alone. */
	static final int MAX_COUNT_PER_TERM = 3;

	private final Taxonomy taxonomy;

	public TopicTagger() {
		this(Taxonomy.load(new ClassPathResource("newsradar/topics.json")));
	}

	TopicTagger(Taxonomy taxonomy) {
		this.taxonomy = taxonomy;
	}

	@Override
	public void tag(ArticleDraft article) {
		Map<String, Map<Taxonomy.Term, Integer>> counts = new HashMap<>();
		for (PhraseIndex.Match<Taxonomy.Term> match : this.taxonomy.terms().find(article.tokens())) {
			counts.computeIfAbsent(match.value().topic(), (topic) -> new HashMap<>())
				.merge(match.value(), 1, Integer::sum);
		}
		for (Taxonomy.Topic topic : this.taxonomy.topics()) {
			Map<Taxonomy.Term, Integer> found = counts.getOrDefault(topic.id(), Map.of());
			double score = 0;
			for (Map.Entry<Taxonomy.Term, Integer> term : found.entrySet()) {
				score += term.getKey().weight() * Math.min(term.getValue(), MAX_COUNT_PER_TERM);
			}
			if (!found.isEmpty() && score >= topic.threshold()) {
				List<String> evidence = found.keySet().stream().map(Taxonomy.Term::text).sorted().toList();
				article.topics().put(topic.id(), new TopicEvidence(topic.id(), score, evidence));
			}
		}
	}

	public Taxonomy taxonomy() {
		return this.taxonomy;
	}

}
