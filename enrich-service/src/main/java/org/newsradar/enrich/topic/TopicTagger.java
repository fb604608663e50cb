package org.newsradar.enrich.topic;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.newsradar.enrich.pipeline.ArticleDraft;
import org.newsradar.enrich.pipeline.Tagger;
import org.newsradar.enrich.text.EnrichData;
import org.newsradar.enrich.text.PhraseIndex;
import org.newsradar.events.ArticleEnriched.TopicEvidence;
import org.newsradar.events.TopicTaxonomy;

/**
 * Tags the topics an article is about. Each term found counts its weight times where it
 * stands (the title {@link Part#TITLE twice}, the lead one and a half times, the rest of
 * the body once), at most {@link #MAX_COUNT_PER_TERM} times; a topic needs its threshold
 * and evidence about the article's subject: a term in the title or the lead, a term whose
 * weight alone reaches the topic's threshold (one that names the topic unmistakably:
 * "Belt and Road", "sanctions"), or several in the body. A single passing mention of a
 * common word deep in the body ("trade and investment" in a list) does not tag; how
 * common a word is for its topic is the taxonomy's weights and thresholds, which users
 * edit. The evidence (which terms, where, how often) is kept on the document.
 */
public class TopicTagger implements Tagger {

	/** A term repeated all over a page should not carry a topic alone. */
	static final int MAX_COUNT_PER_TERM = 3;

	/** Characters of the body that are its lead. */
	static final int LEAD = 400;

	/** Occurrences in the body beyond the lead that make a subject without the lead. */
	static final int BODY_OCCURRENCES = 2;

	private final Taxonomy taxonomy;

	public TopicTagger() {
		this(EnrichData.bundled());
	}

	public TopicTagger(EnrichData data) {
		this(Taxonomy.of(data.taxonomy()));
	}

	TopicTagger(Taxonomy taxonomy) {
		this.taxonomy = taxonomy;
	}

	@Override
	public void tag(ArticleDraft article) {
		int bodyStart = article.text().length() - article.body().length();
		for (TopicTaxonomy.Topic topic : this.taxonomy.topics()) {
			Map<Taxonomy.Term, Map<Part, Integer>> terms = new LinkedHashMap<>();
			for (PhraseIndex.Match<Taxonomy.Term> match : this.taxonomy.terms()
				.get(topic.id())
				.find(article.tokens())) {
				int offset = article.tokens().starts()[match.start()];
				Part part = (offset < bodyStart) ? Part.TITLE : (offset < bodyStart + LEAD) ? Part.LEAD : Part.BODY;
				terms.computeIfAbsent(match.value(), (term) -> new EnumMap<>(Part.class)).merge(part, 1, Integer::sum);
			}
			if (terms.isEmpty()) {
				continue;
			}
			double score = 0;
			boolean subject = false;
			int inBody = 0;
			List<TopicEvidence.Hit> hits = new ArrayList<>();
			for (Map.Entry<Taxonomy.Term, Map<Part, Integer>> term : terms.entrySet()) {
				int counted = 0;
				for (Map.Entry<Part, Integer> part : term.getValue().entrySet()) {
					int count = Math.min(part.getValue(), MAX_COUNT_PER_TERM - counted);
					counted += count;
					score += term.getKey().weight() * part.getKey().factor * count;
					subject |= count > 0 && (part.getKey() != Part.BODY || term.getKey().weight() >= topic.threshold());
					inBody += (part.getKey() == Part.BODY) ? count : 0;
					hits.add(new TopicEvidence.Hit(term.getKey().text(), part.getKey().label, part.getValue()));
				}
			}
			if (score >= topic.threshold() && (subject || inBody >= BODY_OCCURRENCES)) {
				List<String> evidence = terms.keySet().stream().map(Taxonomy.Term::text).sorted().toList();
				article.topics().put(topic.id(), new TopicEvidence(topic.id(), score, evidence, hits));
			}
		}
	}

	public Taxonomy taxonomy() {
		return this.taxonomy;
	}

	/** Where a term stands, in the order its occurrences are counted. */
	enum Part {

		TITLE("title", 2.0), LEAD("lead", 1.5), BODY("body", 1.0);

		final String label;

		final double factor;

		Part(String label, double factor) {
			this.label = label;
			this.factor = factor;
		}

	}

}
