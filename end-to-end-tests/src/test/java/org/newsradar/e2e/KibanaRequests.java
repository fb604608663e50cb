package org.newsradar.e2e;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.newsradar.e2e.KibanaAssets.LensLayer;
import org.newsradar.e2e.KibanaAssets.SavedObject;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The Elasticsearch requests Kibana sends for a saved search or a Lens layer, within a
 * time range on the data view's time field, and their answers read back as Kibana shows
 * them: the hits' ids in order, or a table of rows keyed by Lens column id.
 */
final class KibanaRequests {

	private static final JsonMapper json = JsonMapper.builder().build();

	/**
	 * The dashboard's time range: the last week, which Kibana's "auto" cuts into 3 h
	 * buckets.
	 */
	private static final String SINCE = "now-7d";

	private static final String INTERVAL = "3h";

	private final KibanaAssets assets;

	KibanaRequests(KibanaAssets assets) {
		this.assets = assets;
	}

	/** The index a saved search reads. */
	String index(SavedObject search) {
		return this.assets
			.indexOf(search.reference("kibanaSavedObjectMeta.searchSourceJSON.index").path("id").asString());
	}

	/** The index a Lens layer reads. */
	String index(LensLayer layer) {
		return this.assets.indexOf(layer.dataViewId());
	}

	/** A saved search: its Lucene query, its sort, its columns. */
	String search(SavedObject search) {
		String dataView = search.reference("kibanaSavedObjectMeta.searchSourceJSON.index").path("id").asString();
		ObjectNode request = json.createObjectNode().put("size", 500);
		request.set("query", query(dataView, search.query()));
		ArrayNode sort = request.putArray("sort");
		search.attributes()
			.path("sort")
			.forEach((order) -> sort.addObject().put(order.get(0).asString(), order.get(1).asString()));
		ArrayNode source = request.putArray("_source");
		search.attributes().path("columns").forEach(source::add);
		return json.writeValueAsString(request);
	}

	/** A Lens layer: its bucket columns nested in order, its metrics in each bucket. */
	String lens(SavedObject lens, LensLayer layer) {
		ObjectNode request = json.createObjectNode().put("size", 0);
		request.set("query",
				query(layer.dataViewId(), lens.attributes().path("state").path("query").path("query").asString()));
		ObjectNode aggregations = request.putObject("aggs");
		for (Map.Entry<String, JsonNode> column : layer.columns().entrySet()) {
			JsonNode definition = column.getValue();
			String field = definition.path("sourceField").asString();
			switch (definition.path("operationType").asString()) {
				case "terms" -> {
					ObjectNode terms = aggregations.putObject(column.getKey()).putObject("terms");
					terms.put("field", field).put("size", definition.path("params").path("size").asInt(5));
					String orderBy = definition.path("params").path("orderBy").path("columnId").asString();
					if (!"count".equals(layer.columns().get(orderBy).path("operationType").asString())) {
						terms.putObject("order")
							.put(orderBy, definition.path("params").path("orderDirection").asString());
					}
					aggregations = nested(aggregations.get(column.getKey()), layer);
				}
				case "date_histogram" -> {
					aggregations.putObject(column.getKey())
						.putObject("date_histogram")
						.put("field", field)
						.put("fixed_interval", INTERVAL);
					aggregations = nested(aggregations.get(column.getKey()), layer);
				}
				default -> {
				}
			}
		}
		return json.writeValueAsString(request);
	}

	/** The ids of a search's hits, in order. */
	static List<String> ids(JsonNode response) {
		List<String> ids = new ArrayList<>();
		response.path("hits").path("hits").forEach((hit) -> ids.add(hit.path("_id").asString()));
		return ids;
	}

	/** A Lens layer's answer as Lens tabulates it: one row per innermost bucket. */
	static List<Map<String, String>> rows(LensLayer layer, JsonNode response) {
		List<Map<String, String>> rows = new ArrayList<>();
		collectRows(layer, response.path("aggregations"), new LinkedHashMap<>(), rows);
		return rows;
	}

	private static void collectRows(LensLayer layer, JsonNode aggregations, Map<String, String> row,
			List<Map<String, String>> rows) {
		for (Map.Entry<String, JsonNode> column : layer.columns().entrySet()) {
			if (!column.getValue().path("isBucketed").asBoolean() || row.containsKey(column.getKey())) {
				continue;
			}
			for (JsonNode bucket : aggregations.path(column.getKey()).path("buckets")) {
				Map<String, String> next = new LinkedHashMap<>(row);
				next.put(column.getKey(), bucket.has("key_as_string") ? bucket.path("key_as_string").asString()
						: bucket.path("key").asString());
				collectRows(layer, bucket, next, rows);
			}
			return;
		}
		Map<String, String> complete = new LinkedHashMap<>(row);
		layer.columns().forEach((id, definition) -> {
			switch (definition.path("operationType").asString()) {
				case "count" -> complete.put(id, aggregations.path("doc_count").asString());
				case "unique_count" -> complete.put(id, aggregations.path(id).path("value").asString());
				default -> {
				}
			}
		});
		rows.add(complete);
	}

	/**
	 * The sub-aggregations of a bucket aggregation, holding the layer's metrics (so that
	 * buckets can be ordered by them) and the next bucket level.
	 */
	private static ObjectNode nested(JsonNode bucketAggregation, LensLayer layer) {
		ObjectNode aggregations = ((ObjectNode) bucketAggregation).putObject("aggs");
		layer.columns().forEach((id, definition) -> {
			if ("unique_count".equals(definition.path("operationType").asString())) {
				aggregations.putObject(id)
					.putObject("cardinality")
					.put("field", definition.path("sourceField").asString());
			}
		});
		return aggregations;
	}

	private ObjectNode query(String dataView, String lucene) {
		ObjectNode bool = json.createObjectNode();
		ArrayNode filter = bool.putObject("bool").putArray("filter");
		String timeField = this.assets.get("index-pattern", dataView).attributes().path("timeFieldName").asString();
		filter.addObject().putObject("range").putObject(timeField).put("gte", SINCE);
		if (!lucene.isBlank()) {
			filter.addObject().putObject("query_string").put("query", lucene).put("analyze_wildcard", true);
		}
		return bool;
	}

}
