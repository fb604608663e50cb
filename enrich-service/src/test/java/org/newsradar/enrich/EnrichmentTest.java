package org.newsradar.enrich;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsradar.enrich.pipeline.ArticleDraft;
import org.newsradar.enrich.pipeline.EnrichmentPipeline;
import org.newsradar.enrich.text.EnrichData;

import org.springframework.beans.factory.BeanCreationException;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.core.env.MapPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EnrichmentTest {

	@Test
	void aDataDirectoryReplacesTheBundledFilesItHasAndKeepsTheOthers(@TempDir Path data) throws IOException {
		Files.writeString(data.resolve("persons.tsv"), "Aigerim Zhaksybekova\tKZ\tZhaksybekova\n",
				StandardCharsets.UTF_8);
		Files.writeString(data.resolve("topics.json"), """
				{"topics": [{"id": "water", "name": "Water", "threshold": 2, "terms": {"irrigation": 2}}]}
				""", StandardCharsets.UTF_8);
		try (AnnotationConfigApplicationContext context = start(data.toString())) {
			ArticleDraft draft = context.getBean(EnrichmentPipeline.class)
				.draft(Articles.article("Irrigation talks in Astana",
						"Aigerim Zhaksybekova said irrigation quotas would be shared with Uzbekistan."));
			assertThat(draft.persons()).containsExactly("Aigerim Zhaksybekova");
			assertThat(draft.topics()).containsOnlyKeys("water");
			assertThat(draft.countries()).as("countries.tsv is still the bundled one").contains("KZ", "UZ");
		}
	}

	@Test
	void aDataDirectoryThatDoesNotExistStopsTheStart() {
		assertThatThrownBy(() -> start("/nonexistent/newsradar-data")).isInstanceOf(BeanCreationException.class)
			.hasStackTraceContaining(EnrichData.PROPERTY + "=/nonexistent/newsradar-data is not a directory");
	}

	private static AnnotationConfigApplicationContext start(String data) {
		AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext();
		context.getEnvironment()
			.getPropertySources()
			.addFirst(new MapPropertySource("test", Map.of(EnrichData.PROPERTY, data)));
		context.register(Enrichment.class);
		context.refresh();
		return context;
	}

}
