package org.newsradar.kafka;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.newsradar.engines.TestEngines;
import org.newsradar.events.ArticleIngested;
import org.newsradar.events.CloudEvents;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.support.serializer.SerializationUtils;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The record conventions every service gets from this module, against a real broker: what
 * {@link EventPublisher} writes (the value as JSON with the application's mapper and no
 * type header, the CloudEvents binary-mode headers) and how {@link KafkaJson} reads it
 * back (an unreadable value becomes a null with the reason in a header, not a poll that
 * fails forever).
 */
@SpringBootTest(classes = EventConventionsIT.Service.class, properties = { "spring.application.name=conventions-test",
		"spring.jackson.property-naming-strategy=SNAKE_CASE" })
class EventConventionsIT {

	static final String TOPIC = "conventions.events";

	private static final Instant PUBLISHED = Instant.parse("2026-12-01T09:00:00Z");

	@DynamicPropertySource
	static void kafka(DynamicPropertyRegistry registry) {
		TestEngines.registerKafka(registry);
		TestEngines.createTopics(1, TOPIC);
	}

	@Autowired
	EventPublisher publisher;

	@Autowired
	JsonMapper json;

	@Test
	void anEventIsJsonWithItsCloudEventsHeadersAndNoTypeHeader() throws Exception {
		try (KafkaConsumer<String, String> consumer = TestEngines.follow(new StringDeserializer(), TOPIC)) {
			Instant time = Instant.parse("2026-12-01T10:15:30.123Z");
			this.publisher
				.publish(TOPIC, "a1", article("a1"), CloudEvents.ARTICLE_INGESTED, time, Map.of("x-origin", "test"))
				.get();

			ConsumerRecord<String, String> record = next(consumer).get(0);
			assertThat(record.key()).isEqualTo("a1");
			assertThat(record.value()).contains("\"published_at\":\"2026-12-01T09:00:00Z\"")
				.contains("\"title\":\"Astana reaffirms its position\"");
			assertThat(header(record, CloudEvents.TYPE)).isEqualTo(CloudEvents.ARTICLE_INGESTED);
			assertThat(header(record, CloudEvents.SOURCE)).isEqualTo("/newsradar/conventions-test");
			assertThat(header(record, CloudEvents.SPEC_VERSION)).isEqualTo("1.0");
			assertThat(header(record, CloudEvents.TIME)).isEqualTo("2026-12-01T10:15:30.123Z");
			assertThat(header(record, CloudEvents.CONTENT_TYPE)).isEqualTo("application/json");
			assertThat(UUID.fromString(header(record, CloudEvents.ID))).isNotNull();
			assertThat(header(record, "x-origin")).isEqualTo("test");
			assertThat(record.headers().toArray()).extracting(Header::key)
				.as("no type header: the record's reader decides the type")
				.noneMatch((key) -> key.startsWith("__TypeId__"));
		}
	}

	@Test
	void aValueThatIsNotAnEventIsReadAsNullWithTheReasonAndTheNextIsReadWhole() throws Exception {
		try (KafkaConsumer<String, ArticleIngested> consumer = TestEngines
			.follow(KafkaJson.deserializer(ArticleIngested.class, this.json), TOPIC);
				KafkaProducer<String, String> producer = new KafkaProducer<>(
						Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestEngines.kafkaBootstrapServers()),
						new StringSerializer(), new StringSerializer())) {
			producer.send(new ProducerRecord<>(TOPIC, "bad", "this is not JSON")).get();
			this.publisher.publish(TOPIC, "a2", article("a2"), CloudEvents.ARTICLE_INGESTED, PUBLISHED).get();

			List<ConsumerRecord<String, ArticleIngested>> records = next(consumer);
			assertThat(records).extracting(ConsumerRecord::key).containsExactly("bad", "a2");
			assertThat(records.get(0).value()).isNull();
			assertThat(records.get(0).headers().lastHeader(SerializationUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER))
				.as("the reason travels with the record, for the error handler to send it to the dead letters")
				.isNotNull();
			assertThat(records.get(1).value()).isEqualTo(article("a2"));
		}
	}

	private static ArticleIngested article(String id) {
		return new ArticleIngested(id, "https://news.example.com/" + id, "example", "Astana reaffirms its position",
				"The ministry said so.", PUBLISHED, PUBLISHED.plusSeconds(60), "en");
	}

	/** The records that arrive within 30 s, until a poll after the first brings none. */
	private static <V> List<ConsumerRecord<String, V>> next(KafkaConsumer<String, V> consumer) {
		List<ConsumerRecord<String, V>> records = new ArrayList<>();
		await().atMost(Duration.ofSeconds(30)).until(() -> {
			int before = records.size();
			consumer.poll(Duration.ofMillis(500)).forEach(records::add);
			return before > 0 && records.size() == before;
		});
		return records;
	}

	private static String header(ConsumerRecord<?, ?> record, String name) {
		Header header = record.headers().lastHeader(name);
		return (header != null) ? new String(header.value(), StandardCharsets.UTF_8) : null;
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class Service {

	}

}
