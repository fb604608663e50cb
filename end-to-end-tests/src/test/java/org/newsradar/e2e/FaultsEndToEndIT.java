package org.newsradar.e2e;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.newsradar.engines.TestEngines;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.newsradar.e2e.Requests.send;

/**
 * Faults while articles stream in, from outside: each service is killed with
 * {@code kill -9} between two posts and started again at once (as a supervisor would),
 * and the webhook receiver answers 503 for the first half of the run. Nothing may be lost
 * or doubled: every article posted is indexed once, each story raises one alert, and
 * every alert reaches the receiver, with the same {@code webhook-id} on every attempt.
 */
class FaultsEndToEndIT {

	private static final int ROUNDS = 6;

	private static final int PER_ROUND = 8;

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final String SOURCE = "e2e-faults-" + UUID.randomUUID().toString().substring(0, 8);

	private static final List<String> ids = new ArrayList<>();

	private static final List<ServiceProcess> running = new CopyOnWriteArrayList<>();

	private static final Receiver receiver = new Receiver();

	@AfterAll
	static void stop() throws Exception {
		for (ServiceProcess service : running) {
			service.close();
		}
		receiver.server.stop(0);
		Requests.deleteArticles(ids);
	}

	@Test
	void killedServicesAndAFailingReceiverLoseNothingAndDoubleNothing() throws Exception {
		String kafka = "--spring.kafka.bootstrap-servers=" + TestEngines.kafkaBootstrapServers();
		String elasticsearch = "--newsradar.elasticsearch.uris=" + TestEngines.elasticsearchUrl();
		ServiceProcess ingest = started(ServiceProcess.start("ingest-service", "384m", kafka));
		ServiceProcess enrich = started(ServiceProcess.start("enrich-service", "1536m", kafka, elasticsearch));
		ServiceProcess alert = started(ServiceProcess.start("alert-service", "384m", kafka, elasticsearch,
				"--newsradar.outbound.allow-loopback=true", "--newsradar.alert.delivery.initial-backoff=500ms",
				"--newsradar.alert.delivery.max-backoff=2s", "--newsradar.alert.delivery.poll-interval=200ms"));
		running.forEach(ServiceProcess::awaitHealthy);
		String rule = "{\"name\":\"Every article of " + SOURCE + "\",\"sources\":[\"" + SOURCE
				+ "\"],\"channels\":[{\"type\":\"webhook\",\"url\":\"" + receiver.url() + "\"}]}";
		assertThat(send("PUT", alert.url("/api/rules/" + SOURCE), rule).statusCode()).isEqualTo(201);
		receiver.status.set(503);

		for (int round = 0; round < ROUNDS; round++) {
			post(ingest);
			switch (round) {
				case 0 -> {
					// The first alerts meet the failing receiver, and are pending when
					// alert-service dies.
					await().atMost(Duration.ofMinutes(2))
						.until(() -> receiver.requests.stream().anyMatch((request) -> request.status() == 503));
					enrich = replaced(enrich);
				}
				case 1 -> alert = replaced(alert);
				case 2 -> {
					ingest = replaced(ingest);
					ingest.awaitHealthy();
				}
				case 3 -> {
					receiver.status.set(204);
					enrich = replaced(enrich);
				}
				case 4 -> alert = replaced(alert);
				default -> {
				}
			}
		}
		enrich.awaitHealthy();
		alert.awaitHealthy();

		Map<String, String> stories = awaitIndexedOnce();
		Set<String> alerted = awaitOneAlertPerStory(alert, new HashSet<>(stories.values()));
		awaitEveryAlertDelivered(alerted);
	}

	/** Posts a round of articles, each its own story, until ingest-service takes them. */
	private static void post(ServiceProcess ingest) throws Exception {
		ArrayNode articles = DistinctArticles.of(SOURCE, PER_ROUND);
		HttpResponse<String> posted = send("POST", ingest.url("/api/articles"), json.writeValueAsString(articles));
		assertThat(posted.statusCode()).as(posted.body()).isEqualTo(202);
		json.readTree(posted.body()).get("articles").forEach((article) -> ids.add(article.get("id").asString()));
	}

	/** Every article in the index once: no more documents of this source than posted. */
	private static Map<String, String> awaitIndexedOnce() throws Exception {
		Map<String, String> stories = new HashMap<>();
		await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
			for (String id : ids) {
				HttpResponse<String> document = send("GET",
						TestEngines.elasticsearchUrl() + "/articles/_doc/" + id + "?_source=story_id", null);
				if (document.statusCode() == 200) {
					stories.put(id, json.readTree(document.body()).get("_source").get("story_id").asString());
				}
			}
			assertThat(stories).as("articles indexed").hasSize(ROUNDS * PER_ROUND);
		});
		send("POST", TestEngines.elasticsearchUrl() + "/articles/_refresh", null);
		JsonNode count = json.readTree(send("POST", TestEngines.elasticsearchUrl() + "/articles/_count",
				"{\"query\":{\"term\":{\"source\":\"" + SOURCE + "\"}}}")
			.body());
		assertThat(count.get("count").asInt()).as("documents of this source").isEqualTo(ids.size());
		return stories;
	}

	private static Set<String> awaitOneAlertPerStory(ServiceProcess alert, Set<String> stories) {
		List<String> alerted = new ArrayList<>();
		await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
			alerted.clear();
			for (JsonNode raised : json
				.readTree(send("GET", alert.url("/api/alerts?size=500&rule_id=" + SOURCE), null).body())) {
				alerted.add(raised.get("story_id").asString());
			}
			assertThat(alerted).as("one alert per story").containsExactlyInAnyOrderElementsOf(stories);
		});
		return new HashSet<>(alerted);
	}

	private static void awaitEveryAlertDelivered(Set<String> stories) {
		await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
			Set<String> delivered = receiver.requests.stream()
				.filter((request) -> request.status() / 100 == 2)
				.map(Request::story)
				.collect(Collectors.toSet());
			assertThat(delivered).as("stories delivered").containsExactlyInAnyOrderElementsOf(stories);
		});
		Map<String, Set<String>> idsPerStory = receiver.requests.stream()
			.collect(Collectors.groupingBy(Request::story, Collectors.mapping(Request::webhookId, Collectors.toSet())));
		assertThat(idsPerStory.values()).as("webhook-id of every attempt of one alert").allSatisfy((webhookIds) -> {
			assertThat(webhookIds).hasSize(1);
		});
	}

	private static ServiceProcess started(ServiceProcess service) {
		running.add(service);
		return service;
	}

	/** {@code kill -9} of a service and a new one started at once. */
	private static ServiceProcess replaced(ServiceProcess service) throws Exception {
		service.kill();
		running.remove(service);
		return started(service.restart());
	}

	/**
	 * One webhook call.
	 *
	 * @param webhookId its {@code webhook-id}
	 * @param story the story of the alert it carried
	 * @param status what the receiver answered
	 */
	record Request(String webhookId, String story, int status) {

	}

	/** A webhook receiver on 127.0.0.1 that answers what it is told to. */
	static final class Receiver {

		final AtomicInteger status = new AtomicInteger(204);

		final List<Request> requests = new CopyOnWriteArrayList<>();

		final HttpServer server;

		Receiver() {
			try {
				this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
			}
			catch (IOException ex) {
				throw new IllegalStateException(ex);
			}
			this.server.createContext("/hook", (exchange) -> {
				String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
				int answer = this.status.get();
				this.requests.add(new Request(exchange.getRequestHeaders().getFirst("webhook-id"),
						json.readTree(body).path("story_id").asString(""), answer));
				exchange.sendResponseHeaders(answer, -1);
				exchange.close();
			});
			this.server.start();
		}

		String url() {
			return "http://127.0.0.1:" + this.server.getAddress().getPort() + "/hook";
		}

	}

}
