package org.newsradar.events;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The topic taxonomy ({@code newsradar/topics.json} unless configured otherwise): the
 * topics enrich-service tags and alert-service's rules may name, read by one loader so
 * that both services take the same file the same way.
 *
 * @param topics the topics, in file order
 */
public record TopicTaxonomy(List<Topic> topics) {

	/** The taxonomy bundled with NewsRadar, on the classpath. */
	public static final String BUNDLED = "newsradar/topics.json";

	private static final JsonMapper json = JsonMapper.builder()
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.build();

	/**
	 * Reads and checks a taxonomy.
	 * @param in the file's content, closed here
	 * @param description the file, for messages
	 * @return the taxonomy
	 * @throws IllegalStateException naming the file and the topic when it is malformed
	 */
	public static TopicTaxonomy load(InputStream in, String description) {
		TopicTaxonomy parsed;
		try (in) {
			parsed = json.readValue(in, TopicTaxonomy.class);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + description, ex);
		}
		catch (JacksonException ex) {
			throw new IllegalStateException(description + " is not a valid taxonomy: " + ex.getOriginalMessage(), ex);
		}
		if (parsed.topics() == null || parsed.topics().isEmpty()) {
			throw new IllegalStateException(description + " defines no topics");
		}
		Set<String> ids = new HashSet<>();
		for (Topic topic : parsed.topics()) {
			String where = description + ", topic '" + topic.id() + "'";
			if (topic.id() == null || !topic.id().matches("[a-z0-9-]+")) {
				throw new IllegalStateException(where + ": id must be lowercase letters, digits and dashes");
			}
			if (!ids.add(topic.id())) {
				throw new IllegalStateException(where + ": defined twice");
			}
			if (topic.threshold() <= 0 || topic.terms() == null || topic.terms().isEmpty()) {
				throw new IllegalStateException(where + ": needs a positive threshold and at least one term");
			}
		}
		return new TopicTaxonomy(List.copyOf(parsed.topics()));
	}

	/** The bundled taxonomy. */
	public static TopicTaxonomy bundled() {
		InputStream in = TopicTaxonomy.class.getClassLoader().getResourceAsStream(BUNDLED);
		if (in == null) {
			throw new IllegalStateException("No " + BUNDLED + " on the classpath");
		}
		return load(in, "classpath:" + BUNDLED);
	}

	/**
	 * A topic.
	 *
	 * @param id stable id rules refer to: lowercase letters, digits and dashes
	 * @param name human name
	 * @param iptc IPTC Media Topic code, or {@code null}
	 * @param threshold summed weight at which the topic fires
	 * @param terms terms and their weights
	 */
	public record Topic(String id, String name, String iptc, double threshold, Map<String, Double> terms) {

	}

}
