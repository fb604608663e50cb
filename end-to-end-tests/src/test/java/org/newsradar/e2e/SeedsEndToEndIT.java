package org.newsradar.e2e;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.newsradar.engines.TestEngines;
import org.newsradar.events.Topics;
import org.newsradar.ingest.feed.FixtureServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The three services together, as processes, on real Kafka and Elasticsearch: the five
 * seed articles go in through ingest-service and come out as documents and alerts.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SeedsEndToEndIT {

	private static final Path ROOT = Path.of(System.getProperty("newsradar.root", ".."));

	private static final HttpClient http = HttpClient.newHttpClient();

	/** Writing to ingest-service and alert-service needs it; sent by {@link #send}. */
	private static final String API_KEY = "e2e-" + UUID.randomUUID();

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final List<ServiceProcess> services = new ArrayList<>();

	private static ServiceProcess ingest;

	private static ServiceProcess enrich;

	private static ServiceProcess alert;

	private static KafkaConsumer<String, String> alerts;

	private static final Map<String, String> idsBySeed = new HashMap<>();

	@BeforeAll
	static void startServices() throws Exception {
		String kafka = "--spring.kafka.bootstrap-servers=" + TestEngines.kafkaBootstrapServers();
		String elasticsearch = "--newsradar.elasticsearch.uris=" + TestEngines.elasticsearchUrl();
		String apiKeys = "--newsradar.api.keys=" + API_KEY;
		ingest = ServiceProcess.start("ingest-service", "384m", kafka, apiKeys,
				// The test site is on the loopback interface, and its feeds are polled
				// every second.
				"--newsradar.outbound.allow-loopback=true", "--newsradar.ingest.feeds.host-delay=10ms",
				"--newsradar.ingest.feeds.min-interval=1s",
				// A line per article, for the trace check, is at DEBUG.
				"--logging.level.org.newsradar.ingest.article.IngestService=DEBUG");
		services.add(ingest);
		enrich = ServiceProcess.start("enrich-service", "1536m", kafka, elasticsearch,
				"--logging.level.org.newsradar.enrich.flow.EnrichmentFlow=DEBUG");
		services.add(enrich);
		alert = ServiceProcess.start("alert-service", "384m", kafka, elasticsearch, apiKeys);
		services.add(alert);
		services.forEach(ServiceProcess::awaitHealthy);

		alerts = new KafkaConsumer<>(
				Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestEngines.kafkaBootstrapServers(),
						ConsumerConfig.GROUP_ID_CONFIG, UUID.randomUUID().toString(),
						ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
				new StringDeserializer(), new StringDeserializer());
		// From the end: alerts other test classes raised on the shared broker are not
		// ours.
		List<TopicPartition> partitions = alerts.partitionsFor(Topics.ALERTS)
			.stream()
			.map((partition) -> new TopicPartition(partition.topic(), partition.partition()))
			.toList();
		alerts.assign(partitions);
		alerts.seekToEnd(partitions);
		partitions.forEach(alerts::position);
	}

	@AfterAll
	static void stopServices() throws Exception {
		if (alerts != null) {
			alerts.close();
		}
		for (ServiceProcess service : services) {
			service.close();
		}
	}

	@Test
	@Order(1)
	void theSeedsBecomeFiveDocumentsWithTheirLanguageAndTheJointStatementIsOneStory() throws Exception {
		HttpResponse<String> rule = send("PUT", alert.url("/api/rules/one-china"), "application/json",
				Files.readString(ROOT.resolve("examples/rules/one-china.json")));
		assertThat(rule.statusCode()).isEqualTo(201);
		for (Path seed : seeds()) {
			HttpResponse<String> response = postSeed(seed);
			assertThat(response.statusCode()).as(seed.toString()).isEqualTo(202);
			JsonNode outcome = json.readTree(response.body()).get("articles").get(0);
			assertThat(outcome.get("status").asString()).isEqualTo("new");
			idsBySeed.put(seed.getFileName().toString().substring(0, 3), outcome.get("id").asString());
		}

		await().atMost(Duration.ofMinutes(2)).untilAsserted(() -> assertThat(articleCount()).isEqualTo(5));
		Map<String, JsonNode> documents = new HashMap<>();
		idsBySeed.forEach((seed, id) -> documents.put(seed, document(id)));
		assertThat(documents.get("000").get("language").asString()).isEqualTo("en");
		assertThat(documents.get("001").get("language").asString()).isEqualTo("en");
		assertThat(documents.get("002").get("language").asString()).isEqualTo("en");
		assertThat(documents.get("003").get("language").asString()).isEqualTo("fr");
		assertThat(documents.get("004").get("language").asString()).isEqualTo("en");
		assertThat(documents.get("001").get("story_id")).isEqualTo(documents.get("003").get("story_id"));
		assertThat(documents.values().stream().map((document) -> document.get("story_id").asString()).distinct())
			.hasSize(4);
	}

	@Test
	@Order(2)
	void theOneChinaRuleRaisesOneAlertPerStory() {
		List<JsonNode> raised = new ArrayList<>();
		await().atMost(Duration.ofMinutes(1)).untilAsserted(() -> {
			pollAlerts(raised);
			assertThat(raised).extracting((alert) -> alert.get("article_id").asString())
				.contains(idsBySeed.get("000"))
				.containsAnyOf(idsBySeed.get("001"), idsBySeed.get("003"));
		});
		pollAlerts(raised);
		assertThat(raised).allSatisfy((alert) -> assertThat(alert.get("rule_id").asString()).isEqualTo("one-china"))
			.extracting((alert) -> alert.get("story_id").asString())
			.doesNotHaveDuplicates()
			.hasSize(2);
		// 001 and 003 are the English and French joint statement: whichever came first
		// raised the alert, the other was attached to it.
		assertThat(raised).extracting((alert) -> alert.get("article_id").asString())
			.containsOnlyOnce(idsBySeed.get("000"))
			.filteredOn((id) -> id.equals(idsBySeed.get("001")) || id.equals(idsBySeed.get("003")))
			.hasSize(1);
	}

	@Test
	@Order(3)
	void postingTheSeedsAgainChangesNeitherTheDocumentsNorTheAlerts() throws Exception {
		for (Path seed : seeds()) {
			HttpResponse<String> response = postSeed(seed);
			assertThat(json.readTree(response.body()).get("articles").get(0).get("status").asString())
				.isEqualTo("duplicate");
		}
		List<JsonNode> more = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			pollAlerts(more);
		}
		assertThat(more).isEmpty();
		assertThat(articleCount()).isEqualTo(5);
	}

	@Test
	@Order(4)
	void theKibanaSearchesAndDashboardShowTheSeeds() throws Exception {
		KibanaAssets assets = KibanaAssets.read();
		KibanaRequests kibana = new KibanaRequests(assets);
		send("POST", TestEngines.elasticsearchUrl() + "/alerts/_refresh", "application/json", "");

		// Every field is known to the node as Kibana asks for it: searchable, and
		// aggregatable where aggregated.
		for (KibanaAssets.FieldUse use : assets.fieldUses()) {
			String index = assets.indexOf(use.dataViewId());
			JsonNode capabilities = elasticsearch("GET", "/" + index + "/_field_caps?fields=" + use.field(), null)
				.path("fields")
				.path(use.field());
			assertThat(capabilities.isEmpty()).as("%s in %s", use, index).isFalse();
			JsonNode caps = capabilities.values().iterator().next();
			assertThat(caps.path("searchable").asBoolean()).as("%s searchable", use).isTrue();
			if (use.use().aggregates) {
				assertThat(caps.path("aggregatable").asBoolean()).as("%s aggregatable", use).isTrue();
			}
		}

		assertThat(searchSeeds(kibana, assets, "newsradar-official-statements")).containsExactlyInAnyOrder("000", "001",
				"002", "003", "004");
		assertThat(searchSeeds(kibana, assets, "newsradar-statements-by-country")).containsExactlyInAnyOrder("000",
				"001", "002", "003");
		assertThat(searchSeeds(kibana, assets, "newsradar-topic")).containsExactlyInAnyOrder("000", "001", "003");
		// Sorted by story: the English and French joint statement are next to each other.
		String story = String.join(",", searchSeeds(kibana, assets, "newsradar-story-across-languages"));
		assertThat(story).containsAnyOf("001,003", "003,001");

		assertThat(lens(kibana, assets, "newsradar-languages"))
			.containsExactlyInAnyOrder(Map.of("language", "en", "count", "4"), Map.of("language", "fr", "count", "1"));
		assertThat(lens(kibana, assets, "newsradar-top-countries")).contains(Map.of("country", "CN", "count", "5"),
				Map.of("country", "KZ", "count", "5"));
		assertThat(lens(kibana, assets, "newsradar-countries-map")).contains(Map.of("country", "TW", "count", "3"));
		assertThat(lens(kibana, assets, "newsradar-statement-makers")).contains(
				Map.of("by", "CN", "type", "joint_statement", "count", "2"),
				Map.of("by", "KZ", "type", "speech", "count", "1"));
		assertThat(lens(kibana, assets, "newsradar-stories-across-languages").get(0)).containsEntry("languages", "2")
			.containsEntry("count", "2");
		assertThat(countOver(lens(kibana, assets, "newsradar-articles-by-country"), "KZ")).isEqualTo(5);
		assertThat(countOver(lens(kibana, assets, "newsradar-articles-by-topic"), "one-china")).isEqualTo(3);
		assertThat(countOver(lens(kibana, assets, "newsradar-alerts-by-rule"), "One-China principle")).isEqualTo(2);
	}

	@Test
	@Order(5)
	void writingAndReadingNeedAnApiKeyWhenKeysAreSet() throws Exception {
		HttpRequest withoutKey = HttpRequest.newBuilder(URI.create(ingest.url("/api/articles")))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"title\":\"Unauthorised\",\"body\":\"never published\"}"))
			.build();
		HttpResponse<String> refused = http.send(withoutKey, HttpResponse.BodyHandlers.ofString());
		assertThat(refused.statusCode()).isEqualTo(401);
		assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json;charset=UTF-8");
		assertThat(json.readTree(refused.body()).get("detail").asString()).contains("needs an API key");
		HttpResponse<String> wrongKey = http.send(HttpRequest.newBuilder(URI.create(alert.url("/api/rules/x")))
			.header("X-API-Key", "not-" + API_KEY)
			.DELETE()
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(wrongKey.statusCode()).isEqualTo(401);
		assertThat(json.readTree(wrongKey.body()).get("detail").asString()).isEqualTo("The API key is not valid.");
		HttpResponse<String> readWithoutKey = http.send(
				HttpRequest.newBuilder(URI.create(alert.url("/api/rules"))).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(readWithoutKey.statusCode()).isEqualTo(401);
		assertThat(send("GET", alert.url("/api/rules"), null, null).statusCode()).isEqualTo(200);
		assertThat(articleCount()).isEqualTo(5);
	}

	@Test
	@Order(6)
	void oneTraceRunsFromIngestToTheAlertAndTheMetricsCountEachStep() throws Exception {
		String traceId = UUID.randomUUID().toString().replace("-", "");
		assertThat(send("PUT", alert.url("/api/rules/trace"), "application/json",
				"{\"name\":\"Trace check\",\"query\":\"" + traceId + "\"}")
			.statusCode()).isEqualTo(201);
		HttpRequest request = HttpRequest.newBuilder(URI.create(ingest.url("/api/articles")))
			.header("Content-Type", "application/json")
			.header("Authorization", "Bearer " + API_KEY)
			.header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")
			.POST(HttpRequest.BodyPublishers.ofString("{\"title\":\"A trace check\","
					+ "\"body\":\"Only the rule that looks for this token matches it: " + traceId + "\"}"))
			.build();
		String articleId = json.readTree(http.send(request, HttpResponse.BodyHandlers.ofString()).body())
			.at("/articles/0/id")
			.asString();

		List<ConsumerRecord<String, String>> raised = new ArrayList<>();
		await().atMost(Duration.ofMinutes(1)).untilAsserted(() -> {
			alerts.poll(Duration.ofSeconds(1)).forEach(raised::add);
			assertThat(raised).anySatisfy((record) -> assertThat(record.value()).contains(articleId));
		});
		ConsumerRecord<String, String> alertRecord = raised.stream()
			.filter((record) -> record.value().contains(articleId))
			.findFirst()
			.orElseThrow();
		assertThat(new String(alertRecord.headers().lastHeader("traceparent").value(), StandardCharsets.UTF_8))
			.startsWith("00-" + traceId + "-");
		// The same trace id on each service's log line about this article (written to
		// the log file a moment after the alert is on the topic).
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			assertThat(logLines(ingest, traceId))
				.anySatisfy((line) -> assertThat(line).contains("Ingested " + articleId));
			assertThat(logLines(enrich, traceId))
				.anySatisfy((line) -> assertThat(line).contains("Enriched " + articleId));
			assertThat(logLines(alert, traceId)).anySatisfy((line) -> assertThat(line).contains("ALERT [Trace check]"));
		});

		assertThat(metric(ingest, "newsradar_articles_ingested_total{application=\"ingest-service\",status=\"new\"}"))
			.isEqualTo(6);
		assertThat(metric(ingest,
				"newsradar_articles_ingested_total{application=\"ingest-service\",status=\"duplicate\"}"))
			.isEqualTo(5);
		// One meter summed over its tags, as the pipeline benchmark reads it without a
		// whole scrape.
		JsonNode ingested = json
			.readTree(send("GET", ingest.url("/actuator/metrics/newsradar.articles.ingested"), null, null).body());
		assertThat(ingested.at("/measurements/0/statistic").asString()).isEqualTo("COUNT");
		assertThat(ingested.at("/measurements/0/value").asDouble()).isEqualTo(11);
		assertThat(metric(enrich, "newsradar_articles_enriched_total{application=\"enrich-service\"}")).isEqualTo(6);
		assertThat(
				metric(enrich, "newsradar_articles_indexed_total{application=\"enrich-service\",outcome=\"success\"}"))
			.isEqualTo(6);
		assertThat(metric(enrich,
				"newsradar_elasticsearch_bulk_seconds_count{application=\"enrich-service\",outcome=\"success\"}"))
			.isPositive();
		assertThat(metric(alert, "newsradar_alerts_raised_total{application=\"alert-service\"}")).isEqualTo(3);
		assertThat(scrape(alert)).contains("kafka_consumer_fetch_manager_records_lag_max{");
		for (ServiceProcess service : List.of(enrich, alert)) {
			JsonNode readiness = json
				.readTree(send("GET", service.url("/actuator/health/readiness"), null, null).body());
			assertThat(readiness.get("status").asString()).isEqualTo("UP");
			assertThat(readiness.get("components").propertyNames()).contains("kafka", "elasticsearch");
		}
	}

	@Test
	@Order(7)
	void feedsRegisteredOnTheRunningStackArriveInElasticsearchOnceEachUnderTheirCanonicalUrl() throws Exception {
		try (FixtureServer site = new FixtureServer()
			.resource("/feeds/world.rss", "/feeds/ministry-rss2.xml", "application/rss+xml; charset=utf-8")
			.resource("/feeds/courier.atom", "/feeds/courier-atom.xml", "application/atom+xml")
			.resource("/world/2024/01/15/kazakhstan-one-china?utm_source=rss&utm_medium=feed",
					"/pages/ministry-statement.html", "text/html; charset=utf-8")
			.resource("/world/2024/05/17/china-kazakhstan-joint-statement?utm_source=rss",
					"/pages/joint-statement.html", "text/html; charset=utf-8")
			.resource("/amp/world/2024/05/17/china-kazakhstan-joint-statement", "/pages/joint-statement.html",
					"text/html; charset=utf-8")) {
			Map<String, String> feeds = new HashMap<>();
			for (String path : List.of("/feeds/world.rss", "/feeds/courier.atom", "/feeds/gone.rss")) {
				HttpResponse<String> added = send("POST", ingest.url("/api/feeds"), "application/json",
						"{\"url\":\"%s\",\"interval\":\"1s\"}".formatted(site.url(path)));
				assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
				feeds.put(path, json.readTree(added.body()).get("id").asString());
			}
			String base = site.base();
			List<String> expected = List.of(base + "/world/2024/01/15/kazakhstan-one-china",
					base + "/world/2024/05/17/china-kazakhstan-joint-statement",
					base + "/world/2024/05/20/minister-receives-japan-ambassador",
					base + "/opinion/2024/06/01/neutrality-speech");
			await().atMost(Duration.ofMinutes(1)).until(() -> articlesFrom(base).size() == expected.size());
			await().atMost(Duration.ofSeconds(30))
				.until(() -> feedStatus(feeds.get("/feeds/world.rss")).get("status").asString().equals("not_modified")
						&& feedStatus(feeds.get("/feeds/courier.atom")).get("status")
							.asString()
							.equals("not_modified"));

			List<JsonNode> articles = articlesFrom(base);
			assertThat(articles).extracting((article) -> article.get("url").asString())
				.containsExactlyInAnyOrderElementsOf(expected);
			JsonNode statement = articles.stream()
				.filter((article) -> article.get("url").asString().equals(expected.get(0)))
				.findFirst()
				.orElseThrow();
			assertThat(statement.get("body").asString())
				.startsWith("ASTANA – The Ministry of Foreign Affairs of Kazakhstan said on Monday")
				.doesNotContain("Leave a Reply", "Related articles", "Advertisement");
			assertThat(statement.get("countries").valueStream().map(JsonNode::asString)).contains("KZ", "CN");

			JsonNode gone = feedStatus(feeds.get("/feeds/gone.rss"));
			assertThat(gone.get("status").asString()).isEqualTo("error");
			assertThat(gone.get("last_error").asString())
				.isEqualTo("The feed " + base + "/feeds/gone.rss answered HTTP 404 Not Found");
			for (String id : feeds.values()) {
				assertThat(send("DELETE", ingest.url("/api/feeds/" + id), null, null).statusCode()).isEqualTo(204);
			}
		}
	}

	/** The documents whose URL is on the test site; each URL once in the index. */
	private static List<JsonNode> articlesFrom(String site) throws Exception {
		elasticsearch("POST", "/articles/_refresh", "");
		JsonNode hits = elasticsearch("POST", "/articles/_search",
				"{\"size\":50,\"query\":{\"prefix\":{\"url\":\"%s\"}}}".formatted(site))
			.get("hits")
			.get("hits");
		return hits.valueStream().map((hit) -> hit.get("_source")).toList();
	}

	private static JsonNode feedStatus(String id) throws Exception {
		return json.readTree(send("GET", ingest.url("/api/feeds/" + id), null, null).body());
	}

	private static List<String> logLines(ServiceProcess service, String traceId) throws Exception {
		return Files.readAllLines(service.log())
			.stream()
			.filter((line) -> line.contains("\"trace.id\":\"" + traceId + "\""))
			.toList();
	}

	private static String scrape(ServiceProcess service) throws Exception {
		HttpResponse<String> response = send("GET", service.url("/actuator/prometheus"), null, null);
		assertThat(response.statusCode()).isEqualTo(200);
		return response.body();
	}

	/** A sample's value in the service's Prometheus scrape. */
	private static double metric(ServiceProcess service, String sample) throws Exception {
		return scrape(service).lines()
			.filter((line) -> line.startsWith(sample + " "))
			.mapToDouble((line) -> Double.parseDouble(line.substring(sample.length() + 1)))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no sample " + sample + " in " + service.name));
	}

	/** The count of one split value, summed over the time buckets. */
	private static int countOver(List<Map<String, String>> rows, String split) {
		return rows.stream()
			.filter((row) -> split.equals(row.get("split")))
			.mapToInt((row) -> Integer.parseInt(row.get("count")))
			.sum();
	}

	/** The seeds (by number) a saved search finds, in its order. */
	private static List<String> searchSeeds(KibanaRequests kibana, KibanaAssets assets, String id) throws Exception {
		KibanaAssets.SavedObject search = assets.get("search", id);
		List<String> ids = KibanaRequests
			.ids(elasticsearch("POST", "/" + kibana.index(search) + "/_search", kibana.search(search)));
		Map<String, String> seedsById = new HashMap<>();
		idsBySeed.forEach((seed, articleId) -> seedsById.put(articleId, seed));
		return ids.stream().map(seedsById::get).toList();
	}

	/** The table a Lens visualization computes, without the date column. */
	private static List<Map<String, String>> lens(KibanaRequests kibana, KibanaAssets assets, String id)
			throws Exception {
		KibanaAssets.SavedObject lens = assets.get("lens", id);
		KibanaAssets.LensLayer layer = lens.lensLayers().get(0);
		JsonNode response = elasticsearch("POST", "/" + kibana.index(layer) + "/_search", kibana.lens(lens, layer));
		List<Map<String, String>> rows = KibanaRequests.rows(layer, response);
		assertThat(rows).as("%s: %s", id, response).isNotEmpty();
		return rows.stream().map((row) -> {
			Map<String, String> withoutTime = new HashMap<>(row);
			withoutTime.remove("time");
			return withoutTime;
		}).toList();
	}

	private static JsonNode elasticsearch(String method, String path, String body) throws Exception {
		HttpResponse<String> response = send(method, TestEngines.elasticsearchUrl() + path, "application/json", body);
		assertThat(response.statusCode()).as("%s %s: %s", method, path, response.body()).isEqualTo(200);
		return json.readTree(response.body());
	}

	private static void pollAlerts(List<JsonNode> into) {
		for (ConsumerRecord<String, String> record : alerts.poll(Duration.ofSeconds(1))) {
			into.add(json.readTree(record.value()));
		}
	}

	private static List<Path> seeds() throws Exception {
		try (Stream<Path> files = Files.list(ROOT.resolve("seeds"))) {
			return files.filter((file) -> file.toString().endsWith(".txt")).sorted().toList();
		}
	}

	private static HttpResponse<String> postSeed(Path seed) throws Exception {
		return send("POST", ingest.url("/api/articles?source=" + seed.getFileName()), "text/plain",
				Files.readString(seed));
	}

	private static long articleCount() throws Exception {
		send("POST", TestEngines.elasticsearchUrl() + "/articles/_refresh", "application/json", "");
		return json
			.readTree(send("GET", TestEngines.elasticsearchUrl() + "/articles/_count", "application/json", null).body())
			.get("count")
			.asLong();
	}

	private static JsonNode document(String id) {
		try {
			return json
				.readTree(send("GET", TestEngines.elasticsearchUrl() + "/articles/_doc/" + id, "application/json", null)
					.body())
				.get("_source");
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static HttpResponse<String> send(String method, String url, String contentType, String body)
			throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
			.method(method,
					(body != null) ? HttpRequest.BodyPublishers.ofString(body) : HttpRequest.BodyPublishers.noBody());
		if (contentType != null) {
			request.header("Content-Type", contentType);
		}
		if (!url.startsWith(TestEngines.elasticsearchUrl())) {
			request.header("Authorization", "Bearer " + API_KEY);
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
