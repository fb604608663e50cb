package org.newsradar.enrich.topic;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.newsradar.enrich.text.PhraseIndex;
import org.newsradar.events.TopicTaxonomy;

/**
 * The topic taxonomy as the tagger reads it: the topics, and a phrase index over each
 * topic's terms. One index per topic, so that topics never compete for words: "centrale
 * nucléaire" is an energy term and "nucléaire" a nuclear one, and both fire.
 *
 * @param topics the topics, in file order
 * @param terms each topic's terms, by topic id
 */
public record Taxonomy(List<TopicTaxonomy.Topic> topics, Map<String, PhraseIndex<Term>> terms) {

	static Taxonomy of(TopicTaxonomy taxonomy) {
		Map<String, PhraseIndex<Term>> terms = new LinkedHashMap<>();
		for (TopicTaxonomy.Topic topic : taxonomy.topics()) {
			PhraseIndex<Term> index = new PhraseIndex<>();
			topic.terms()
				.forEach((term, weight) -> index.add(term, new Term(topic.id(), PhraseIndex.unmarked(term), weight)));
			terms.put(topic.id(), index);
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
