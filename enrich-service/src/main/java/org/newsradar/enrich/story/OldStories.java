package org.newsradar.enrich.story;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch._types.query_dsl.QueryBuilders;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.elasticsearch.core.search.Hit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes the story documents written before the window (with an hour's margin for the
 * clocks of other instances): no read takes them any more, and the {@code stories} index
 * would otherwise grow with every article ever enriched. Runs every {@link #EVERY} on a
 * thread of its own.
 */
class OldStories {

	private static final Logger logger = LoggerFactory.getLogger(OldStories.class);

	private static final Duration EVERY = Duration.ofHours(1);

	/** The first run, a while after start. */
	private static final Duration FIRST = Duration.ofMinutes(5);

	/** Kept beyond the window, for the clocks of other instances. */
	private static final Duration MARGIN = Duration.ofHours(1);

	private final ElasticsearchClient client;

	private final Clock clock;

	private ScheduledExecutorService thread;

	OldStories(ElasticsearchClient client, Clock clock) {
		this.client = client;
		this.clock = clock;
	}

	void start() {
		this.thread = Executors
			.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("story-memory-forget").daemon().factory());
		this.thread.scheduleWithFixedDelay(this::forgetLogged, FIRST.toMinutes(), EVERY.toMinutes(), TimeUnit.MINUTES);
	}

	void stop() {
		if (this.thread != null) {
			this.thread.shutdownNow();
		}
	}

	/**
	 * Deletes the documents written before the window and its margin, a page of ids at a
	 * time (the Elasticsearch node the tests run has no {@code _delete_by_query}).
	 * @return how many documents were deleted
	 * @throws IOException when Elasticsearch cannot be reached
	 */
	int forget() throws IOException {
		String before = this.clock.instant().minus(StoryTagger.WINDOW).minus(MARGIN).toString();
		Query old = QueryBuilders.range((range) -> range.date((date) -> date.field("written_at").lt(before)));
		int deleted = 0;
		List<FieldValue> after = null;
		while (true) {
			List<FieldValue> from = after;
			List<Hit<Void>> page = this.client.search((search) -> {
				search.index(StoryMemory.ALIAS)
					.query(old)
					.size(OthersWrites.PAGE)
					.source((source) -> source.fetch(false))
					.sort((sort) -> sort.field((field) -> field.field("written_at").order(SortOrder.Asc)))
					.sort((sort) -> sort.field((field) -> field.field("article_id").order(SortOrder.Asc)));
				return (from != null) ? search.searchAfter(from) : search;
			}, Void.class).hits().hits();
			if (page.isEmpty()) {
				return deleted;
			}
			List<BulkOperation> deletions = page.stream()
				.map((hit) -> BulkOperation
					.of((operation) -> operation.delete((delete) -> delete.index(hit.index()).id(hit.id()))))
				.toList();
			BulkResponse response = this.client.bulk((bulk) -> bulk.operations(deletions));
			deleted += (int) response.items().stream().filter((item) -> item.error() == null).count();
			after = page.get(page.size() - 1).sort();
		}
	}

	private void forgetLogged() {
		try {
			int deleted = forget();
			if (deleted > 0) {
				logger.info("Deleted {} story documents written before the window", deleted);
			}
		}
		catch (IOException | RuntimeException ex) {
			logger.warn("Could not delete the story documents written before the window (tried again in {}): {}", EVERY,
					ex.toString());
		}
	}

}
