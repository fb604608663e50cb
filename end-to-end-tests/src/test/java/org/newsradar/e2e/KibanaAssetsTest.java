package org.newsradar.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.newsradar.e2e.KibanaAssets.FieldUse;
import org.newsradar.e2e.KibanaAssets.LensLayer;
import org.newsradar.e2e.KibanaAssets.SavedObject;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Kibana saved objects hold together without a Kibana: every object is complete,
 * every reference resolves, and every field they use is mapped by the index template
 * behind the data view with a type that supports the use. {@code SeedsEndToEndIT} then
 * runs their aggregations and queries against a real node.
 */
class KibanaAssetsTest {

	private static final Path ROOT = Path.of(System.getProperty("newsradar.root", ".."));

	/** The index templates behind each data view's index pattern. */
	private static final Map<String, Path> TEMPLATES = Map.of("articles",
			ROOT.resolve(
					"newsradar-elasticsearch/src/main/resources/org/newsradar/elasticsearch/articles-template.json"),
			"alerts", ROOT.resolve("alert-service/src/main/resources/elasticsearch/alerts-template.json"));

	/** Field types Elasticsearch aggregates and sorts on (doc values). */
	private static final Set<String> AGGREGATABLE = Set.of("keyword", "date", "boolean", "integer", "long", "float",
			"double", "ip");

	private static final JsonMapper json = JsonMapper.builder().build();

	private final KibanaAssets assets = KibanaAssets.read();

	@Test
	void theNewsroomShipsItsDataViewsSearchesAndDashboard() {
		assertThat(this.assets.objects()).extracting(SavedObject::key)
			.contains("index-pattern:newsradar-articles", "index-pattern:newsradar-alerts",
					"search:newsradar-official-statements", "search:newsradar-statements-by-country",
					"search:newsradar-topic", "search:newsradar-story-across-languages",
					"dashboard:newsradar-newsroom");
		assertThat(this.assets.get("index-pattern", "newsradar-articles").attributes().path("timeFieldName").asString())
			.isEqualTo("published_at");
		assertThat(this.assets.indexOf("newsradar-articles")).isEqualTo("articles");
		assertThat(this.assets.indexOf("newsradar-alerts")).isEqualTo("alerts");
		assertThat(this.assets.objects()).allSatisfy((object) -> {
			assertThat(object.id()).as(object.location()).isNotBlank();
			assertThat(object.attributes().path("title").asString()).as(object.location()).isNotBlank();
			assertThat(object.references().isArray()).as(object.location()).isTrue();
		});
	}

	@Test
	void everyReferenceNamesAnObjectThatIsShipped() {
		List<String> missing = new ArrayList<>();
		for (SavedObject object : this.assets.objects()) {
			for (JsonNode reference : object.references()) {
				if (this.assets.get(reference.path("type").asString(), reference.path("id").asString()) == null) {
					missing.add(object.key() + " -> " + reference);
				}
			}
		}
		assertThat(missing).isEmpty();
	}

	@Test
	void everyPanelSearchAndLensLayerHasItsReference() {
		for (SavedObject dashboard : this.assets.objects("dashboard")) {
			for (JsonNode panel : dashboard.panels()) {
				String name = panel.path("panelIndex").asString() + ":" + panel.path("panelRefName").asString();
				JsonNode reference = dashboard.reference(name);
				assertThat(reference.isMissingNode()).as("%s panel %s", dashboard.id(), name).isFalse();
				assertThat(reference.path("type").asString()).isEqualTo(panel.path("type").asString());
			}
			assertThat(dashboard.references()).hasSize(dashboard.panels().size());
		}
		for (SavedObject search : this.assets.objects("search")) {
			assertThat(search.searchSource().path("indexRefName").asString())
				.isEqualTo("kibanaSavedObjectMeta.searchSourceJSON.index");
			assertThat(search.reference("kibanaSavedObjectMeta.searchSourceJSON.index").path("type").asString())
				.as(search.id())
				.isEqualTo("index-pattern");
		}
		for (SavedObject lens : this.assets.objects("lens")) {
			assertThat(lens.lensLayers()).as(lens.id()).isNotEmpty().allSatisfy((layer) -> {
				assertThat(layer.dataViewId()).as("%s layer %s", lens.id(), layer.id()).isNotNull();
				assertThat(layer.columns().values()).as(lens.id()).doesNotContainNull();
			});
		}
	}

	@Test
	void lensVisualizationsShowColumnsTheirLayerComputes() {
		for (SavedObject lens : this.assets.objects("lens")) {
			LensLayer layer = lens.lensLayers().get(0);
			JsonNode visualization = lens.attributes().path("state").path("visualization");
			List<String> accessors = new ArrayList<>();
			List<String> layerIds = new ArrayList<>();
			collectAccessors(visualization, accessors, layerIds);
			assertThat(accessors).as(lens.id()).isNotEmpty();
			assertThat(layer.columns()).as(lens.id()).containsKeys(accessors.toArray(String[]::new));
			assertThat(layerIds).as(lens.id()).containsOnly(layer.id());
		}
	}

	@Test
	void everyFieldIsMappedWithATypeThatSupportsItsUse() throws IOException {
		List<String> problems = new ArrayList<>();
		for (FieldUse use : this.assets.fieldUses()) {
			String index = this.assets.indexOf(use.dataViewId());
			JsonNode mapping = mappedField(readTemplate(index), use.field());
			String type = mapping.path("type").asString(null);
			if (type == null) {
				problems.add(use + ": not mapped in the " + index + " template");
			}
			else if (use.use().aggregates && !AGGREGATABLE.contains(type)) {
				problems.add(use + ": a " + type + " field cannot be aggregated or sorted");
			}
			else if (use.use() == KibanaAssets.Use.DATE_HISTOGRAM || use.use() == KibanaAssets.Use.TIME_FIELD) {
				if (!type.equals("date")) {
					problems.add(use + ": a " + type + " field is no time axis");
				}
			}
		}
		assertThat(problems).isEmpty();
	}

	@Test
	void theFieldLookupFollowsObjectsAndMultiFieldsAndQueriesNameTheirFields() throws IOException {
		JsonNode template = readTemplate("articles");
		assertThat(mappedField(template, "body").path("type").asString()).isEqualTo("text");
		assertThat(mappedField(template, "title.raw").path("type").asString()).isEqualTo("keyword");
		assertThat(mappedField(template, "statement.by").path("type").asString()).isEqualTo("keyword");
		assertThat(mappedField(template, "no_such_field").isMissingNode()).isTrue();
		assertThat(KibanaAssets.queryFields("_exists_:statement.type AND topics:\"one-china\" OR \"a:b\""))
			.containsExactly("statement.type", "topics");
	}

	private static void collectAccessors(JsonNode node, List<String> accessors, List<String> layerIds) {
		if (node.isObject()) {
			for (Map.Entry<String, JsonNode> property : node.properties()) {
				String name = property.getKey();
				JsonNode value = property.getValue();
				if (name.equals("layerId")) {
					layerIds.add(value.asString());
				}
				else if (name.endsWith("Accessor") || name.equals("columnId")) {
					accessors.add(value.asString());
				}
				else if (name.equals("accessors") || name.equals("primaryGroups") || name.equals("metrics")) {
					value.forEach((accessor) -> accessors.add(accessor.asString()));
				}
				else {
					collectAccessors(value, accessors, layerIds);
				}
			}
		}
		else if (node.isArray()) {
			node.forEach((element) -> collectAccessors(element, accessors, layerIds));
		}
	}

	private static JsonNode readTemplate(String index) throws IOException {
		return json.readTree(Files.readString(TEMPLATES.get(index)));
	}

	/** The mapping of a dotted field name, through objects and multi-fields. */
	private static JsonNode mappedField(JsonNode template, String field) {
		JsonNode current = template.path("template").path("mappings");
		for (String part : field.split("\\.")) {
			JsonNode next = current.path("properties").path(part);
			current = next.isMissingNode() ? current.path("fields").path(part) : next;
		}
		return current;
	}

}
