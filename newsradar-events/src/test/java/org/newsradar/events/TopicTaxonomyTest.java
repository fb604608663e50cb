package org.newsradar.events;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TopicTaxonomyTest {

	@Test
	void theBundledTaxonomyLoads() {
		assertThat(TopicTaxonomy.bundled().topics()).extracting(TopicTaxonomy.Topic::id)
			.contains("one-china", "trade", "energy");
	}

	@Test
	void aMistakeNamesTheFileAndTheTopic() {
		assertThatThrownBy(
				() -> load("{\"topics\": [{\"id\": \"Trade\", \"threshold\": 1, \"terms\": {\"tariff\": 1}}]}"))
			.hasMessage("my-topics.json, topic 'Trade': id must be lowercase letters, digits and dashes");
		assertThatThrownBy(() -> load("{\"topics\": [{\"id\": \"trade\", \"threshold\": 0, \"terms\": {}}]}"))
			.hasMessageContaining("topic 'trade': needs a positive threshold and at least one term");
		assertThatThrownBy(() -> load("{\"topics\": []}")).hasMessage("my-topics.json defines no topics");
		assertThatThrownBy(() -> load("{\"topics\": ["))
			.hasMessageStartingWith("my-topics.json is not a valid taxonomy");
	}

	private static TopicTaxonomy load(String content) {
		return TopicTaxonomy.load(new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)), "my-topics.json");
	}

}
