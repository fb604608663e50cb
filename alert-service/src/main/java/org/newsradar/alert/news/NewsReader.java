package org.newsradar.alert.news;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch._types.query_dsl.QueryBuilders;
import co.elastic.clients.elasticsearch.core.search.Hit;
import org.newsradar.elasticsearch.IndexSetup;
import org.newsradar.events.ArticleEnriched;

import org.springframework.stereotype.Component;

/**
 * Reads stories and statements from the {@code articles} index. Before enrich-service has
 * indexed anything there is no index, and nothing to show.
 */
@Component
class NewsReader {

	/** The most versions of one story a page shows. */
	static final int STORY_VERSIONS = 200;

	private final ElasticsearchClient client;

	private final InstantSource clock = InstantSource.system();

	NewsReader(ElasticsearchClient client) {
		this.client = client;
	}

	/** Every version of a story, the earliest first (by publication, else intake). */
	List<ArticleEnriched> story(String storyId) throws IOException {
		Query query = QueryBuilders.term((term) -> term.field("story_id").value(storyId));
		return search(query, STORY_VERSIONS, SortOrder.Asc).stream()
			.sorted(Comparator.comparing(NewsReader::time))
			.toList();
	}

	/** When an article was published, else when it was taken in. */
	static Instant time(ArticleEnriched article) {
		return (article.publishedAt() != null) ? article.publishedAt() : article.ingestedAt();
	}

	/**
	 * The articles that report an official statement, published (else taken in) in the
	 * last days, the newest first.
	 * @param by the country that made it, or {@code null} for any
	 * @param topic a topic id the article has, or {@code null} for any
	 * @param days how many days back
	 * @param size at most this many
	 */
	List<ArticleEnriched> statements(String by, String topic, int days, int size) throws IOException {
		Instant since = this.clock.instant().minus(Duration.ofDays(days));
		List<Query> filters = new ArrayList<>();
		filters.add(QueryBuilders.exists((exists) -> exists.field("statement.type")));
		filters.add(QueryBuilders.bool((recent) -> recent
			.should(QueryBuilders
				.range((range) -> range.date((date) -> date.field("published_at").gte(since.toString()))))
			.should(QueryBuilders
				.bool((undated) -> undated.mustNot(QueryBuilders.exists((exists) -> exists.field("published_at")))
					.filter(QueryBuilders
						.range((range) -> range.date((date) -> date.field("ingested_at").gte(since.toString()))))))
			.minimumShouldMatch("1")));
		if (by != null) {
			filters.add(QueryBuilders.term((term) -> term.field("statement.by").value(by)));
		}
		if (topic != null) {
			filters.add(QueryBuilders.term((term) -> term.field("topics").value(topic)));
		}
		return search(QueryBuilders.bool((bool) -> bool.filter(filters)), size, SortOrder.Desc);
	}

	private List<ArticleEnriched> search(Query query, int size, SortOrder order) throws IOException {
		if (!this.client.indices().exists((exists) -> exists.index(IndexSetup.ARTICLES)).value()) {
			return List.of();
		}
		return this.client
			.search((search) -> search.index(IndexSetup.ARTICLES)
				.query(query)
				.size(size)
				.sort((sort) -> sort.field((field) -> field.field("published_at").order(order).missing("_last")))
				.sort((sort) -> sort.field((field) -> field.field("ingested_at").order(order))), ArticleEnriched.class)
			.hits()
			.hits()
			.stream()
			.map(Hit::source)
			.toList();
	}

}
