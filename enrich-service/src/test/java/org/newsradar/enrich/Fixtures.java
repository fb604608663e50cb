package org.newsradar.enrich;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.newsradar.enrich.pipeline.EnrichmentPipeline;
import org.newsradar.events.ArticleIds;
import org.newsradar.events.ArticleIngested;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The project's own labelled fixtures ({@code src/test/resources/fixtures/*.jsonl}): one
 * article a line, with {@code language}, {@code title}, {@code body}, an optional
 * {@code url} and the gold labels of the test that reads it.
 */
public final class Fixtures {

	private static final JsonMapper json = JsonMapper.builder().build();

	/** One pipeline for every fixture test of the run: its language models load once. */
	private static EnrichmentPipeline pipeline;

	private Fixtures() {
	}

	public static List<JsonNode> read(String resource) {
		List<JsonNode> lines = new ArrayList<>();
		try (InputStream in = Fixtures.class.getResourceAsStream(resource)) {
			for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
				if (!line.isBlank()) {
					lines.add(json.readTree(line));
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return lines;
	}

	/** The service's pipeline, built as the service builds it (bundled data files). */
	public static synchronized EnrichmentPipeline pipeline() {
		if (pipeline == null) {
			pipeline = Enrichment.standalone().getBean(EnrichmentPipeline.class);
		}
		return pipeline;
	}

	/** The labelled line as an article taken in at a fixed time. */
	public static ArticleIngested article(JsonNode labelled) {
		String title = labelled.get("title").asString();
		String body = labelled.get("body").asString();
		String url = labelled.path("url").isString() ? labelled.get("url").asString() : null;
		return new ArticleIngested(ArticleIds.of(url, title, body), url, null, title, body, null,
				Instant.parse("2026-01-02T08:00:00Z"), null);
	}

	/** A label's values, sorted. */
	public static List<String> values(JsonNode labelled, String field) {
		return labelled.get(field).valueStream().map(JsonNode::asString).sorted().toList();
	}

}
