package org.newsradar.elasticsearch;

import java.io.IOException;
import java.io.InputStream;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class IndexSetupTest {

	private final JsonMapper json = JsonMapper.builder().build();

	@Test
	void theFullDistributionSearchesEachLanguageWithItsOwnAnalyzer() throws IOException {
		JsonNode text = articlesTemplate("analysis-full.json").at("/template/mappings/properties/text/properties");
		assertThat(text.at("/en/analyzer").asString()).isEqualTo("newsradar_text_en");
		assertThat(text.at("/zh/analyzer").asString()).isEqualTo("newsradar_text_zh");
		JsonNode analyzers = articlesTemplate("analysis-full.json").at("/template/settings/analysis/analyzer");
		assertThat(analyzers.at("/newsradar_text_en/type").asString()).isEqualTo("english");
		assertThat(analyzers.at("/newsradar_text_zh/type").asString()).isEqualTo("cjk");
		assertThat(analyzers.at("/newsradar_text/filter")).extracting(JsonNode::asString).contains("asciifolding");
		assertThat(text.has("text")).as("the fallback analyzer is not a language").isFalse();
	}

	@Test
	void theMinimalNodeAnalysesEveryLanguageWithTheFallback() throws IOException {
		JsonNode template = articlesTemplate("analysis-minimal.json");
		assertThat(template.at("/template/mappings/properties/text/properties").isEmpty()).isTrue();
		assertThat(
				template.at("/template/mappings/dynamic_templates/0/text_in_any_language/mapping/analyzer").asString())
			.isEqualTo("newsradar_text");
	}

	private JsonNode articlesTemplate(String analysis) throws IOException {
		return IndexSetup.completeTemplate(read("articles-template.json"), read(analysis));
	}

	private JsonNode read(String name) throws IOException {
		try (InputStream in = IndexSetup.class.getResourceAsStream(name)) {
			return this.json.readTree(in);
		}
	}

}
