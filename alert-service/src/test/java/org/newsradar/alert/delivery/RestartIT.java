package org.newsradar.alert.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.newsradar.alert.AlertApplication;
import org.newsradar.alert.support.WebhookReceiver;
import org.newsradar.engines.TestEngines;
import org.newsradar.events.ArticleEnriched;
import org.newsradar.events.Topics;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.core.KafkaTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.newsradar.alert.support.ServiceRequests.send;
import static org.awaitility.Awaitility.await;

/**
 * alert-service stopped and started again: its rules are back, a delivery that was
 * failing when it stopped is retried by the new instance and reaches the receiver once it
 * is up, and the alert it had raised is not raised again.
 */
class RestartIT {

	@Test
	@SuppressWarnings("unchecked")
	void rulesAndPendingDeliveriesSurviveARestart() throws Exception {
		TestEngines.createTopics(3, Topics.ARTICLES_ENRICHED, Topics.ALERTS);
		String ruleId = "restart-" + UUID.randomUUID();
		String story = UUID.randomUUID().toString();
		try (WebhookReceiver receiver = new WebhookReceiver();
				Consumer<String, String> alerts = TestEngines.follow(new StringDeserializer(), Topics.ALERTS)) {
			receiver.answer(503);
			try (ConfigurableApplicationContext first = start()) {
				assertThat(send(first, "PUT", "/api/rules/" + ruleId, """
						{"name":"Restart","query":"restart","channels":[{"type":"webhook","url":"%s"}]}"""
					.formatted(receiver.url("/hook"))).statusCode()).isEqualTo(201);
				first.getBean(KafkaTemplate.class)
					.send(Topics.ARTICLES_ENRICHED, "restart-" + story, article(story))
					.get();
				await().atMost(Duration.ofSeconds(30)).until(() -> !receiver.requests("/hook").isEmpty());
			}
			int failedBeforeRestart = receiver.requests("/hook").size();
			receiver.answer(204);

			try (ConfigurableApplicationContext second = start()) {
				await().atMost(Duration.ofSeconds(30))
					.untilAsserted(() -> assertThat(send(second, "GET", "/api/rules/" + ruleId, null).statusCode())
						.isEqualTo(200));
				await().atMost(Duration.ofSeconds(60))
					.until(() -> receiver.requests("/hook")
						.stream()
						.anyMatch((request) -> request.answeredWith() == 204));
				assertThat(receiver.requests("/hook")).hasSizeGreaterThan(failedBeforeRestart)
					.extracting((request) -> request.header("webhook-id"))
					.containsOnly(receiver.requests("/hook").get(0).header("webhook-id"));
			}
			List<ConsumerRecord<String, String>> raised = new ArrayList<>();
			alerts.poll(Duration.ofSeconds(2)).forEach(raised::add);
			assertThat(raised).filteredOn((record) -> record.key().equals(ruleId)).hasSize(1);
		}
	}

	private static ConfigurableApplicationContext start() {
		return new SpringApplicationBuilder(AlertApplication.class).run("--server.port=0",
				"--spring.kafka.bootstrap-servers=" + TestEngines.kafkaBootstrapServers(),
				"--newsradar.elasticsearch.uris=" + TestEngines.elasticsearchUrl(),
				"--newsradar.alert.delivery.initial-backoff=500ms", "--newsradar.alert.delivery.poll-interval=200ms",
				"--newsradar.alert.delivery.timeout=2s", "--newsradar.outbound.allow-loopback=true");
	}

	private static ArticleEnriched article(String story) {
		return new ArticleEnriched("restart-" + story, null, "test", "Restart", "A story about a restart.", null,
				Instant.now(), Instant.now(), "en", List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
				null, story);
	}

}
