package org.newsradar.enrich.topic;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.newsradar.enrich.text.PhraseIndex;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.Resource;

/**
 * The topic taxonomy: topics with weighted terms, and one phrase index over all terms.
 *
 * @param topics the topics, in file order
 * @param terms every term of every topic
 */
public record Taxonomy(List<Topic> topics, PhraseIndex<Term> terms) {

	private static final JsonMapper json = JsonMapper.builder()
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.build();

	/**
	 * @throws IllegalStateException naming the file and the topic when it is malformed
	 */
	public static Taxonomy load(Resource file) {
		File parsed;
		try (InputStream in = file.getInputStream()) {
			parsed = json.readValue(in, File.class);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + file.getDescription(), ex);
		}
		catch (JacksonException ex) {
			throw new IllegalStateException(
					file.getDescription() + " is not a valid taxonomy: " + ex.getOriginalMessage(), ex);
		}
		if (parsed.topics() == null || parsed.topics().isEmpty()) {
			throw new IllegalStateException(file.getDescription() + " defines no topics");
		}
		PhraseIndex<Term> terms = new PhraseIndex<>();
		Set<String> ids = new HashSet<>();
		for (Topic topic : parsed.topics()) {
			String where = file.getDescription() + ", topic '" + topic.id() + "'";
			if (topic.id() == null || !topic.id().matches("[a-z0-9-]+")) {
				throw new IllegalStateException(where + ": id must be lowercase letters, digits and dashes");
			}
			if (!ids.add(topic.id())) {
				throw new IllegalStateException(where + ": defined twice");
			}
			if (topic.threshold() <= 0 || topic.terms() == null || topic.terms().isEmpty()) {
				throw new IllegalStateException(where + ": needs a positive threshold and at least one term");
			}
			topic.terms()
				.forEach((term, weight) -> terms.add(term, new Term(topic.id(), PhraseIndex.unmarked(term), weight)));
		}
		return new Taxonomy(List.copyOf(parsed.topics()), terms);
	}

	public Set<String> ids() {
		Set<String> ids = new HashSet<>();
		this.topics.forEach((topic) -> ids.add(topic.id()));
		return ids;
	}

	/**
	 * @param id stable id rules refer to
	 * @param name human name
	 * @param iptc IPTC Media Topic code, or {@code null}
	 * @param threshold summed weight at which the topic fires
	 * @param terms terms and their weights
	 */
	public record Topic(String id, String name, String iptc, double threshold, Map<String, Double> terms) {

	}

	/**
	 * @param topic the topic id
	 * @param text the term as written in the taxonomy
	 * @param weight its weight
	 */
	public record Term(String topic, String text, double weight) {

	}

	private record File(List<Topic> topics) {

	}

}
