package org.newsradar.alert.matching;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.newsradar.alert.rule.WatchRule;
import org.newsradar.engines.TestEngines;
import org.newsradar.events.ArticleEnriched;
import org.newsradar.events.Topics;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AlertFlowIT {

	@DynamicPropertySource
	static void engines(DynamicPropertyRegistry registry) {
		TestEngines.registerKafka(registry);
		TestEngines.createTopics(3, Topics.ARTICLES_ENRICHED);
	}

	@LocalServerPort
	int port;

	@Autowired
	KafkaTemplate<String, Object> kafka;

	@Autowired
	JsonMapper json;

	private final HttpClient http = HttpClient.newHttpClient();

	private Consumer<String, String> alerts;

	@BeforeEach
	void followAlerts() {
		this.alerts = TestEngines.follow(new StringDeserializer(), Topics.ALERTS);
	}

	@AfterEach
	void close() {
		this.alerts.close();
	}

	@Test
	void raisesOneAlertPerStoryAcrossLanguagesAndNoneForOtherArticles() throws Exception {
		String topic = "one-china";
		HttpResponse<String> created = send("POST", "/api/rules",
				"{\"name\":\"One-China watch\",\"topics\":[\"%s\"],\"languages\":[\"en\",\"fr\"]}".formatted(topic));
		assertThat(created.statusCode()).isEqualTo(201);
		String ruleId = this.json.readTree(created.body()).get("id").asString();
		String story = UUID.randomUUID().toString();

		publish(article("en-" + story, "en", story, List.of(topic)));
		publish(article("fr-" + story, "fr", story, List.of(topic)));
		publish(article("other-" + story, "en", "other-" + story, List.of("trade")));

		List<JsonNode> raised = awaitAlerts(ruleId, 1);
		assertThat(this.alerts.poll(Duration.ofSeconds(3)).records(Topics.ALERTS)).isEmpty();
		assertThat(raised).singleElement().satisfies((alert) -> {
			assertThat(alert.get("story_id").asString()).isEqualTo(story);
			assertThat(alert.get("article_id").asString()).isEqualTo("en-" + story);
			assertThat(alert.get("rule_name").asString()).isEqualTo("One-China watch");
			assertThat(alert.get("snippet").asString()).startsWith("Kazakhstan firmly supports");
			assertThat(alert.get("alert_id").asString()).matches("[0-9a-f]{16}");
			assertThat(alert.has("matched_at")).isTrue();
		});
	}

	@Test
	void rulesCanBeReadReplacedAndDeleted() throws Exception {
		assertThat(send("PUT", "/api/rules/central-asia", "{\"name\":\"Central Asia\",\"countries\":[\"KZ\"]}")
			.statusCode()).isEqualTo(201);
		assertThat(send("PUT", "/api/rules/central-asia", "{\"name\":\"Central Asia\",\"countries\":[\"KZ\",\"UZ\"]}")
			.statusCode()).isEqualTo(200);
		JsonNode rule = this.json.readTree(send("GET", "/api/rules/central-asia", null).body());
		assertThat(rule.get("countries")).extracting(JsonNode::asString).containsExactly("KZ", "UZ");
		assertThat(send("DELETE", "/api/rules/central-asia", null).statusCode()).isEqualTo(204);
		assertThat(send("GET", "/api/rules/central-asia", null).statusCode()).isEqualTo(404);
	}

	@Test
	void anInvalidRuleGetsAProblemNamingTheField() throws Exception {
		HttpResponse<String> response = send("POST", "/api/rules",
				"{\"name\":\"x\",\"query\":\"title:(\",\"countries\":[\"XX\"]}");
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		JsonNode problem = this.json.readTree(response.body());
		assertThat(problem.get("errors")).extracting((error) -> error.get("field").asString())
			.containsExactly("query", "countries");
		assertThat(problem.get("detail").asString()).contains("countries 'XX' is not an ISO 3166-1 alpha-2 code");
	}

	@Test
	void followsRulesWrittenByAnotherInstance() throws Exception {
		String id = "written-elsewhere-" + UUID.randomUUID();
		this.kafka
			.send(Topics.WATCH_RULES, id,
					new WatchRule(id, "Elsewhere", null, List.of("TW"), null, null, null, null, null, null, null))
			.get();
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(send("GET", "/api/rules/" + id, null).statusCode()).isEqualTo(200));
		this.kafka.send(Topics.WATCH_RULES, id, null).get();
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(send("GET", "/api/rules/" + id, null).statusCode()).isEqualTo(404));
	}

	private static ArticleEnriched article(String id, String language, String story, List<String> topics) {
		return new ArticleEnriched(id, null, "test", "Kazakhstan reaffirms its position",
				"Kazakhstan firmly supports the one-China principle.", null, Instant.now(), Instant.now(), language,
				List.of("KZ", "CN"), topics, List.of(), List.of(), List.of(), List.of(), null, story);
	}

	private void publish(ArticleEnriched article) throws Exception {
		this.kafka.send(Topics.ARTICLES_ENRICHED, article.id(), article).get();
	}

	private List<JsonNode> awaitAlerts(String ruleId, int count) {
		List<JsonNode> raised = new ArrayList<>();
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			for (ConsumerRecord<String, String> record : this.alerts.poll(Duration.ofMillis(200))) {
				assertThat(record.key()).isEqualTo(ruleId);
				raised.add(this.json.readTree(record.value()));
			}
			assertThat(raised).hasSizeGreaterThanOrEqualTo(count);
		});
		return raised;
	}

	private HttpResponse<String> send(String method, String path, String body) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.header("Content-Type", "application/json");
		request.method(method,
				(body != null) ? HttpRequest.BodyPublishers.ofString(body) : HttpRequest.BodyPublishers.noBody());
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
