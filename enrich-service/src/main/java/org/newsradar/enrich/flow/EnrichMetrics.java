package org.newsradar.enrich.flow;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;

/**
 * What enrich-service counts, besides indexing ({@code newsradar.elasticsearch.bulk},
 * {@code newsradar.articles.indexed}): articles enriched and published, and records sent
 * to the dead-letter topic.
 */
@Component
class EnrichMetrics {

	private final Counter enriched;

	private final Counter deadLettered;

	EnrichMetrics(MeterRegistry registry) {
		this.enriched = Counter.builder("newsradar.articles.enriched")
			.description("Articles enriched, indexed and published on articles.enriched")
			.register(registry);
		this.deadLettered = Counter.builder("newsradar.articles.dead.lettered")
			.description("Raw articles that could not be enriched or indexed, sent to articles.raw-dlt")
			.register(registry);
	}

	void enriched(int count) {
		this.enriched.increment(count);
	}

	void deadLettered() {
		this.deadLettered.increment();
	}

}
