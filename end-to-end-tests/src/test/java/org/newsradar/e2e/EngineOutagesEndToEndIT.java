package org.newsradar.e2e;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.newsradar.engines.LocalElasticsearch;
import org.newsradar.engines.LocalKafka;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.newsradar.e2e.Requests.send;

/**
 * The engines fail under the three services, on engines of this test's own: Kafka is
 * killed with {@code kill -9} for a minute, then Elasticsearch for half a minute, each
 * started again on its data; a service is killed and started again on top of each outage
 * (alert-service while Kafka is away, enrich-service while Elasticsearch is), so it
 * starts without its engine. A post while Kafka is away is refused with a 503 that says
 * nothing was stored; every article taken is indexed once and alerted once per story; and
 * while an engine is away no service writes more than 200 log lines a minute.
 */
class EngineOutagesEndToEndIT {

	private static final int MAX_LINES_PER_MINUTE = 200;

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final String SOURCE = "e2e-outages-" + UUID.randomUUID().toString().substring(0, 8);

	private static final List<String> ids = new ArrayList<>();

	private static final List<ServiceProcess> services = new ArrayList<>();

	/** The processes killed on purpose, whose logs are checked too. */
	private static final List<ServiceProcess> killed = new ArrayList<>();

	private static Path work;

	private static int kafkaPort;

	private static int elasticsearchPort;

	private static int transportPort;

	private static LocalKafka kafka;

	private static LocalElasticsearch elasticsearch;

	private static ServiceProcess ingest;

	private static ServiceProcess enrich;

	private static ServiceProcess alert;

	@BeforeAll
	static void start() throws Exception {
		work = Files.createTempDirectory("newsradar-outages");
		kafkaPort = LocalKafka.freePortPair();
		elasticsearchPort = freePort();
		transportPort = freePort();
		kafka = startKafka();
		elasticsearch = startElasticsearch();
		String kafkaUrl = "--spring.kafka.bootstrap-servers=localhost:" + kafkaPort;
		String elasticsearchUrl = "--newsradar.elasticsearch.uris=" + elasticsearchUrl();
		ingest = ServiceProcess.start("ingest-service", "384m", kafkaUrl, "--newsradar.kafka.ack-timeout=5s");
		services.add(ingest);
		enrich = ServiceProcess.start("enrich-service", "1536m", kafkaUrl, elasticsearchUrl);
		services.add(enrich);
		alert = ServiceProcess.start("alert-service", "384m", kafkaUrl, elasticsearchUrl);
		services.add(alert);
		services.forEach(ServiceProcess::awaitHealthy);
	}

	@AfterAll
	static void stop() throws Exception {
		for (ServiceProcess service : services) {
			service.close();
		}
		if (kafka != null) {
			kafka.close();
		}
		if (elasticsearch != null) {
			elasticsearch.close();
		}
	}

	@Test
	void nothingIsLostAndTheLogsStayQuietWhileAnEngineIsAway() throws Exception {
		String rule = "{\"name\":\"Every article of " + SOURCE + "\",\"sources\":[\"" + SOURCE + "\"]}";
		assertThat(send("PUT", alert.url("/api/rules/" + SOURCE), rule).statusCode()).isEqualTo(201);
		post(DistinctArticles.of(SOURCE, 4));

		Instant kafkaGone = Instant.now();
		killTree(kafka.pid());
		ArrayNode duringKafkaOutage = DistinctArticles.of(SOURCE, 4);
		HttpResponse<String> refused = send("POST", ingest.url("/api/articles"),
				json.writeValueAsString(duringKafkaOutage));
		assertThat(refused.statusCode()).as(refused.body()).isEqualTo(503);
		assertThat(refused.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		assertThat(refused.body()).contains("Nothing from this request may be assumed stored");
		alert = restart(alert);
		Thread.sleep(Duration.ofSeconds(60).minus(Duration.between(kafkaGone, Instant.now())));
		Instant kafkaBack = Instant.now();
		kafka = startKafka();
		services.forEach(ServiceProcess::awaitHealthy);
		post(duringKafkaOutage);

		Instant elasticsearchGone = Instant.now();
		killTree(elasticsearch.pid());
		post(DistinctArticles.of(SOURCE, 4));
		enrich = restart(enrich);
		Thread.sleep(Duration.ofSeconds(30).minus(Duration.between(elasticsearchGone, Instant.now())));
		Instant elasticsearchBack = Instant.now();
		elasticsearch = startElasticsearch();

		Set<String> stories = awaitIndexedOnce();
		awaitOneAlertPerStory(stories);
		for (ServiceProcess service : Stream.concat(services.stream(), killed.stream()).toList()) {
			assertQuiet(service, kafkaGone, kafkaBack);
			assertQuiet(service, elasticsearchGone, elasticsearchBack);
		}
	}

	private static void post(ArrayNode articles) throws Exception {
		HttpResponse<String> posted = send("POST", ingest.url("/api/articles"), json.writeValueAsString(articles));
		assertThat(posted.statusCode()).as(posted.body()).isEqualTo(202);
		json.readTree(posted.body()).get("articles").forEach((article) -> ids.add(article.get("id").asString()));
	}

	private static Set<String> awaitIndexedOnce() throws Exception {
		Set<String> stories = new HashSet<>();
		await().atMost(Duration.ofMinutes(3))
			.pollInterval(Duration.ofSeconds(1))
			.ignoreExceptions()
			.untilAsserted(() -> {
				send("POST", elasticsearchUrl() + "/articles/_refresh", null);
				JsonNode hits = json
					.readTree(send("POST", elasticsearchUrl() + "/articles/_search",
							"{\"size\":100,\"query\":{\"term\":{\"source\":\"" + SOURCE
									+ "\"}},\"_source\":[\"story_id\"]}")
						.body())
					.get("hits");
				List<String> found = new ArrayList<>();
				stories.clear();
				hits.get("hits").forEach((hit) -> {
					found.add(hit.get("_id").asString());
					stories.add(hit.get("_source").get("story_id").asString());
				});
				assertThat(found).as("articles indexed, each once").containsExactlyInAnyOrderElementsOf(ids);
			});
		return stories;
	}

	private static void awaitOneAlertPerStory(Set<String> stories) {
		await().atMost(Duration.ofMinutes(2))
			.pollInterval(Duration.ofSeconds(1))
			.ignoreExceptions()
			.untilAsserted(() -> {
				List<String> alerted = new ArrayList<>();
				for (JsonNode raised : json
					.readTree(send("GET", alert.url("/api/alerts?size=500&rule_id=" + SOURCE), null).body())) {
					alerted.add(raised.get("story_id").asString());
				}
				assertThat(alerted).as("one alert per story").containsExactlyInAnyOrderElementsOf(stories);
			});
	}

	/** At most {@value #MAX_LINES_PER_MINUTE} log lines a minute between two moments. */
	private static void assertQuiet(ServiceProcess service, Instant from, Instant to) throws IOException {
		long lines = Files.readAllLines(service.log()).stream().filter((line) -> {
			int at = line.indexOf("\"@timestamp\":\"");
			if (at < 0) {
				return false;
			}
			Instant time = Instant.parse(line.substring(at + 14, line.indexOf('"', at + 14)));
			return !time.isBefore(from) && time.isBefore(to);
		}).count();
		double minutes = Math.max(1, Duration.between(from, to).toSeconds() / 60.0);
		assertThat(lines / minutes).as("log lines a minute of %s from %s to %s", service.name, from, to)
			.isLessThanOrEqualTo(MAX_LINES_PER_MINUTE);
	}

	/** {@code kill -9} of a service, started again at once (not waited for). */
	private static ServiceProcess restart(ServiceProcess service) throws Exception {
		service.kill();
		killed.add(service);
		ServiceProcess restarted = service.restart();
		services.set(services.indexOf(service), restarted);
		return restarted;
	}

	/** {@code kill -9} of a process and of every process it started. */
	private static void killTree(long pid) {
		ProcessHandle.of(pid).ifPresent((process) -> {
			process.descendants().forEach(ProcessHandle::destroyForcibly);
			process.destroyForcibly();
			process.onExit().join();
		});
	}

	private static LocalKafka startKafka() {
		return LocalKafka.start(work.resolve("kafka"), work.resolve("kafka.log"), kafkaPort, false);
	}

	private static LocalElasticsearch startElasticsearch() {
		return LocalElasticsearch.start(work.resolve("elasticsearch"), work.resolve("elasticsearch.log"),
				elasticsearchPort, transportPort, false);
	}

	private static String elasticsearchUrl() {
		return "http://localhost:" + elasticsearchPort;
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
