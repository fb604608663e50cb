package org.newsradar.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Kibana saved objects shipped in {@code kibana/*.ndjson}, read as Kibana reads them:
 * data views, saved searches, Lens visualizations and dashboards, and every field each of
 * them asks Elasticsearch for, with what it does with it.
 */
final class KibanaAssets {

	static final Path DIRECTORY = Path.of(System.getProperty("newsradar.root", "..")).resolve("kibana");

	private static final JsonMapper json = JsonMapper.builder().build();

	/** A field name in a Lucene query: {@code field:value} or {@code _exists_:field}. */
	private static final Pattern QUERY_FIELD = Pattern.compile("_exists_:([\\w.]+)|(?<![\\w.\\\\])([A-Za-z_][\\w.]*):");

	private static final Pattern PHRASE = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"");

	private final Map<String, SavedObject> objects = new LinkedHashMap<>();

	private KibanaAssets() {
	}

	static KibanaAssets read() {
		KibanaAssets assets = new KibanaAssets();
		try (Stream<Path> files = Files.list(DIRECTORY)) {
			for (Path file : files.filter((file) -> file.toString().endsWith(".ndjson")).sorted().toList()) {
				List<String> lines = Files.readAllLines(file);
				for (int i = 0; i < lines.size(); i++) {
					if (lines.get(i).isBlank()) {
						continue;
					}
					JsonNode node = json.readTree(lines.get(i));
					SavedObject object = new SavedObject(node.path("type").asString(null),
							node.path("id").asString(null), node.path("attributes"), node.path("references"),
							file.getFileName() + ":" + (i + 1));
					SavedObject previous = assets.objects.put(object.key(), object);
					if (previous != null) {
						throw new IllegalStateException(object.key() + " is defined twice: " + previous.location()
								+ " and " + object.location());
					}
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return assets;
	}

	List<SavedObject> objects() {
		return List.copyOf(this.objects.values());
	}

	List<SavedObject> objects(String type) {
		return this.objects.values().stream().filter((object) -> object.type().equals(type)).toList();
	}

	SavedObject get(String type, String id) {
		return this.objects.get(type + ":" + id);
	}

	/** The index pattern a data view searches, e.g. {@code articles}. */
	String indexOf(String dataViewId) {
		return get("index-pattern", dataViewId).attributes().path("title").asString();
	}

	/** Every field the saved objects use, and how. */
	List<FieldUse> fieldUses() {
		List<FieldUse> uses = new ArrayList<>();
		for (SavedObject view : objects("index-pattern")) {
			uses.add(new FieldUse(view.id(), view.id(), view.attributes().path("timeFieldName").asString(),
					Use.TIME_FIELD));
		}
		for (SavedObject search : objects("search")) {
			String view = search.reference("kibanaSavedObjectMeta.searchSourceJSON.index").path("id").asString();
			search.attributes()
				.path("columns")
				.forEach((column) -> uses.add(new FieldUse(search.id(), view, column.asString(), Use.COLUMN)));
			search.attributes()
				.path("sort")
				.forEach((sort) -> uses.add(new FieldUse(search.id(), view, sort.get(0).asString(), Use.SORT)));
			queryFields(search.query()).forEach((field) -> uses.add(new FieldUse(search.id(), view, field, Use.QUERY)));
		}
		for (SavedObject lens : objects("lens")) {
			for (LensLayer layer : lens.lensLayers()) {
				for (JsonNode column : layer.columns().values()) {
					Use use = switch (column.path("operationType").asString()) {
						case "terms" -> Use.TERMS;
						case "date_histogram" -> Use.DATE_HISTOGRAM;
						case "unique_count" -> Use.UNIQUE_COUNT;
						case "count" -> null;
						default -> throw new IllegalStateException(
								lens.id() + " uses an operation the checks do not know: " + column);
					};
					if (use != null) {
						uses.add(new FieldUse(lens.id(), layer.dataViewId(), column.path("sourceField").asString(),
								use));
					}
				}
			}
		}
		return uses;
	}

	static List<String> queryFields(String query) {
		List<String> fields = new ArrayList<>();
		Matcher matcher = QUERY_FIELD.matcher(PHRASE.matcher(query).replaceAll("\"\""));
		while (matcher.find()) {
			fields.add((matcher.group(1) != null) ? matcher.group(1) : matcher.group(2));
		}
		return fields;
	}

	/**
	 * What a saved object does with a field, each needing the field to be mapped in a way
	 * that supports it.
	 */
	enum Use {

		/** The data view's time field: filtered by range and histogrammed. */
		TIME_FIELD(true),
		/** A column of a saved search: shown from {@code _source}. */
		COLUMN(false),
		/** A sort of a saved search. */
		SORT(true),
		/** Named in a query. */
		QUERY(false),
		/** A Lens terms bucket. */
		TERMS(true),
		/** A Lens date histogram. */
		DATE_HISTOGRAM(true),
		/** A Lens unique count. */
		UNIQUE_COUNT(true);

		final boolean aggregates;

		Use(boolean aggregates) {
			this.aggregates = aggregates;
		}

	}

	record FieldUse(String objectId, String dataViewId, String field, Use use) {

	}

	record SavedObject(String type, String id, JsonNode attributes, JsonNode references, String location) {

		String key() {
			return this.type + ":" + this.id;
		}

		JsonNode reference(String name) {
			for (JsonNode reference : this.references) {
				if (name.equals(reference.path("name").asString())) {
					return reference;
				}
			}
			return json.missingNode();
		}

		/** The search source of a saved search or dashboard, a JSON string in Kibana. */
		JsonNode searchSource() {
			return json.readTree(this.attributes.path("kibanaSavedObjectMeta").path("searchSourceJSON").asString());
		}

		String query() {
			return searchSource().path("query").path("query").asString();
		}

		/** A dashboard's panels, a JSON string in Kibana. */
		JsonNode panels() {
			return json.readTree(this.attributes.path("panelsJSON").asString());
		}

		List<LensLayer> lensLayers() {
			List<LensLayer> layers = new ArrayList<>();
			JsonNode formBased = this.attributes.path("state")
				.path("datasourceStates")
				.path("formBased")
				.path("layers");
			for (Map.Entry<String, JsonNode> layer : formBased.properties()) {
				Map<String, JsonNode> columns = new LinkedHashMap<>();
				layer.getValue()
					.path("columnOrder")
					.forEach((id) -> columns.put(id.asString(), layer.getValue().path("columns").path(id.asString())));
				layers.add(new LensLayer(layer.getKey(),
						reference("indexpattern-datasource-layer-" + layer.getKey()).path("id").asString(null),
						columns));
			}
			return layers;
		}

	}

	/**
	 * One Lens layer: its columns in order (buckets first, as Lens nests them, then
	 * metrics).
	 */
	record LensLayer(String id, String dataViewId, Map<String, JsonNode> columns) {

	}

}
