package org.newsradar.alert.rule;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.newsradar.alert.AlertProperties;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

/**
 * The topic ids rules may use, with their names: read from the same taxonomy file
 * enrich-service tags with ({@code newsradar.alert.taxonomy}).
 */
@Component
class TopicCatalog {

	private final Map<String, String> names = new LinkedHashMap<>();

	TopicCatalog(AlertProperties properties, JsonMapper json) {
		Resource file = properties.taxonomy();
		try (InputStream in = file.getInputStream()) {
			for (JsonNode topic : json.readTree(in).path("topics")) {
				this.names.put(topic.path("id").asString(), topic.path("name").asString(topic.path("id").asString()));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the taxonomy " + file.getDescription(), ex);
		}
		if (this.names.isEmpty()) {
			throw new IllegalStateException("The taxonomy " + file.getDescription() + " defines no topics");
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

}
