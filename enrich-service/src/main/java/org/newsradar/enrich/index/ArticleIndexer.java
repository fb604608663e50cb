package org.newsradar.enrich.index;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._helpers.bulk.BulkIngester;
import co.elastic.clients.elasticsearch._helpers.bulk.BulkListener;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.transport.BackoffPolicy;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.newsradar.enrich.EnrichProperties;
import org.newsradar.events.ArticleEnriched;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Indexes articles ({@link ArticleDocument}) into the {@code articles} alias through one
 * shared {@link BulkIngester}, with exponential backoff on rejected bulks. Every document
 * gets its own result, so the caller knows exactly which documents are durable before it
 * commits anything.
 */
@Component
public class ArticleIndexer implements DisposableBean {

	private final BulkIngester<CompletableFuture<IndexResult>> ingester;

	private final JsonMapper json;

	public ArticleIndexer(ElasticsearchClient client, EnrichProperties properties, JsonMapper json,
			MeterRegistry registry) {
		this.json = json;
		EnrichProperties.Bulk bulk = properties.bulk();
		this.ingester = BulkIngester.<CompletableFuture<IndexResult>>of((builder) -> builder.client(client)
			.maxOperations(bulk.maxOperations())
			.maxConcurrentRequests(bulk.maxConcurrentRequests())
			.flushInterval(bulk.flushInterval().toMillis(), TimeUnit.MILLISECONDS)
			.backoffPolicy(BackoffPolicy.exponentialBackoff(bulk.initialBackoff().toMillis(), bulk.maxRetries()))
			.listener(new ResultListener(registry)));
	}

	/**
	 * Queues the articles and flushes; the futures complete when Elasticsearch answered
	 * for each document.
	 * @param articles the documents, indexed under their id (a second time overwrites)
	 * @return one result per article, in the same order
	 */
	public List<CompletableFuture<IndexResult>> index(List<ArticleEnriched> articles) {
		List<CompletableFuture<IndexResult>> results = new ArrayList<>(articles.size());
		for (ArticleEnriched article : articles) {
			CompletableFuture<IndexResult> result = new CompletableFuture<>();
			results.add(result);
			this.ingester.add((operation) -> operation.index((index) -> index.index(ArticleIndex.ALIAS)
				.id(article.id())
				.document(ArticleDocument.of(article, this.json))), result);
		}
		this.ingester.flush();
		return results;
	}

	@Override
	public void destroy() {
		this.ingester.close();
	}

	/**
	 * What Elasticsearch answered for one document.
	 *
	 * @param id the document id
	 * @param status the HTTP status of the item
	 * @param error the reason it failed, or {@code null}
	 */
	public record IndexResult(String id, int status, String error) {

		public boolean succeeded() {
			return this.error == null;
		}

		/**
		 * A document that Elasticsearch refuses as such (a mapping error) fails the same
		 * way again.
		 */
		public boolean retryable() {
			return this.status == 429 || this.status >= 500;
		}

	}

	private static final class ResultListener implements BulkListener<CompletableFuture<IndexResult>> {

		private final Map<Long, Long> started = new ConcurrentHashMap<>();

		private final Timer succeeded;

		private final Timer failed;

		private final Counter indexed;

		private final Counter refused;

		ResultListener(MeterRegistry registry) {
			this.succeeded = bulkTimer(registry, "success");
			this.failed = bulkTimer(registry, "failure");
			this.indexed = Counter.builder("newsradar.articles.indexed")
				.description("Documents Elasticsearch indexed")
				.tag("outcome", "success")
				.register(registry);
			this.refused = Counter.builder("newsradar.articles.indexed")
				.description("Documents Elasticsearch indexed")
				.tag("outcome", "failure")
				.register(registry);
		}

		private static Timer bulkTimer(MeterRegistry registry, String outcome) {
			return Timer.builder("newsradar.elasticsearch.bulk")
				.description("Bulk requests to Elasticsearch, from sending to the answer")
				.tag("outcome", outcome)
				.register(registry);
		}

		@Override
		public void beforeBulk(long executionId, BulkRequest request, List<CompletableFuture<IndexResult>> contexts) {
			this.started.put(executionId, System.nanoTime());
		}

		@Override
		public void afterBulk(long executionId, BulkRequest request, List<CompletableFuture<IndexResult>> contexts,
				BulkResponse response) {
			record(executionId, this.succeeded);
			List<BulkResponseItem> items = response.items();
			for (int i = 0; i < contexts.size(); i++) {
				BulkResponseItem item = items.get(i);
				String error = (item.error() != null) ? item.error().type() + ": " + item.error().reason() : null;
				((error != null) ? this.refused : this.indexed).increment();
				contexts.get(i).complete(new IndexResult(item.id(), item.status(), error));
			}
		}

		@Override
		public void afterBulk(long executionId, BulkRequest request, List<CompletableFuture<IndexResult>> contexts,
				Throwable failure) {
			record(executionId, this.failed);
			contexts.forEach((context) -> context.completeExceptionally(failure));
		}

		private void record(long executionId, Timer timer) {
			Long start = this.started.remove(executionId);
			if (start != null) {
				timer.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
			}
		}

	}

}
