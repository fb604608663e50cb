package org.newsradar.enrich.flow;

import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.micrometer.core.instrument.Timer;
import io.micrometer.observation.Observation;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.newsradar.enrich.EnrichProperties;
import org.newsradar.enrich.flow.EnrichMetrics.Phase;
import org.newsradar.enrich.index.ArticleIndexer;
import org.newsradar.enrich.index.ArticleIndexer.IndexResult;
import org.newsradar.enrich.pipeline.ArticleDraft;
import org.newsradar.enrich.pipeline.EnrichmentPipeline;
import org.newsradar.enrich.story.StoryMemory;
import org.newsradar.events.ArticleEnriched;
import org.newsradar.events.ArticleIngested;
import org.newsradar.events.CloudEvents;
import org.newsradar.events.Topics;
import org.newsradar.kafka.EventPublisher;
import org.newsradar.kafka.PoisonMessageException;
import org.newsradar.kafka.RecordObservations;
import org.newsradar.operations.ThroughputLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.core.log.LogAccessor;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.kafka.support.serializer.SerializationUtils;
import org.springframework.stereotype.Service;

/**
 * Enriches, indexes and publishes one batch; returns normally only when every article of
 * the batch (up to a poison record) is in Elasticsearch and on {@code articles.enriched},
 * so the container commits the batch's offsets only once it is durable. Within the batch,
 * the writing of one slice overlaps the tagging of the next. The stories of a slice are
 * written to the story memory before its articles are indexed and published, so that an
 * article published with a story id can always be found by the next version of its story,
 * whichever instance or run of enrich-service takes that one.
 */
@Service
class EnrichmentFlow implements DisposableBean {

	private static final Logger logger = LoggerFactory.getLogger(EnrichmentFlow.class);

	private static final LogAccessor logAccessor = new LogAccessor(EnrichmentFlow.class);

	private final EnrichmentPipeline pipeline;

	private final ArticleIndexer indexer;

	private final EventPublisher publisher;

	private final EnrichProperties properties;

	private final RecordObservations observations;

	private final EnrichMetrics metrics;

	private final StoryMemory stories;

	private final ThroughputLog throughput;

	private final ExecutorService writers = Executors
		.newThreadPerTaskExecutor(Thread.ofVirtual().name("enrich-writer-", 0).factory());

	EnrichmentFlow(EnrichmentPipeline pipeline, ArticleIndexer indexer, EventPublisher publisher,
			EnrichProperties properties, RecordObservations observations, EnrichMetrics metrics, StoryMemory stories,
			Clock clock) {
		this.throughput = new ThroughputLog(logger, "Articles enriched, indexed and published", ThroughputLog.EVERY,
				clock);
		this.stories = stories;
		this.observations = observations;
		this.metrics = metrics;
		this.pipeline = pipeline;
		this.indexer = indexer;
		this.publisher = publisher;
		this.properties = properties;
	}

	void process(List<ConsumerRecord<String, ArticleIngested>> records) {
		List<Observation> traces = this.observations.start(records);
		try {
			process(records, traces);
		}
		finally {
			RecordObservations.stop(traces);
		}
	}

	/**
	 * Tags the batch a slice at a time; each slice's stories, indexing and publishing run
	 * on a writer thread while this thread tags the next slice. A slice starts writing
	 * only when the one before is durable, so the articles of a partition are published
	 * in order, and nothing of the batch is still in flight when this method returns or
	 * throws.
	 */
	private void process(List<ConsumerRecord<String, ArticleIngested>> records, List<Observation> traces) {
		this.metrics.phase(Phase.STORIES_READ).record(() -> rememberStories(this.stories::catchUpUnlessBusy));
		int size = this.properties.sliceSize();
		CompletableFuture<BatchListenerFailedException> writing = CompletableFuture.completedFuture(null);
		BatchListenerFailedException poison = null;
		for (int from = 0; from < records.size() && poison == null; from += size) {
			Slice slice = tag(records, traces, from, Math.min(records.size(), from + size));
			poison = durable(writing);
			if (poison == null) {
				writing = CompletableFuture.supplyAsync(() -> write(slice, records, traces), this.writers);
				poison = slice.poison();
			}
		}
		BatchListenerFailedException refused = durable(writing);
		if (refused != null) {
			poison = refused;
		}
		if (poison != null) {
			this.metrics.deadLettered();
			try (Observation.Scope scope = traces.get(poison.getIndex()).openScope()) {
				logger.warn("{}; it goes to {}", poison.getMessage(), Topics.deadLetter(Topics.ARTICLES_RAW));
			}
			throw poison;
		}
	}

	/**
	 * Runs the taggers over the records {@code from} (inclusive) to {@code to}, up to the
	 * first that cannot be enriched.
	 */
	private Slice tag(List<ConsumerRecord<String, ArticleIngested>> records, List<Observation> traces, int from,
			int to) {
		Timer.Sample tagging = Timer.start();
		List<ArticleDraft> drafts = new ArrayList<>(to - from);
		BatchListenerFailedException poison = null;
		for (int i = from; i < to && poison == null; i++) {
			ConsumerRecord<String, ArticleIngested> record = records.get(i);
			try (Observation.Scope scope = traces.get(i).openScope()) {
				drafts.add(this.pipeline.draft(readable(record)));
			}
			catch (RuntimeException ex) {
				traces.get(i).error(ex);
				poison = new BatchListenerFailedException("Cannot enrich " + describe(record), poisonCause(ex), i);
			}
		}
		tagging.stop(this.metrics.phase(Phase.TAG));
		return new Slice(from, drafts, poison);
	}

	/**
	 * Writes a tagged slice: its stories, then its articles into Elasticsearch, then on
	 * {@code articles.enriched}.
	 * @return why Elasticsearch refused an article of the slice for good, or {@code null}
	 * when every article is durable
	 */
	private BatchListenerFailedException write(Slice slice, List<ConsumerRecord<String, ArticleIngested>> records,
			List<Observation> traces) {
		this.metrics.phase(Phase.STORIES_WRITE)
			.record(() -> rememberStories(() -> this.stories.record(slice.drafts())));
		List<ArticleEnriched> all = slice.drafts().stream().map(this.pipeline::enriched).toList();
		Indexed indexed = this.metrics.phase(Phase.INDEX).record(() -> indexAll(all));
		List<ArticleEnriched> enriched = all.subList(0, indexed.count());
		List<Observation> slicesTraces = traces.subList(slice.from(), slice.from() + enriched.size());
		this.metrics.phase(Phase.PUBLISH).record(() -> publishAll(enriched, slicesTraces));
		this.metrics.enriched(enriched.size());
		this.throughput.add(enriched.size());
		if (indexed.refusal() == null) {
			return null;
		}
		int index = slice.from() + indexed.count();
		return new BatchListenerFailedException("Elasticsearch refused " + describe(records.get(index)),
				new PoisonMessageException(indexed.refusal(), null), index);
	}

	/**
	 * Waits for a slice's writing.
	 * @return why an article of it was refused, or {@code null}
	 * @throws RuntimeException what the writing threw (Elasticsearch or Kafka could not
	 * be reached: the whole batch is retried)
	 */
	private static BatchListenerFailedException durable(CompletableFuture<BatchListenerFailedException> writing) {
		try {
			return writing.join();
		}
		catch (CompletionException ex) {
			throw (ex.getCause() instanceof RuntimeException cause) ? cause : ex;
		}
	}

	/**
	 * Records {@code from} to {@code from + drafts.size()} of a batch, tagged.
	 *
	 * @param from the index of the slice's first record in the batch
	 * @param drafts the tagged articles
	 * @param poison the record after the drafts, which could not be enriched, or
	 * {@code null}
	 */
	private record Slice(int from, List<ArticleDraft> drafts, BatchListenerFailedException poison) {

	}

	/**
	 * Reads or writes the story memory.
	 * @throws IllegalStateException when Elasticsearch could not be reached: the whole
	 * batch is then retried
	 */
	private static void rememberStories(StoryMemoryCall call) {
		try {
			call.run();
		}
		catch (IOException ex) {
			throw new IllegalStateException("The story memory in Elasticsearch could not be reached: " + ex, ex);
		}
	}

	@FunctionalInterface
	private interface StoryMemoryCall {

		void run() throws IOException;

	}

	private static ArticleIngested readable(ConsumerRecord<String, ArticleIngested> record) {
		DeserializationException unreadable = SerializationUtils.getExceptionFromHeader(record,
				SerializationUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER, logAccessor);
		if (unreadable != null) {
			throw new PoisonMessageException("not a readable article: " + unreadable.getMessage(), unreadable);
		}
		if (record.value() == null || record.value().id() == null) {
			throw new PoisonMessageException("an article without id", null);
		}
		return record.value();
	}

	private static RuntimeException poisonCause(RuntimeException ex) {
		return (ex instanceof PoisonMessageException) ? ex : new PoisonMessageException(ex.toString(), ex);
	}

	/**
	 * Indexes the articles and waits for every result.
	 * @return how many articles, from the start, are durable, and why the next one was
	 * refused for good when it was
	 * @throws IllegalStateException when Elasticsearch could not be reached or asked us
	 * to slow down: the whole batch is then retried
	 */
	private Indexed indexAll(List<ArticleEnriched> articles) {
		List<CompletableFuture<IndexResult>> results = this.indexer.index(articles);
		for (int i = 0; i < results.size(); i++) {
			IndexResult result = await(results.get(i));
			if (!result.succeeded()) {
				if (result.retryable()) {
					throw new IllegalStateException(
							"Elasticsearch could not index " + result.id() + ": " + result.error());
				}
				return new Indexed(i, result.error());
			}
		}
		return new Indexed(articles.size(), null);
	}

	private record Indexed(int count, String refusal) {

	}

	private IndexResult await(CompletableFuture<IndexResult> result) {
		try {
			return result.get(this.properties.indexTimeout().toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new IllegalStateException("Indexing into Elasticsearch failed: " + ex, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while indexing", ex);
		}
	}

	/**
	 * Publishes each article in its record's trace, which the record's headers carry on
	 * to alert-service (a DEBUG line each; a line a minute says how many).
	 */
	private void publishAll(List<ArticleEnriched> articles, List<Observation> traces) {
		List<CompletableFuture<?>> sends = new ArrayList<>(articles.size());
		for (int i = 0; i < articles.size(); i++) {
			ArticleEnriched article = articles.get(i);
			try (Observation.Scope scope = traces.get(i).openScope()) {
				sends.add(this.publisher.publish(Topics.ARTICLES_ENRICHED, article.id(), article,
						CloudEvents.ARTICLE_ENRICHED, article.enrichedAt()));
				logger.debug("Enriched {} [{}] {} countries {} topics {} story {}", article.id(), article.language(),
						abbreviate(article.title()), article.countries(), article.topics(), article.storyId());
			}
		}
		this.publisher.awaitAcknowledged(sends);
	}

	@Override
	public void destroy() {
		this.writers.close();
	}

	private static String abbreviate(String title) {
		return (title.length() > 80) ? title.substring(0, 79) + "…" : title;
	}

	private static String describe(ConsumerRecord<?, ?> record) {
		return record.topic() + "-" + record.partition() + "@" + record.offset() + " (key " + record.key() + ")";
	}

}
