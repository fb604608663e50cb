package org.newsradar.ingest;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsradar.engines.LocalKafka;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * ingest-service started before Kafka answers its probes (alive, not ready) and refuses
 * articles and feed requests with a 503 that says why, rather than taking an article it
 * cannot yet tell from a duplicate; once a broker comes up on the configured address, it
 * becomes ready and takes articles.
 */
class KafkaAbsentAtStartIT {

	private final HttpClient http = HttpClient.newHttpClient();

	@TempDir
	Path work;

	@Test
	void waitsForKafkaAnsweringItsProbesThenServes() throws Exception {
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		int kafkaPort = LocalKafka.freePortPair();
		AtomicReference<ConfigurableApplicationContext> started = new AtomicReference<>();
		AtomicReference<Throwable> failure = new AtomicReference<>();
		Thread starting = Thread.ofPlatform().name("ingest-service-start").start(() -> {
			try {
				started.set(new SpringApplicationBuilder(IngestApplication.class).run("--server.port=" + port,
						"--spring.kafka.bootstrap-servers=localhost:" + kafkaPort));
			}
			catch (Throwable ex) {
				failure.set(ex);
			}
		});
		LocalKafka broker = null;
		try {
			await().atMost(Duration.ofSeconds(120))
				.pollInterval(Duration.ofMillis(500))
				.ignoreExceptions()
				.untilAsserted(() -> assertThat(get(port, "/actuator/health/liveness").statusCode()).isEqualTo(200));
			assertThat(get(port, "/actuator/health/readiness").statusCode()).isEqualTo(503);

			HttpResponse<String> article = postArticle(port);
			assertThat(article.statusCode()).isEqualTo(503);
			assertThat(article.headers().firstValue("Content-Type"))
				.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
			assertThat(article.headers().firstValue("Retry-After")).isPresent();
			assertThat(article.body()).contains("still reading the articles published before it started");
			HttpResponse<String> feeds = get(port, "/api/feeds");
			assertThat(feeds.statusCode()).isEqualTo(503);
			assertThat(feeds.body()).contains("still reading the registered feeds");
			assertThat(starting.isAlive()).as("still waiting, not given up").isTrue();
			assertThat(failure.get()).isNull();

			broker = LocalKafka.start(this.work.resolve("kafka"), this.work.resolve("kafka.log"), kafkaPort, false);
			await().atMost(Duration.ofSeconds(120))
				.pollInterval(Duration.ofSeconds(1))
				.ignoreExceptions()
				.untilAsserted(() -> assertThat(get(port, "/actuator/health/readiness").statusCode()).isEqualTo(200));
			assertThat(postArticle(port).statusCode()).isEqualTo(202);
			assertThat(get(port, "/api/feeds").statusCode()).isEqualTo(200);
		}
		finally {
			starting.interrupt();
			starting.join(Duration.ofSeconds(60));
			if (started.get() != null) {
				started.get().close();
			}
			if (broker != null) {
				broker.close();
			}
		}
	}

	private HttpResponse<String> postArticle(int port) throws Exception {
		return this.http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/articles"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"title\":\"Kafka came late\",\"body\":\"It did.\"}"))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> get(int port, String path) throws Exception {
		return this.http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

}
