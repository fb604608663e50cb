package org.newsradar.enrich.flow;

import java.util.EnumMap;
import java.util.Map;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import org.springframework.stereotype.Component;

/**
 * What enrich-service counts, besides indexing ({@code newsradar.elasticsearch.bulk},
 * {@code newsradar.articles.indexed}): articles enriched and published, records sent to
 * the dead-letter topic, and the time a batch spends in each step
 * ({@code newsradar.enrich.batch}, tagged by {@code phase}).
 */
@Component
class EnrichMetrics {

	private final Counter enriched;

	private final Counter deadLettered;

	private final Map<Phase, Timer> phases = new EnumMap<>(Phase.class);

	EnrichMetrics(MeterRegistry registry) {
		for (Phase phase : Phase.values()) {
			this.phases.put(phase,
					Timer.builder("newsradar.enrich.batch")
						.description("Time a batch of raw articles spends in each step of enrich-service")
						.tag("phase", phase.tag)
						.register(registry));
		}
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

	/** Times one step of a batch. */
	Timer phase(Phase phase) {
		return this.phases.get(phase);
	}

	/** The steps of a batch, in their order. */
	enum Phase {

		/** Reading what other instances wrote to the story memory. */
		STORIES_READ("stories_read"),
		/** Running the taggers. */
		TAG("tag"),
		/** Writing the batch's stories to the story memory. */
		STORIES_WRITE("stories_write"),
		/** Indexing into Elasticsearch, until every document is durable. */
		INDEX("index"),
		/** Publishing on articles.enriched, until Kafka acknowledged every record. */
		PUBLISH("publish");

		private final String tag;

		Phase(String tag) {
			this.tag = tag;
		}

	}

}
