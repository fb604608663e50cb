package org.newsradar.alert;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.newsradar.engines.TestEngines;

import org.springframework.boot.builder.SpringApplicationBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * alert-service started while Elasticsearch is away waits for it as long as it takes, and
 * meanwhile says so to its probes: alive, not ready.
 */
class ElasticsearchAbsentAtStartIT {

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void waitsForElasticsearchAliveButNotReady() throws Exception {
		int port;
		int nowhere;
		try (ServerSocket first = new ServerSocket(0); ServerSocket second = new ServerSocket(0)) {
			port = first.getLocalPort();
			nowhere = second.getLocalPort();
		}
		AtomicReference<Throwable> failure = new AtomicReference<>();
		Thread starting = Thread.ofPlatform().name("alert-service-start").start(() -> {
			try {
				new SpringApplicationBuilder(AlertApplication.class).run("--server.port=" + port,
						"--spring.kafka.bootstrap-servers=" + TestEngines.kafkaBootstrapServers(),
						"--newsradar.elasticsearch.uris=http://localhost:" + nowhere);
			}
			catch (Throwable ex) {
				failure.set(ex);
			}
		});
		try {
			await().atMost(Duration.ofSeconds(60))
				.pollInterval(Duration.ofMillis(500))
				.ignoreExceptions()
				.untilAsserted(() -> assertThat(get(port, "/actuator/health/liveness").statusCode()).isEqualTo(200));
			HttpResponse<String> readiness = get(port, "/actuator/health/readiness");
			assertThat(readiness.statusCode()).isEqualTo(503);
			assertThat(readiness.body()).contains("\"status\":\"DOWN\"");
			// Still waiting three seconds later, not given up.
			await().atMost(Duration.ofSeconds(5))
				.during(Duration.ofSeconds(3))
				.until(() -> starting.isAlive() && failure.get() == null);
			assertThat(failure.get()).isNull();
		}
		finally {
			starting.interrupt();
			starting.join(Duration.ofSeconds(60));
		}
	}

	private HttpResponse<String> get(int port, String path) throws Exception {
		return this.http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

}
