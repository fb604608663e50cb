package org.newsradar.enrich.story;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch._types.query_dsl.QueryBuilders;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import org.newsradar.enrich.story.StoryMemory.Written;

/**
 * The read side of the {@link StoryMemory}: what the other writers (other instances, this
 * service's earlier runs) put in the {@code stories} index since it last looked. It
 * keeps, for each writer, how far its writes have been read; the first read takes
 * everything written within {@link StoryTagger#WINDOW}, newest first, up to the tagger's
 * capacity. Not thread-safe: the memory reads under its lock.
 */
class OthersWrites {

	/** Hits per search request. */
	static final int PAGE = 1000;

	/** Most writers the first read asks about. */
	private static final int WRITERS = 10_000;

	private final ElasticsearchClient client;

	private final Clock clock;

	/** This instance's writer id, whose writes are never read back. */
	private final String self;

	private final int capacity;

	/** Each other writer's last write read. */
	private final Map<String, Cursor> cursors = new HashMap<>();

	private volatile boolean loaded;

	OthersWrites(ElasticsearchClient client, Clock clock, String self, int capacity) {
		this.client = client;
		this.clock = clock;
		this.self = self;
		this.capacity = capacity;
	}

	/** Whether the first read was made. */
	boolean loaded() {
		return this.loaded;
	}

	/**
	 * Reads what the others wrote since the last read, oldest first, and lets the tagger
	 * remember it.
	 * @param tagger the tagger to remember each article's fingerprint and story
	 * @return where each article read stands in the order of writes
	 * @throws IOException when Elasticsearch cannot be reached
	 */
	List<Written> read(StoryTagger tagger) throws IOException {
		Map<String, Cursor> lastWrites = this.loaded ? Map.of() : lastWrites();
		List<Hit<StoryDocument>> newestFirst = new ArrayList<>();
		List<FieldValue> after = null;
		Query query = sinceLastRead();
		while (newestFirst.size() < this.capacity) {
			List<FieldValue> from = after;
			int size = Math.min(PAGE, this.capacity - newestFirst.size());
			List<Hit<StoryDocument>> page = this.client.search((search) -> {
				search.index(StoryMemory.ALIAS)
					.query(query)
					.size(size)
					.seqNoPrimaryTerm(true)
					.sort((sort) -> sort.field((field) -> field.field("written_at").order(SortOrder.Desc)))
					.sort((sort) -> sort.field((field) -> field.field("article_id").order(SortOrder.Desc)));
				return (from != null) ? search.searchAfter(from) : search;
			}, StoryDocument.class).hits().hits();
			newestFirst.addAll(page);
			if (page.size() < size) {
				break;
			}
			after = page.get(page.size() - 1).sort();
		}
		List<Written> read = new ArrayList<>(newestFirst.size());
		for (Hit<StoryDocument> hit : newestFirst.reversed()) {
			StoryDocument document = hit.source();
			tagger.recall(document.fingerprint(), document.storyId());
			this.cursors.merge(document.writer(), new Cursor(document.seq(), document.writtenAt()), Cursor::later);
			read.add(new Written(document.articleId(), hit.primaryTerm(), hit.seqNo()));
		}
		// What the first read left out is older than what it read: not to be read later.
		lastWrites.forEach((other, cursor) -> this.cursors.merge(other, cursor, Cursor::later));
		this.loaded = true;
		return read;
	}

	/**
	 * Each other writer's last write within the window, as the first read starts: that
	 * read takes the newest {@link StoryTagger#CAPACITY} articles, and the older ones of
	 * the same writers must not come back as new in a later read (tens of thousands of
	 * them would push the articles being tagged out of the tagger's memory).
	 */
	private Map<String, Cursor> lastWrites() throws IOException {
		String windowStart = this.clock.instant().minus(StoryTagger.WINDOW).toString();
		SearchResponse<Void> response = this.client.search(
				(search) -> search.index(StoryMemory.ALIAS)
					.size(0)
					.query(QueryBuilders.bool(
							(bool) -> bool.mustNot(QueryBuilders.term((term) -> term.field("writer").value(this.self)))
								.filter(QueryBuilders.range(
										(range) -> range.date((date) -> date.field("written_at").gte(windowStart))))))
					.aggregations("writers", (writers) -> writers.terms((terms) -> terms.field("writer").size(WRITERS))
						.aggregations("seq", (seq) -> seq.max((max) -> max.field("seq")))
						.aggregations("written_at", (writtenAt) -> writtenAt.max((max) -> max.field("written_at")))),
				Void.class);
		Map<String, Cursor> last = new HashMap<>();
		for (StringTermsBucket bucket : response.aggregations().get("writers").sterms().buckets().array()) {
			last.put(bucket.key().stringValue(), new Cursor((long) bucket.aggregations().get("seq").max().value(),
					Instant.ofEpochMilli((long) bucket.aggregations().get("written_at").max().value())));
		}
		return last;
	}

	/**
	 * Other writers' documents after their cursors, and those of writers not read yet
	 * within the window.
	 */
	private Query sinceLastRead() {
		Instant windowStart = this.clock.instant().minus(StoryTagger.WINDOW);
		// A writer silent for longer than the window (an earlier run) wrote nothing the
		// query below would read again.
		this.cursors.values().removeIf((cursor) -> cursor.writtenAt().isBefore(windowStart));
		List<Query> since = new ArrayList<>();
		this.cursors.forEach((other, cursor) -> since.add(QueryBuilders
			.bool((bool) -> bool.filter(QueryBuilders.term((term) -> term.field("writer").value(other)))
				.filter(QueryBuilders
					.range((range) -> range.number((number) -> number.field("seq").gt((double) cursor.seq())))))));
		List<FieldValue> known = this.cursors.keySet().stream().map(FieldValue::of).toList();
		since.add(QueryBuilders.bool((bool) -> {
			if (!known.isEmpty()) {
				bool.mustNot(
						QueryBuilders.terms((terms) -> terms.field("writer").terms((values) -> values.value(known))));
			}
			return bool.filter(QueryBuilders
				.range((range) -> range.date((date) -> date.field("written_at").gte(windowStart.toString()))));
		}));
		return QueryBuilders
			.bool((bool) -> bool.mustNot(QueryBuilders.term((term) -> term.field("writer").value(this.self)))
				.filter(QueryBuilders.bool((any) -> any.should(since).minimumShouldMatch("1"))));
	}

	/**
	 * How far another writer's writes have been read.
	 *
	 * @param seq its count of its last write read
	 * @param writtenAt when that write was made
	 */
	private record Cursor(long seq, Instant writtenAt) {

		Cursor later(Cursor other) {
			return (other.seq > this.seq) ? other : this;
		}

	}

}
