package org.newsradar.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.newsradar.engines.TestEngines;
import org.newsradar.events.Topics;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The error handling every service's listeners get from this module, against a real
 * broker: a record that fails for a while is retried until it passes, and nothing after
 * it is lost; a poison record goes to {@code <topic>-dlt} once, is counted, and the
 * partition moves on.
 */
@SpringBootTest(classes = ErrorHandlingIT.Service.class, properties = { "spring.kafka.consumer.group-id=error-handling",
		"spring.kafka.consumer.auto-offset-reset=earliest" })
class ErrorHandlingIT {

	static final String TOPIC = "conventions.errors";

	@DynamicPropertySource
	static void kafka(DynamicPropertyRegistry registry) {
		TestEngines.registerKafka(registry);
		TestEngines.createTopics(1, TOPIC, Topics.deadLetter(TOPIC));
	}

	@Autowired
	Listener listener;

	@Autowired
	MeterRegistry metrics;

	@Test
	void aFailingRecordIsRetriedAndAPoisonRecordGoesToTheDeadLetterTopicOnce() throws Exception {
		try (KafkaConsumer<String, String> deadLetters = TestEngines.follow(new StringDeserializer(),
				Topics.deadLetter(TOPIC));
				KafkaProducer<String, String> producer = new KafkaProducer<>(
						Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestEngines.kafkaBootstrapServers()),
						new StringSerializer(), new StringSerializer())) {
			for (String value : List.of("first", "flaky", "poison", "last")) {
				producer.send(new ProducerRecord<>(TOPIC, "key", value)).get();
			}

			await().atMost(Duration.ofSeconds(30))
				.untilAsserted(() -> assertThat(this.listener.processed).containsExactly("first", "flaky", "last"));
			assertThat(this.listener.flakyAttempts).hasValue(Listener.FLAKY_FAILURES + 1);
			List<ConsumerRecord<String, String>> dead = new ArrayList<>();
			await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
				deadLetters.poll(Duration.ofMillis(200)).forEach(dead::add);
				assertThat(dead).hasSize(1);
			});
			assertThat(dead.get(0).value()).contains("poison");
			assertThat(dead.get(0).headers().lastHeader("kafka_dlt-exception-message").value()).asString()
				.contains("not an article");
			assertThat(this.metrics.counter("newsradar.kafka.dead.letters", "topic", TOPIC).count()).isEqualTo(1);
			// Only once: the poison record is not retried.
			assertThat(deadLetters.poll(Duration.ofSeconds(2))).isEmpty();
		}
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class Service {

		@Bean
		Listener listener() {
			return new Listener();
		}

		@Bean
		MeterRegistry meterRegistry() {
			return new SimpleMeterRegistry();
		}

	}

	static class Listener {

		static final int FLAKY_FAILURES = 2;

		final List<String> processed = new CopyOnWriteArrayList<>();

		final AtomicInteger flakyAttempts = new AtomicInteger();

		@KafkaListener(topics = TOPIC)
		void on(String value) {
			if (value.equals("poison")) {
				throw new PoisonMessageException("not an article", null);
			}
			if (value.equals("flaky") && this.flakyAttempts.incrementAndGet() <= FLAKY_FAILURES) {
				throw new IllegalStateException("Elasticsearch cannot be reached");
			}
			this.processed.add(value);
		}

	}

}
