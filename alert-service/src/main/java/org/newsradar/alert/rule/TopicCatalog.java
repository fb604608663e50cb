package org.newsradar.alert.rule;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.newsradar.alert.AlertProperties;
import org.newsradar.events.TopicTaxonomy;

import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

/**
 * The topic ids rules may use, with their names: read by the same loader from the same
 * taxonomy file enrich-service tags with ({@code newsradar.alert.taxonomy}; point it at
 * the file in {@code newsradar.enrich.data} when that directory has its own).
 */
@Component
class TopicCatalog {

	private final Map<String, String> names = new LinkedHashMap<>();

	TopicCatalog(AlertProperties properties) {
		Resource file = properties.taxonomy();
		try {
			TopicTaxonomy.load(file.getInputStream(), file.getDescription())
				.topics()
				.forEach((topic) -> this.names.put(topic.id(), (topic.name() != null) ? topic.name() : topic.id()));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the taxonomy " + file.getDescription(), ex);
		}
	}

	boolean contains(String id) {
		return this.names.containsKey(id);
	}

	Optional<String> name(String id) {
		return Optional.ofNullable(this.names.get(id));
	}

	Iterable<String> ids() {
		return this.names.keySet();
	}

	/** Every topic id with its name, in the taxonomy's order. */
	Map<String, String> all() {
		return Collections.unmodifiableMap(this.names);
	}

}
