package org.newsradar.ingest.article;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.newsradar.engines.TestEngines;
import org.newsradar.events.CloudEvents;
import org.newsradar.events.Topics;
import org.newsradar.kafka.CompactedTopicViews;
import org.newsradar.kafka.EventPublisher;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "newsradar.ingest.max-request-size=64KB")
class ArticleApiIT {

	@DynamicPropertySource
	static void engines(DynamicPropertyRegistry registry) {
		TestEngines.registerKafka(registry);
	}

	@LocalServerPort
	int port;

	@Autowired
	JsonMapper json;

	@Autowired
	SeenArticles seen;

	@Autowired
	CompactedTopicViews views;

	@Autowired
	EventPublisher publisher;

	@Autowired
	ApplicationEventPublisher events;

	private final HttpClient http = HttpClient.newHttpClient();

	private Consumer<String, String> raw;

	@BeforeEach
	void followRawTopic() {
		this.raw = TestEngines.follow(new StringDeserializer(), Topics.ARTICLES_RAW);
	}

	@AfterEach
	void close() {
		this.raw.close();
	}

	@Test
	void publishesAnArticleWithCloudEventsHeadersAndSnakeCaseJson() throws Exception {
		String title = "Kazakhstan reaffirms the one-China principle " + UUID.randomUUID();
		HttpResponse<String> response = postJson("""
				{"title":"%s","body":"The statement was issued by the Kazakh Foreign Ministry.",
				 "source":"Example","published_at":"2024-01-15T08:20:00Z"}""".formatted(title));
		assertThat(response.statusCode()).isEqualTo(202);
		JsonNode report = this.json.readTree(response.body());
		String id = report.get("articles").get(0).get("id").asString();
		assertThat(report.get("articles").get(0).get("status").asString()).isEqualTo("new");

		ConsumerRecord<String, String> record = awaitRecords(1).get(0);
		assertThat(record.key()).isEqualTo(id);
		assertThat(header(record, CloudEvents.TYPE)).isEqualTo(CloudEvents.ARTICLE_INGESTED);
		assertThat(header(record, CloudEvents.SPEC_VERSION)).isEqualTo("1.0");
		assertThat(header(record, CloudEvents.SOURCE)).isEqualTo("/newsradar/ingest-service");
		assertThat(header(record, CloudEvents.CONTENT_TYPE)).isEqualTo("application/json");
		assertThat(header(record, CloudEvents.ID)).isNotBlank();
		assertThat(record.headers().lastHeader("__TypeId__")).isNull();
		JsonNode value = this.json.readTree(record.value());
		assertThat(value.get("id").asString()).isEqualTo(id);
		assertThat(value.get("title").asString()).isEqualTo(title);
		assertThat(value.get("published_at").asString()).isEqualTo("2024-01-15T08:20:00Z");
		assertThat(value.has("ingested_at")).isTrue();
	}

	@Test
	void theSameArticleTwiceIsPublishedOnce() throws Exception {
		String body = "{\"url\":\"https://example.org/news/%s?utm_source=rss\",\"title\":\"T\"}"
			.formatted(UUID.randomUUID());
		assertThat(this.json.readTree(postJson(body).body()).get("articles").get(0).get("status").asString())
			.isEqualTo("new");
		JsonNode second = this.json.readTree(postJson(body.replace("?utm_source=rss", "")).body());
		assertThat(second.get("articles").get(0).get("status").asString()).isEqualTo("duplicate");
		assertThat(second.get("duplicates").asInt()).isEqualTo(1);
		assertThat(awaitRecords(1)).hasSize(1);
		assertThat(this.raw.poll(Duration.ofSeconds(2))).isEmpty();
	}

	@Test
	void changedContentUnderTheSameUrlIsPublishedAsAnUpdate() throws Exception {
		String url = "https://example.org/news/" + UUID.randomUUID();
		postJson("{\"url\":\"%s\",\"title\":\"First version\"}".formatted(url));
		JsonNode second = this.json
			.readTree(postJson("{\"url\":\"%s\",\"title\":\"Corrected\"}".formatted(url)).body());
		assertThat(second.get("articles").get(0).get("status").asString()).isEqualTo("updated");
		assertThat(awaitRecords(2)).extracting(ConsumerRecord::key)
			.containsOnly(second.get("articles").get(0).get("id").asString());
	}

	@Test
	void oneArticleTakenFromSeveralFeedsAtOnceIsPublishedOnceFirstVersionKept(@Autowired IngestService ingest)
			throws Exception {
		String url = "https://example.org/news/" + UUID.randomUUID();
		List<Callable<String>> feeds = new ArrayList<>();
		for (int i = 0; i < 8; i++) {
			ArticleSubmission fromFeed = new ArticleSubmission(url + "?utm_source=feed" + i, "Feed " + i,
					"Same article", "Body as feed " + i + " has it", null, null);
			feeds.add(() -> ingest.ingestFirst(fromFeed).articles().get(0).status());
		}
		List<String> statuses = new ArrayList<>();
		try (ExecutorService pool = Executors.newFixedThreadPool(feeds.size())) {
			for (Future<String> status : pool.invokeAll(feeds)) {
				statuses.add(status.get());
			}
		}
		assertThat(statuses).containsOnlyOnce("new").containsOnly("new", "duplicate");
		assertThat(awaitRecords(1)).hasSize(1);
		assertThat(this.raw.poll(Duration.ofSeconds(2))).isEmpty();
		JsonNode later = this.json.readTree(postJson("{\"url\":\"%s\",\"title\":\"Corrected\"}".formatted(url)).body());
		assertThat(later.get("articles").get(0).get("status").asString()).as("a submission still updates it")
			.isEqualTo("updated");
	}

	@Test
	void keepsTheValidArticlesOfAMixedBatchAndListsTheRejected() throws Exception {
		HttpResponse<String> response = postJson("""
				[{"title":"Valid %1$s"}, {"source":"nothing else"}, {"body":"Also valid %1$s"}]"""
			.formatted(UUID.randomUUID()));
		assertThat(response.statusCode()).isEqualTo(202);
		JsonNode report = this.json.readTree(response.body());
		assertThat(report.get("accepted").asInt()).isEqualTo(2);
		assertThat(report.get("rejected").asInt()).isEqualTo(1);
		assertThat(report.get("rejections").get(0).get("index").asInt()).isEqualTo(1);
		assertThat(report.get("rejections").get(0).get("errors").get(0).asString())
			.isEqualTo("an article needs a title or a body");
		assertThat(awaitRecords(2)).hasSize(2);
	}

	@Test
	void badInputGetsAProblemNamingTheProblemAndReachesNoTopic() throws Exception {
		assertProblem(postJson("{\"title\": \"unterminated"), 400, "Malformed request body", "not valid JSON");
		assertProblem(postJson("{\"source\":\"no title, no body\"}"), 400, "Invalid article",
				"an article needs a title or a body");
		assertProblem(post("application/xml", "<article/>".getBytes(StandardCharsets.UTF_8)), 415, null,
				"application/xml");
		assertProblem(
				post("application/json",
						("[{\"title\":\"" + "x".repeat(70_000) + "\"}]").getBytes(StandardCharsets.UTF_8)),
				413, "Request body too large", "65536 bytes");
		assertProblem(post("application/octet-stream", new byte[] { 0, 1, 2, 3 }), 415, null,
				"application/octet-stream");
		assertThat(this.raw.poll(Duration.ofSeconds(3))).isEmpty();
	}

	@Test
	void theApiIsDescribedByOpenApiAndSwaggerUi() throws Exception {
		HttpClient redirected = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();
		HttpResponse<String> docs = redirected.send(
				HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/v3/api-docs")).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(docs.statusCode()).isEqualTo(200);
		JsonNode api = this.json.readTree(docs.body());
		assertThat(api.at("/info/title").asString()).isEqualTo("NewsRadar ingest-service");
		assertThat(api.get("paths").propertyNames()).contains("/api/articles", "/api/feeds", "/api/feeds/{id}");
		HttpResponse<String> ui = redirected.send(
				HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/swagger-ui.html")).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(ui.statusCode()).isEqualTo(200);
		assertThat(ui.body()).contains("swagger-ui");
	}

	@Test
	void acceptsASeedFormattedPlainTextArticle() throws Exception {
		HttpResponse<String> response = post("text/plain",
				("Headline " + UUID.randomUUID() + "\n\nFirst paragraph.\nSecond.").getBytes(StandardCharsets.UTF_8));
		assertThat(response.statusCode()).isEqualTo(202);
		JsonNode value = this.json.readTree(awaitRecords(1).get(0).value());
		assertThat(value.get("title").asString()).startsWith("Headline ");
		assertThat(value.get("body").asString()).isEqualTo("First paragraph.\nSecond.");
	}

	@Test
	void aRestartedServiceStillKnowsWhatWasPublished() throws Exception {
		String body = "{\"title\":\"Remembered %s\"}".formatted(UUID.randomUUID());
		String id = this.json.readTree(postJson(body).body()).get("articles").get(0).get("id").asString();
		SeenArticles rebuilt = new SeenArticles(this.views, this.publisher, this.events, Clock.systemUTC());
		rebuilt.start();
		try {
			assertThat(rebuilt.fingerprintOf(id)).isNotNull().isEqualTo(this.seen.fingerprintOf(id));
		}
		finally {
			rebuilt.stop();
		}
	}

	@Test
	void anArticleAnotherInstancePublishesIsKnownHereSoon() throws Exception {
		SeenArticles other = new SeenArticles(this.views, this.publisher, this.events, Clock.systemUTC());
		other.start();
		try {
			String body = "{\"title\":\"Published elsewhere %s\"}".formatted(UUID.randomUUID());
			String id = this.json.readTree(postJson(body).body()).get("articles").get(0).get("id").asString();
			await().atMost(Duration.ofSeconds(10))
				.untilAsserted(() -> assertThat(other.fingerprintOf(id)).isEqualTo(this.seen.fingerprintOf(id)));
			assertThat(other.claim(id, this.seen.fingerprintOf(id)).status()).isEqualTo(SeenArticles.Status.DUPLICATE);
		}
		finally {
			other.stop();
		}
	}

	private void assertProblem(HttpResponse<String> response, int status, String title, String detailPart) {
		assertThat(response.statusCode()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		JsonNode problem = this.json.readTree(response.body());
		assertThat(problem.get("status").asInt()).isEqualTo(status);
		if (title != null) {
			assertThat(problem.get("title").asString()).isEqualTo(title);
		}
		assertThat(problem.get("detail").asString()).contains(detailPart);
	}

	private HttpResponse<String> postJson(String body) throws Exception {
		return post("application/json", body.getBytes(StandardCharsets.UTF_8));
	}

	private HttpResponse<String> post(String contentType, byte[] body) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/api/articles"))
			.header("Content-Type", contentType)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body))
			.build();
		return this.http.send(request, HttpResponse.BodyHandlers.ofString());
	}

	private List<ConsumerRecord<String, String>> awaitRecords(int count) {
		List<ConsumerRecord<String, String>> records = new ArrayList<>();
		long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		while (records.size() < count && System.nanoTime() < deadline) {
			this.raw.poll(Duration.ofMillis(200)).forEach(records::add);
		}
		assertThat(records).as("records on %s", Topics.ARTICLES_RAW).hasSizeGreaterThanOrEqualTo(count);
		return records;
	}

	private static String header(ConsumerRecord<?, ?> record, String name) {
		return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
	}

}
