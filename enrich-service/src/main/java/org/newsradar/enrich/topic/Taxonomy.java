package org.newsradar.enrich.topic;

import java.util.List;

import org.newsradar.enrich.text.PhraseIndex;
import org.newsradar.events.TopicTaxonomy;

/**
 * The topic taxonomy as the tagger reads it: the topics, and one phrase index over all
 * their terms.
 *
 * @param topics the topics, in file order
 * @param terms every term of every topic
 */
public record Taxonomy(List<TopicTaxonomy.Topic> topics, PhraseIndex<Term> terms) {

	static Taxonomy of(TopicTaxonomy taxonomy) {
		PhraseIndex<Term> terms = new PhraseIndex<>();
		for (TopicTaxonomy.Topic topic : taxonomy.topics()) {
			topic.terms()
				.forEach((term, weight) -> terms.add(term, new Term(topic.id(), PhraseIndex.unmarked(term), weight)));
		}
		return new Taxonomy(taxonomy.topics(), terms);
	}

	/**
	 * @param topic the topic id
	 * @param text the term as written in the taxonomy
	 * @param weight its weight
	 */
	public record Term(String topic, String text, double weight) {

	}

}
