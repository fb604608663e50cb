package org.newsradar.alert.raised;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.newsradar.alert.rule.WatchRule;
import org.newsradar.alert.support.WebhookReceiver;
import org.newsradar.engines.TestEngines;
import org.newsradar.events.ArticleEnriched;
import org.newsradar.events.CloudEvents;
import org.newsradar.events.Topics;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "newsradar.alert.delivery.initial-backoff=300ms", "newsradar.alert.delivery.max-attempts=4",
				"newsradar.alert.delivery.poll-interval=100ms", "newsradar.alert.delivery.timeout=3s",
				"newsradar.alert.digest.grace=1500ms", "newsradar.alert.digest.check-interval=200ms",
				"newsradar.outbound.allow-loopback=true" })
// Closed after the class: a context left running would match the articles of later
// tests in its own consumer group and publish their alerts a second time.
@DirtiesContext
class AlertFlowIT {

	static final GreenMail smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());

	static final WebhookReceiver receiver = newReceiver();

	@DynamicPropertySource
	static void engines(DynamicPropertyRegistry registry) {
		smtp.start();
		TestEngines.registerKafka(registry);
		TestEngines.registerElasticsearch(registry);
		TestEngines.createTopics(3, Topics.ARTICLES_ENRICHED);
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", () -> smtp.getSmtp().getPort());
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
		receiver.answer(204);
	}

	@AfterAll
	static void stopReceivers() {
		receiver.close();
		smtp.stop();
	}

	@Test
	void raisesOneAlertPerStoryAndAttachesTheSecondLanguage() throws Exception {
		String ruleId = createRule(
				"""
						{"name":"One-China watch","query":"\\"one-China\\" OR Taiwan","topics":["one-china"],"languages":["en","fr"]}""");
		String story = UUID.randomUUID().toString();

		publish(article("en-" + story, "en", story, "Kazakhstan firmly supports the one-China principle."));
		publish(article("fr-" + story, "fr", story, "Le Kazakhstan soutient le principe d'une seule Chine et Taïwan."));
		publish(article("other-" + story, "de", "other-" + story, "Kasachstan unterstützt das Ein-China-Prinzip."));

		JsonNode alert = awaitAlerts(ruleId, 1).get(0);
		assertThat(this.alerts.poll(Duration.ofSeconds(3)).records(Topics.ALERTS))
			.noneMatch((record) -> record.key().equals(ruleId));
		assertThat(alert.get("story_id").asString()).isEqualTo(story);
		// The two articles are on different partitions: either may come first.
		assertThat(alert.get("article_id").asString()).isIn("en-" + story, "fr-" + story);
		assertThat(alert.get("rule_name").asString()).isEqualTo("One-China watch");
		if (alert.get("article_id").asString().startsWith("en-")) {
			assertThat(alert.get("snippet").asString()).contains("the <em>one-China</em> principle");
			assertThat(alert.get("match").get("terms")).extracting(JsonNode::asString).containsExactly("one-china");
		}
		else {
			assertThat(alert.get("snippet").asString()).contains("<em>Taïwan</em>");
			assertThat(alert.get("match").get("terms")).extracting(JsonNode::asString).containsExactly("taïwan");
		}
		assertThat(alert.get("match").get("filters").get("topics")).extracting(JsonNode::asString)
			.containsExactly("one-china");
		assertThat(alert.has("matched_at")).isTrue();

		String alertId = alert.get("alert_id").asString();
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
			JsonNode stored = this.json.readTree(send("GET", "/api/alerts/" + alertId, null).body());
			assertThat(stored.get("articles")).extracting((article) -> article.get("article_id").asString())
				.containsExactlyInAnyOrder("en-" + story, "fr-" + story);
			assertThat(stored.get("article_count").asInt()).isEqualTo(2);
		});
		// Searches see the alert after the index refreshes (1 s).
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			JsonNode listed = this.json.readTree(send("GET", "/api/alerts?rule_id=" + ruleId, null).body());
			assertThat(listed).extracting((item) -> item.get("alert_id").asString()).containsExactly(alertId);
		});
	}

	@Test
	void sendsAnUnreadableArticleToTheDeadLettersAndGoesOn() throws Exception {
		String ruleId = createRule("""
				{"name":"After the garbage","query":"aftergarbage"}""");
		try (Consumer<String, String> deadLetters = TestEngines.follow(new StringDeserializer(),
				Topics.deadLetter(Topics.ARTICLES_ENRICHED))) {
			this.kafka.send(Topics.ARTICLES_ENRICHED, "garbage", "this is not an article").get();
			String story = UUID.randomUUID().toString();
			publish(article("after-" + story, "en", story, "Aftergarbage: the next article still alerts."));

			assertThat(awaitAlerts(ruleId, 1)).singleElement()
				.satisfies((alert) -> assertThat(alert.get("story_id").asString()).isEqualTo(story));
			List<ConsumerRecord<String, String>> dead = new ArrayList<>();
			await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
				deadLetters.poll(Duration.ofMillis(200)).forEach(dead::add);
				assertThat(dead).extracting(ConsumerRecord::key).contains("garbage");
			});
		}
	}

	@Test
	void deliversSignedWebhooksAndRetriesUntilTheReceiverIsBack() throws Exception {
		receiver.answer(503);
		String rule = """
				{"name":"Central Asia","countries":["KZ"],"channels":[{"type":"webhook","url":"%s"}]}"""
			.formatted(receiver.url("/retry"));
		HttpResponse<String> created = send("POST", "/api/rules", rule);
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		String ruleId = this.json.readTree(created.body()).get("id").asString();
		String secret = this.json.readTree(created.body()).get("channels").get(0).get("secret").asString();
		assertThat(secret).as("shown once, in the answer that made it").startsWith("whsec_");
		// Never read back, and replacing the rule without a secret keeps the receiver's.
		assertThat(send("PUT", "/api/rules/" + ruleId, rule).body()).doesNotContain(secret);
		for (String read : List.of("/api/rules/" + ruleId, "/api/rules")) {
			String body = send("GET", read, null).body();
			assertThat(body).as(read)
				.doesNotContain(secret.substring("whsec_".length(), 20))
				.contains("\"secret_hint\":\"..." + secret.substring(secret.length() - 4) + "\"");
		}
		String story = UUID.randomUUID().toString();
		publish(article("kz-" + story, "en", story, "Astana hosts the summit."));

		await().atMost(Duration.ofSeconds(20)).until(() -> receiver.requests("/retry").size() >= 2);
		receiver.answer(204);
		await().atMost(Duration.ofSeconds(20))
			.until(() -> receiver.requests("/retry").stream().anyMatch((request) -> request.answeredWith() == 204));

		List<WebhookReceiver.Request> attempts = receiver.requests("/retry");
		assertThat(attempts.stream().map((request) -> request.header("webhook-id")).collect(Collectors.toSet()))
			.hasSize(1);
		for (WebhookReceiver.Request attempt : attempts) {
			assertThat(attempt.header("webhook-signature")).isEqualTo("v1," + sign(secret, attempt));
			assertThat(Long.parseLong(attempt.header("webhook-timestamp"))).isCloseTo(Instant.now().getEpochSecond(),
					org.assertj.core.data.Offset.offset(60L));
			assertThat(this.json.readTree(attempt.body()).get("rule_id").asString()).isEqualTo(ruleId);
		}
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			JsonNode deliveries = this.json.readTree(send("GET", "/api/deliveries?rule_id=" + ruleId, null).body());
			assertThat(deliveries).singleElement().satisfies((delivery) -> {
				assertThat(delivery.get("status").asString()).isEqualTo("delivered");
				assertThat(delivery.get("attempts").asInt()).isEqualTo(attempts.size());
				assertThat(delivery.get("delivery_id").asString()).isEqualTo(attempts.get(0).header("webhook-id"));
			});
		});
	}

	@Test
	void postsToSlackMattermostAndTeamsIncomingWebhooksInTheirOwnPayloads() throws Exception {
		String word = "chatdesk" + UUID.randomUUID().toString().substring(0, 8);
		String rule = """
				{"name":"Chat desks","query":"%s","channels":[{"type":"slack","url":"%s"},
				{"type":"mattermost","url":"%s"},{"type":"teams","url":"%s"}]}""".formatted(word,
				receiver.url("/slack"), receiver.url("/mattermost"), receiver.url("/teams"));
		HttpResponse<String> created = send("POST", "/api/rules", rule);
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		assertThat(created.body()).doesNotContain("whsec_");
		String story = UUID.randomUUID().toString();
		publish(article("chat-" + story, "en", story, "Astana opens the " + word + " talks."));

		await().atMost(Duration.ofSeconds(20))
			.until(() -> Stream.of("/slack", "/mattermost", "/teams")
				.allMatch((path) -> !receiver.requests(path).isEmpty()));
		JsonNode slack = this.json.readTree(receiver.requests("/slack").get(0).body());
		assertThat(slack.get("text").asString()).startsWith("NewsRadar alert of \u201cChat desks\u201d")
			.contains("|Kazakhstan reaffirms its position>*", "*" + word + "*");
		assertThat(this.json.readTree(receiver.requests("/mattermost").get(0).body()).get("text").asString())
			.contains("**[Kazakhstan reaffirms its position](https://example.org/chat-");
		JsonNode teams = this.json.readTree(receiver.requests("/teams").get(0).body());
		assertThat(teams.at("/attachments/0/content/type").asString()).isEqualTo("AdaptiveCard");
		assertThat(receiver.requests("/slack").get(0).header("webhook-signature")).as("chat webhooks are not signed")
			.isNull();

		HttpResponse<String> signed = send("POST", "/api/rules", """
				{"name":"Signed chat","channels":[{"type":"slack","url":"%s","secret":"whsec_x"}]}"""
			.formatted(receiver.url("/slack")));
		assertThat(signed.statusCode()).isEqualTo(400);
		assertThat(signed.body()).contains("channels[0].secret", "is for type webhook only");
	}

	@Test
	void alertsAndRulesAreListedInPagesWithACursorAndATotal() throws Exception {
		String word = "paged" + UUID.randomUUID().toString().substring(0, 8);
		String ruleId = this.json
			.readTree(send("POST", "/api/rules", "{\"name\":\"Paged\",\"query\":\"" + word + "\"}").body())
			.get("id")
			.asString();
		for (int i = 0; i < 3; i++) {
			String story = UUID.randomUUID().toString();
			publish(article("paged-" + story, "en", story, "Astana on " + word + " number " + i + "."));
		}
		String first = "/api/alerts?size=2&rule_id=" + ruleId;
		await().atMost(Duration.ofSeconds(20))
			.until(() -> "3".equals(send("GET", first, null).headers().firstValue("X-Total-Count").orElse("")));
		HttpResponse<String> page1 = send("GET", first, null);
		assertThat(this.json.readTree(page1.body())).hasSize(2);
		String next = page1.headers().firstValue("Link").orElseThrow();
		assertThat(next).contains("cursor=" + page1.headers().firstValue("X-Next-Cursor").orElseThrow())
			.endsWith(">; rel=\"next\"");
		HttpResponse<String> page2 = send("GET",
				first + "&cursor=" + page1.headers().firstValue("X-Next-Cursor").orElseThrow(), null);
		assertThat(this.json.readTree(page2.body())).hasSize(1);
		assertThat(page2.headers().firstValue("X-Next-Cursor")).as("the last page").isEmpty();
		List<String> ids = new ArrayList<>();
		this.json.readTree(page1.body()).forEach((alert) -> ids.add(alert.get("alert_id").asString()));
		this.json.readTree(page2.body()).forEach((alert) -> ids.add(alert.get("alert_id").asString()));
		assertThat(ids).doesNotHaveDuplicates().hasSize(3);

		HttpResponse<String> wrong = send("GET", first + "&cursor=bm90LW1pbmU", null);
		assertThat(wrong.statusCode()).isEqualTo(400);
		assertThat(wrong.body()).contains("is not one this list gave");

		HttpResponse<String> rules = send("GET", "/api/rules?size=1", null);
		assertThat(this.json.readTree(rules.body())).hasSize(1);
		assertThat(Integer.parseInt(rules.headers().firstValue("X-Total-Count").orElseThrow())).isGreaterThan(1);
		assertThat(rules.headers().firstValue("X-Next-Cursor")).isPresent();
	}

	@Test
	void deadLettersADeliveryAfterItsLastAttempt() throws Exception {
		try (Consumer<String, String> deadLetters = TestEngines.follow(new StringDeserializer(),
				Topics.deadLetter(Topics.ALERTS)); WebhookReceiver broken = newReceiver()) {
			broken.answer(500);
			String ruleId = createRule("""
					{"name":"Broken receiver","countries":["UZ"],"channels":[{"type":"webhook","url":"%s"}]}"""
				.formatted(broken.url("/broken")));
			String story = UUID.randomUUID().toString();
			publish(new ArticleEnriched("uz-" + story, null, "test", "Tashkent", "Uzbekistan.", null, Instant.now(),
					Instant.now(), "en", List.of("UZ"), List.of(), List.of(), List.of(), List.of(), List.of(), null,
					story));

			List<ConsumerRecord<String, String>> dead = new ArrayList<>();
			await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
				deadLetters.poll(Duration.ofMillis(200)).forEach(dead::add);
				assertThat(dead).isNotEmpty();
			});
			assertThat(broken.requests("/broken")).hasSize(4);
			JsonNode letter = this.json.readTree(dead.get(0).value());
			assertThat(letter.get("rule_id").asString()).isEqualTo(ruleId);
			assertThat(letter.get("last_error").asString()).contains("HTTP 500");
			await().atMost(Duration.ofSeconds(10))
				.untilAsserted(() -> assertThat(
						this.json.readTree(send("GET", "/api/deliveries?status=dead&rule_id=" + ruleId, null).body()))
					.hasSize(1));
		}
	}

	@Test
	void emailsAlertsOverSmtp() throws Exception {
		createRule("""
				{"name":"Neutrality","query":"neutrality","channels":[{"type":"email","to":"desk@example.org"}]}""");
		String story = UUID.randomUUID().toString();
		publish(article("tm-" + story, "en", story, "The president spoke on permanent neutrality."));

		await().atMost(Duration.ofSeconds(20)).until(() -> smtp.getReceivedMessages().length > 0);
		MimeMessage mail = smtp.getReceivedMessages()[0];
		assertThat(mail.getSubject()).isEqualTo("[NewsRadar] Neutrality: Kazakhstan reaffirms its position");
		assertThat(mail.getAllRecipients()[0].toString()).isEqualTo("desk@example.org");
		assertThat(mail.getHeader("X-NewsRadar-Delivery")).hasSize(1);
		assertThat((String) mail.getContent()).contains("permanent *neutrality*", "Matched: neutrality");
	}

	@Test
	void groupsADigestRulesAlertsIntoOneMessagePerPeriod() throws Exception {
		String ruleId = createRule(
				"""
						{"name":"Energy digest","query":"pipeline","digest":"PT6S","channels":[{"type":"webhook","url":"%s"}]}"""
					.formatted(receiver.url("/digest")));
		// Start right after a period begins, so that all three alerts fall into one.
		await().atMost(Duration.ofSeconds(7)).until(() -> Instant.now().toEpochMilli() % 6000 < 1500);
		for (int i = 0; i < 3; i++) {
			String story = UUID.randomUUID().toString();
			publish(article("energy-" + story, "en", story, "A new gas pipeline to China."));
		}
		awaitAlerts(ruleId, 3);
		assertThat(receiver.requests("/digest")).isEmpty();

		await().atMost(Duration.ofSeconds(15)).until(() -> !receiver.requests("/digest").isEmpty());
		JsonNode digest = this.json.readTree(receiver.requests("/digest").get(0).body());
		assertThat(digest.get("type").asString()).isEqualTo("digest");
		assertThat(digest.get("rule_id").asString()).isEqualTo(ruleId);
		assertThat(digest.get("alerts")).hasSize(3);
		await().during(Duration.ofSeconds(7))
			.atMost(Duration.ofSeconds(9))
			.until(() -> receiver.requests("/digest").size() == 1);
	}

	@Test
	void streamsAlertsToServerSentEventClientsOfThatRule() throws Exception {
		String ruleId = createRule("""
				{"name":"Stream","query":"streamed"}""");
		HttpResponse<InputStream> stream = this.http.send(HttpRequest
			.newBuilder(URI.create("http://localhost:" + this.port + "/api/alerts/stream?rule_id=" + ruleId))
			.build(), HttpResponse.BodyHandlers.ofInputStream());
		assertThat(stream.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("text/event-stream"));
		CompletableFuture<String> event = CompletableFuture.supplyAsync(() -> {
			try (BufferedReader lines = new BufferedReader(
					new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
				String line;
				while ((line = lines.readLine()) != null) {
					if (line.startsWith("data:")) {
						return line.substring(5);
					}
				}
				return null;
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		});
		// The stream follows the topic from its end and may join after the first alert:
		// publish until one arrives.
		await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(2)).until(() -> {
			String story = UUID.randomUUID().toString();
			publish(article("sse-" + story, "en", story, "This one is streamed."));
			return event.isDone();
		});
		JsonNode alert = this.json.readTree(event.get());
		assertThat(alert.get("rule_id").asString()).isEqualTo(ruleId);
		assertThat(alert.get("article_id").asString()).startsWith("sse-");
	}

	@Test
	void rulesCanBeReadReplacedAndDeleted() throws Exception {
		try (Consumer<String, String> rules = TestEngines.follow(new StringDeserializer(), Topics.WATCH_RULES)) {
			assertThat(send("PUT", "/api/rules/central-asia", "{\"name\":\"Central Asia\",\"countries\":[\"KZ\"]}")
				.statusCode()).isEqualTo(201);
			List<ConsumerRecord<String, String>> saved = new ArrayList<>();
			await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
				rules.poll(Duration.ofMillis(200)).forEach(saved::add);
				assertThat(saved).extracting(ConsumerRecord::key).contains("central-asia");
			});
			assertThat(new String(saved.get(0).headers().lastHeader(CloudEvents.TYPE).value(), StandardCharsets.UTF_8))
				.as("CloudEvents type of a saved rule")
				.isEqualTo(CloudEvents.RULE_SAVED);
		}
		assertThat(send("PUT", "/api/rules/central-asia", "{\"name\":\"Central Asia\",\"countries\":[\"kz\",\"UZ\"]}")
			.statusCode()).isEqualTo(200);
		JsonNode rule = this.json.readTree(send("GET", "/api/rules/central-asia", null).body());
		assertThat(rule.get("countries")).extracting(JsonNode::asString).containsExactly("KZ", "UZ");
		assertThat(send("DELETE", "/api/rules/central-asia", null).statusCode()).isEqualTo(204);
		HttpResponse<String> missing = send("GET", "/api/rules/central-asia", null);
		assertThat(missing.statusCode()).isEqualTo(404);
		assertThat(missing.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(this.json.readTree(missing.body()).get("detail").asString())
			.isEqualTo("No rule with id 'central-asia'");
		assertThat(send("DELETE", "/api/rules/central-asia", null).statusCode()).isEqualTo(404);
	}

	@Test
	void manyRulesAreSavedInOneRequestEachOnItsOwn() throws Exception {
		HttpResponse<String> response = send("POST", "/api/rules/bulk",
				"""
						[{"id":"bulk-a","name":"A","countries":["KZ"]},
						 {"id":"bulk-a","name":"A again","countries":["uz"]},
						 {"name":"Nowhere","countries":["XX"]},
						 {"id":"bulk-w","name":"Inside","channels":[{"type":"webhook","url":"http://10.0.0.7/hook"}]},
						 {"id":"bulk-s","name":"Signed","channels":[{"type":"webhook","url":"https://hooks.example.org/s"}]}]""");
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		JsonNode bulk = this.json.readTree(response.body());
		JsonNode results = bulk.get("results");
		assertThat(bulk.get("created").asInt()).isEqualTo(2);
		assertThat(bulk.get("replaced").asInt()).isEqualTo(1);
		assertThat(bulk.get("invalid").asInt()).isEqualTo(2);
		assertThat(bulk.get("failed").asInt()).isZero();
		assertThat(results).extracting((result) -> result.get("status").asString())
			.containsExactly("created", "replaced", "invalid", "invalid", "created");
		assertThat(results.get(2).get("errors").get(0).get("field").asString()).isEqualTo("countries");
		assertThat(results.get(3).get("errors").get(0).get("message").asString())
			.contains("10.0.0.7 is an internal address");
		assertThat(results.get(4).get("rule").get("channels").get(0).get("secret").asString()).startsWith("whsec_");

		JsonNode saved = this.json.readTree(send("GET", "/api/rules/bulk-a", null).body());
		assertThat(saved.get("name").asString()).isEqualTo("A again");
		assertThat(saved.get("countries")).extracting(JsonNode::asString).containsExactly("UZ");
		assertThat(send("GET", "/api/rules/bulk-w", null).statusCode()).isEqualTo(404);
		for (String id : List.of("bulk-a", "bulk-s")) {
			assertThat(send("DELETE", "/api/rules/" + id, null).statusCode()).isEqualTo(204);
		}
	}

	@Test
	void subscribingToATopicIsOneCallAndIdempotent() throws Exception {
		String body = """
				{"topic":"belt-and-road","channels":[{"type":"email","to":"desk@example.org"}]}""";
		HttpResponse<String> first = send("POST", "/api/subscriptions", body);
		assertThat(first.statusCode()).isEqualTo(201);
		JsonNode rule = this.json.readTree(first.body());
		assertThat(rule.get("name").asString()).isEqualTo("Topic: Belt and Road Initiative");
		assertThat(rule.get("topics")).extracting(JsonNode::asString).containsExactly("belt-and-road");
		assertThat(send("POST", "/api/subscriptions", body).statusCode()).isEqualTo(200);
		assertThat(send("GET", "/api/rules/" + rule.get("id").asString(), null).statusCode()).isEqualTo(200);

		HttpResponse<String> invalid = send("POST", "/api/subscriptions", """
				{"topic":"tea","country":"KZ"}""");
		assertThat(invalid.statusCode()).isEqualTo(400);
		assertThat(invalid.body()).contains("give exactly one of topic, country or statement_by");
	}

	@Test
	void anInvalidRuleGetsAProblemNamingEachField() throws Exception {
		HttpResponse<String> response = send("POST", "/api/rules",
				"{\"name\":\"x\",\"query\":\"*stan\",\"countries\":[\"XX\"],\"topics\":[\"tea\"]}");
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		JsonNode problem = this.json.readTree(response.body());
		assertThat(problem.get("errors")).extracting((error) -> error.get("field").asString())
			.containsExactly("query", "countries", "topics");
		assertThat(problem.get("detail").asString()).contains("countries 'XX' is not an ISO 3166-1 alpha-2 code",
				"leading wildcards", "'tea' is not a topic of the taxonomy");
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

	private static ArticleEnriched article(String id, String language, String story, String body) {
		return new ArticleEnriched(id, "https://example.org/" + id, "test", "Kazakhstan reaffirms its position", body,
				null, Instant.now(), Instant.now(), language, List.of("KZ", "CN"), List.of("one-china"), List.of(),
				List.of(), List.of(), List.of(), null, story);
	}

	private static String sign(String secret, WebhookReceiver.Request request) throws Exception {
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
		String signed = request.header("webhook-id") + "." + request.header("webhook-timestamp") + "." + request.body();
		return Base64.getEncoder().encodeToString(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
	}

	private String createRule(String body) throws Exception {
		HttpResponse<String> created = send("POST", "/api/rules", body);
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		return this.json.readTree(created.body()).get("id").asString();
	}

	private void publish(ArticleEnriched article) throws Exception {
		this.kafka.send(Topics.ARTICLES_ENRICHED, article.id(), article).get();
	}

	private List<JsonNode> awaitAlerts(String ruleId, int count) {
		List<JsonNode> raised = new ArrayList<>();
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			for (ConsumerRecord<String, String> record : this.alerts.poll(Duration.ofMillis(200))) {
				if (record.key().equals(ruleId)) {
					raised.add(this.json.readTree(record.value()));
				}
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

	private static WebhookReceiver newReceiver() {
		try {
			return new WebhookReceiver();
		}
		catch (java.io.IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
