package org.newsradar.elasticsearch;

import java.io.IOException;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.indices.IndexSettings;
import co.elastic.clients.elasticsearch.indices.IndexState;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.newsradar.engines.TestEngines;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link IndexSetup} against a real node: an alias created from the template, and one
 * whose index was created before the template changed.
 */
class IndexSetupIT {

	private static final String ALIAS = "setup-it";

	private final ApplicationContextRunner contexts = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ElasticsearchAutoConfiguration.class))
		.withBean(JsonMapper.class, () -> JsonMapper.builder().build())
		.withPropertyValues("newsradar.elasticsearch.uris=" + TestEngines.elasticsearchUrl());

	@BeforeEach
	void noAliasYet() {
		this.contexts.run((context) -> {
			ElasticsearchClient client = context.getBean(ElasticsearchClient.class);
			client.indices().delete((request) -> request.index(ALIAS + "-000001").ignoreUnavailable(true));
			if (client.indices().existsIndexTemplate((request) -> request.name(ALIAS)).value()) {
				client.indices().deleteIndexTemplate((request) -> request.name(ALIAS));
			}
		});
	}

	@Test
	void aNewAliasGetsAWriteIndexMadeFromTheTemplate() {
		this.contexts.run((context) -> {
			ElasticsearchClient client = context.getBean(ElasticsearchClient.class);
			context.getBean(IndexSetup.class).ensure(ALIAS, template());

			IndexState index = index(client);
			assertThat(index.aliases().get(ALIAS).isWriteIndex()).isTrue();
			assertThat(refreshInterval(index)).isEqualTo("5s");
			assertThat(index.mappings().properties()).containsKeys("title", "topic");
		});
	}

	@Test
	void theIndexOfAnEarlierAliasGetsTheTemplatesNewFieldsAndRefreshInterval() {
		this.contexts.run((context) -> {
			ElasticsearchClient client = context.getBean(ElasticsearchClient.class);
			client.indices()
				.create((request) -> request.index(ALIAS + "-000001")
					.aliases(ALIAS, (alias) -> alias.isWriteIndex(true))
					.settings((settings) -> settings.refreshInterval((time) -> time.time("1s")))
					.mappings((mappings) -> mappings.properties("title", (property) -> property.text((text) -> text))));

			context.getBean(IndexSetup.class).ensure(ALIAS, template());

			IndexState index = index(client);
			assertThat(refreshInterval(index)).isEqualTo("5s");
			assertThat(index.mappings().properties()).containsKeys("title", "topic");
		});
	}

	private static ClassPathResource template() {
		return new ClassPathResource("setup-it-template.json", IndexSetupIT.class);
	}

	private static IndexState index(ElasticsearchClient client) throws IOException {
		return client.indices().get((request) -> request.index(ALIAS)).result().get(ALIAS + "-000001");
	}

	private static String refreshInterval(IndexState index) {
		IndexSettings settings = index.settings();
		IndexSettings nested = settings.index();
		return ((nested != null) ? nested : settings).refreshInterval().time();
	}

}
