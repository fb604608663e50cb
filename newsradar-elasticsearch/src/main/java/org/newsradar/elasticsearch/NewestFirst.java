package org.newsradar.elasticsearch;

import java.io.IOException;
import java.util.List;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import org.newsradar.operations.Pages;
import org.newsradar.operations.Pages.Page;

/**
 * A page of documents, newest first by a time field and then by an id field (so that
 * documents of the same millisecond keep one order), with the total and a cursor
 * ({@code search_after} on both keys) for the next page.
 *
 * @param index the index or alias
 * @param timeField the date field, newest first
 * @param idField a keyword field unique per document
 */
public record NewestFirst(String index, String timeField, String idField) {

	/**
	 * @param client the client
	 * @param query which documents
	 * @param from how many to skip, when there is no cursor
	 * @param cursor where the page starts ({@link Pages}), or {@code null}
	 * @param size how many to return
	 * @param type what the documents are read as
	 * @return the page
	 * @throws IOException when Elasticsearch cannot be reached
	 */
	public <T> Page<T> page(ElasticsearchClient client, Query query, int from, String cursor, int size, Class<T> type)
			throws IOException {
		List<FieldValue> after = (cursor != null) ? after(cursor) : null;
		SearchResponse<T> response = client.search((search) -> {
			search.index(this.index)
				.query(query)
				.size(size)
				.trackTotalHits((total) -> total.enabled(true))
				.sort((sort) -> sort.field((field) -> field.field(this.timeField).order(SortOrder.Desc)))
				.sort((sort) -> sort.field((field) -> field.field(this.idField).order(SortOrder.Asc)));
			return (after != null) ? search.searchAfter(after) : search.from(from);
		}, type);
		List<Hit<T>> hits = response.hits().hits();
		List<String> next = null;
		if (!hits.isEmpty() && hits.size() == size) {
			List<FieldValue> last = hits.get(hits.size() - 1).sort();
			next = List.of(Long.toString(last.get(0).longValue()), last.get(1).stringValue());
		}
		long total = (response.hits().total() != null) ? response.hits().total().value() : hits.size();
		return new Page<>(hits.stream().map(Hit::source).toList(), total, next);
	}

	private static List<FieldValue> after(String cursor) {
		List<String> keys = Pages.keys(cursor, 2);
		try {
			return List.of(FieldValue.of(Long.parseLong(keys.get(0))), FieldValue.of(keys.get(1)));
		}
		catch (NumberFormatException ex) {
			throw Pages.invalid(cursor);
		}
	}

}
