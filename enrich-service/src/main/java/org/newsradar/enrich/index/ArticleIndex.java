package org.newsradar.enrich.index;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch.indices.PutIndexTemplateRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The {@code articles} index: an index template for {@code articles-*} and the read/write
 * alias {@code articles} over {@code articles-000001}, created at start-up when missing.
 * Text analysis is chosen by asking the cluster what it has: the full distribution folds
 * accents, the minimal node falls back to lowercasing.
 */
@Component
public class ArticleIndex implements InitializingBean {

	public static final String ALIAS = "articles";

	static final String TEMPLATE = "articles";

	static final String FIRST_INDEX = "articles-000001";

	private static final Logger logger = LoggerFactory.getLogger(ArticleIndex.class);

	private static final Duration STARTUP_WAIT = Duration.ofMinutes(2);

	private final ElasticsearchClient client;

	private final JsonMapper json;

	public ArticleIndex(ElasticsearchClient client, JsonMapper json) {
		this.client = client;
		this.json = json;
	}

	@Override
	public void afterPropertiesSet() {
		Instant deadline = Instant.now().plus(STARTUP_WAIT);
		while (true) {
			try {
				createIfMissing();
				return;
			}
			catch (IOException ex) {
				if (Instant.now().isAfter(deadline)) {
					throw new IllegalStateException("Elasticsearch did not answer for " + STARTUP_WAIT.toSeconds()
							+ "s (newsradar.elasticsearch.uris): " + ex.getMessage(), ex);
				}
				logger.info("Waiting for Elasticsearch: {}", ex.getMessage());
				try {
					Thread.sleep(Duration.ofSeconds(2));
				}
				catch (InterruptedException interrupted) {
					Thread.currentThread().interrupt();
					throw new IllegalStateException("Interrupted while waiting for Elasticsearch", interrupted);
				}
			}
		}
	}

	void createIfMissing() throws IOException {
		String analysis = hasAsciiFolding() ? "full" : "minimal";
		ObjectNode template = (ObjectNode) readJson("elasticsearch/articles-template.json");
		((ObjectNode) template.get("template").get("settings")).set("analysis",
				readJson("elasticsearch/analysis-" + analysis + ".json"));
		this.client.indices()
			.putIndexTemplate(PutIndexTemplateRequest.of((request) -> request.name(TEMPLATE)
				.withJson(new StringReader(this.json.writeValueAsString(template)))));
		if (!this.client.indices().existsAlias((request) -> request.name(ALIAS)).value()) {
			try {
				this.client.indices()
					.create((request) -> request.index(FIRST_INDEX)
						.aliases(ALIAS, (alias) -> alias.isWriteIndex(true)));
			}
			catch (ElasticsearchException ex) {
				if (!"resource_already_exists_exception".equals(ex.error().type())) {
					throw ex;
				}
			}
		}
		logger.info("Index alias '{}' ready, {} text analysis", ALIAS, analysis);
	}

	private boolean hasAsciiFolding() throws IOException {
		try {
			this.client.indices()
				.analyze((request) -> request.tokenizer((t) -> t.name("standard"))
					.filter((f) -> f.name("asciifolding"))
					.text("Taïwan"));
			return true;
		}
		catch (ElasticsearchException ex) {
			return false;
		}
	}

	private JsonNode readJson(String resource) {
		try (InputStream in = new ClassPathResource(resource).getInputStream()) {
			return this.json.readTree(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
